package io.tickflow.cli;

/** The text of {@code --help}. */
final class Help {

    private Help() {}

    static final String TEXT =
            """
            Usage: ./tickflow publish FILE [options]          (FILE may be - for standard input)
                   ./tickflow backfill s3://bucket/key [options]
                   ./tickflow candles SYMBOL INTERVAL [options]     (see ./tickflow candles --help)
                   ./tickflow analyze SYMBOL INTERVAL --strategy NAME [options]
                                                                 (see ./tickflow analyze --help)
                   ./tickflow listen --port PORT [--secret S]    (see ./tickflow listen --help)
                   ./tickflow subscribe webhook|email|sns|alert|list|show|delete|test|rotate-secret ...
                                                                 (see ./tickflow subscribe --help)
                   ./tickflow api-keys issue|list|revoke OWNER ...  (see ./tickflow api-keys --help)

            Reads trades, quotes or bars from a CSV, NDJSON or JSON file (gzip or not) and sends them to the ingest
            queue as tickflow.tick-batch.v1 messages, with SendMessageBatch. publish reads a local file; backfill
            streams an S3 object. Values pass through as written (decimals are never rounded); ingest-service
            validates every tick and records why it rejects one. Lines the CLI cannot read at all are reported
            with their line number and skipped.

            Replays are safe: the same input with the same options always gives the same messages (the same ticks
            in the same order in each), whatever the timing, so ingest-service recognises ticks it already has. Keep
            --ticks-per-message and --max-bytes unchanged between a run and its replay.

            Input
              --format csv|ndjson|json   default: from the extension (.csv .tsv .ndjson .jsonl .json, then .gz);
                                         gzip is detected by the .gz suffix or the content's first bytes
              --venue NAME               venue of ticks that name none (JSON) or of every row (CSV)
              --symbol SYMBOL            symbol of every CSV row, when no column holds it (e.g. BTC-USD)
              --type trade|quote|bar     what CSV rows are; default: told from the columns
              --interval 1d              bar interval of every CSV row, when no column holds it
              --columns MAPPING          which CSV column fills which field, e.g.
                                           --columns time=timestamp:epoch-s,price=price,size=amount
                                         fields: venue symbol interval time price size side tradeId sequence
                                                 bid bidSize ask askSize open high low close volume
                                         a column is a header name, or a number (1 = first) without a header;
                                         columns named like a field map themselves
              time formats (after time=column:)
                                         auto (default): ISO-8601 date, date-time or instant, or epoch millis
                                         iso, epoch-s, epoch-ms, epoch-us, epoch-ns, or a java.time pattern
                                         (dd/MM/yyyy HH:mm); times without an offset are UTC
              --delimiter C              CSV separator: a character or "tab"; default , (tab for .tsv)
              --no-header                the first CSV line is data

            Recognised CSV headers (no --columns needed)
              timestamp,price,amount                 bitstamp-trades: epoch seconds; venue bitstamp, symbol
                                                     BTC-USD unless --venue/--symbol say otherwise
              date,open,high,low,close,volume        daily-bars: yyyy-MM-dd, opening at midnight UTC; interval
                                                     1d; pass --venue and --symbol
            JSON and NDJSON hold ticks as in the contract: bare tick objects, tick-batch objects
            ({"schema":"tickflow.tick-batch.v1","venue":...,"ticks":[...]}), or (JSON) an array of either.

            Sending
              --queue NAME               default tickflow-ingest (looked up with GetQueueUrl)
              --queue-url URL            send here instead
              --ticks-per-message N      default 500
              --max-bytes N              largest message body and SendMessageBatch payload; default 262144
              --concurrency N            SendMessageBatch calls in flight; default 4
              --max-attempts N           tries per message before it counts as not sent; default 6
              --dry-run                  print the first message to standard output and send nothing
              --progress bar|lines|none  default: lines (./tickflow picks bar when stderr is a terminal)

            AWS settings come from the environment as for the AWS CLI: AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL_S3
            (S3 is then addressed path-style), AWS_REGION, AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, else the SDK's
            default chains. ./tickflow points what is unset at the embedded stack (see ./tickflow env).

            Exit status: 0 everything read was sent; 3 everything readable was sent, some lines were unreadable;
            1 some ticks were not sent (the summary says how many; running the same command again is safe);
            2 the command line is wrong.
            """;
}
