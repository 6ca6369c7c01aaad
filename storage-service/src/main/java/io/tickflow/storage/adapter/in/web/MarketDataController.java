package io.tickflow.storage.adapter.in.web;

import io.tickflow.common.contract.Dataset;
import io.tickflow.common.contract.Interval;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.common.lake.LakePartition;
import io.tickflow.storage.candles.Candle;
import io.tickflow.storage.candles.CandleStore;
import io.tickflow.storage.flow.LakeCatalog;
import io.tickflow.storage.flow.LakeCompaction;
import io.tickflow.storage.prices.LatestPrices;
import io.tickflow.storage.prices.PriceStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read API: instruments, candles for a range, latest prices, lake objects for a range; and compaction on demand. Decimals are strings, exact
 * to the last digit, as in the message contracts; times are ISO-8601 UTC. A bad parameter is a 400 that says which and
 * why; an unknown instrument a 404.
 */
@RestController
@RequestMapping("/api/v1")
class MarketDataController {

    /** Enough for a day of one-minute candles and then some; a longer range is asked for in pages. */
    static final int MAX_CANDLES = 5_000;

    private final CandleStore candles;
    private final PriceStore prices;
    private final LakeCatalog lake;
    private final LakeCompaction compaction;

    MarketDataController(CandleStore candles, PriceStore prices, LakeCatalog lake, LakeCompaction compaction) {
        this.candles = candles;
        this.prices = prices;
        this.lake = lake;
        this.compaction = compaction;
    }

    /** Every instrument with a price, with its latest prices. */
    @GetMapping("/instruments")
    List<PricesView> instruments() {
        return prices.all().stream().map(PricesView::of).toList();
    }

    /** The latest quote and last trade of one instrument. */
    @GetMapping("/instruments/{venue}/{symbol}")
    PricesView latest(@PathVariable String venue, @PathVariable String symbol) {
        return prices.latest(venue, symbol)
                .map(PricesView::of)
                .orElseThrow(() -> new NotFound("No prices for " + symbol + " at " + venue + " yet"));
    }

    /**
     * The candles that open in [{@code from}, {@code to}); {@code to} defaults to now, {@code from} to
     * {@value #MAX_CANDLES} intervals before {@code to}.
     */
    @GetMapping("/instruments/{venue}/{symbol}/candles/{interval}")
    List<CandleView> candles(
            @PathVariable String venue,
            @PathVariable String symbol,
            @PathVariable String interval,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Interval size = Interval.fromWireName(interval)
                .orElseThrow(() -> new BadRequest("interval is one of "
                        + Arrays.stream(Interval.values())
                                .map(Interval::wireName)
                                .toList() + ", not " + interval));
        Instant end = to == null ? Instant.now() : time("to", to);
        Instant start = from == null ? end.minus(size.duration().multipliedBy(MAX_CANDLES)) : time("from", from);
        if (!start.isBefore(end)) {
            throw new BadRequest("from (" + start + ") must be before to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(size.duration().multipliedBy(MAX_CANDLES)) > 0) {
            throw new BadRequest("at most " + MAX_CANDLES + " " + interval + " candles at once; narrow from and to");
        }
        return candles.range(venue, symbol, size, start, end).stream()
                .map(CandleView::of)
                .toList();
    }

    /** The lake objects of the instrument's partitions that overlap [{@code from}, {@code to}). */
    @GetMapping("/instruments/{venue}/{symbol}/lake/{dataset}")
    List<LakeCatalog.StoredObject> lake(
            @PathVariable String venue,
            @PathVariable String symbol,
            @PathVariable String dataset,
            @RequestParam String from,
            @RequestParam String to) {
        Dataset kind = Dataset.fromWireName(dataset)
                .orElseThrow(() -> new BadRequest("dataset is one of "
                        + Arrays.stream(Dataset.values()).map(Dataset::wireName).toList() + ", not " + dataset));
        return lake.objects(kind, venue, symbol, time("from", from), time("to", to));
    }

    /**
     * Compacts now every partition under the prefix that has more than one object: by default the whole lake, or
     * {@code dataset}, {@code venue} and {@code symbol} narrowing it down in that order.
     */
    @PostMapping("/lake/compactions")
    List<LakeCompaction.Compacted> compact(
            @RequestParam(required = false) @Nullable String dataset,
            @RequestParam(required = false) @Nullable String venue,
            @RequestParam(required = false) @Nullable String symbol) {
        String prefix = LakePartition.ROOT;
        if (dataset != null) {
            Dataset kind = Dataset.fromWireName(dataset)
                    .orElseThrow(() -> new BadRequest("dataset is one of "
                            + Arrays.stream(Dataset.values())
                                    .map(Dataset::wireName)
                                    .toList() + ", not " + dataset));
            prefix = LakePartition.datasetPrefix(kind);
            if (venue != null) {
                prefix += "venue=" + venue + "/";
                if (symbol != null) {
                    prefix += "symbol=" + symbol + "/";
                }
            }
        } else if (venue != null || symbol != null) {
            throw new BadRequest("venue and symbol narrow a dataset down: give dataset too");
        }
        return compaction.compactUnder(prefix);
    }

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badRequest(BadRequest e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** An ISO-8601 instant ({@code 2013-11-25T10:00:00Z}) or a UTC date ({@code 2013-11-25}, its midnight). */
    private static Instant time(String name, String text) {
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " is an ISO-8601 instant such as 2013-11-25T10:00:00Z or a date such as"
                    + " 2013-11-25, not " + text);
        }
    }

    /** One candle as the API shows it. */
    record CandleView(
            Instant openTime,
            Instant closeTime,
            String open,
            String high,
            String low,
            String close,
            String volume,
            @Nullable String vwap,
            long tradeCount) {
        static CandleView of(Candle c) {
            BigDecimal vwap = c.vwap();
            return new CandleView(
                    c.key().openTime(),
                    c.key().closeTime(),
                    c.open().toPlainString(),
                    c.high().toPlainString(),
                    c.low().toPlainString(),
                    c.close().toPlainString(),
                    c.volume().toPlainString(),
                    vwap == null ? null : vwap.toPlainString(),
                    c.tradeCount());
        }
    }

    /** An instrument's latest prices as the API shows them. */
    record PricesView(String venue, String symbol, @Nullable QuoteView quote, @Nullable TradeView lastTrade) {
        static PricesView of(LatestPrices p) {
            Quote q = p.quote();
            Trade t = p.lastTrade();
            return new PricesView(
                    p.venue(),
                    p.symbol(),
                    q == null
                            ? null
                            : new QuoteView(
                                    q.time(),
                                    q.bid().toPlainString(),
                                    q.bidSize().toPlainString(),
                                    q.ask().toPlainString(),
                                    q.askSize().toPlainString()),
                    t == null
                            ? null
                            : new TradeView(
                                    t.time(),
                                    t.price().toPlainString(),
                                    t.size().toPlainString()));
        }
    }

    record QuoteView(Instant time, String bid, String bidSize, String ask, String askSize) {}

    record TradeView(Instant time, String price, String size) {}

    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
