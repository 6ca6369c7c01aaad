package io.tickflow.cli;

import io.tickflow.cli.analyze.AnalyzeCommand;
import io.tickflow.cli.apikeys.ApiKeysCommand;
import io.tickflow.cli.candles.CandlesCommand;
import io.tickflow.cli.send.Sleeper;
import io.tickflow.cli.subscribe.SubscribeCommand;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The entry point: {@code java -jar tickflow-cli.jar publish FILE | backfill s3://bucket/key | candles SYMBOL INTERVAL
 * [options] | analyze SYMBOL INTERVAL --strategy NAME [options] | subscribe ... | api-keys issue|list|revoke ...}. The
 * launcher ({@code ./tickflow publish}, {@code ./tickflow backfill}, ...) runs it with the embedded stack's endpoints.
 * See {@link Help#TEXT} for the options.
 */
public final class TickflowCli {

    private TickflowCli() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.in, System.out, System.err));
    }

    /**
     * Runs one command line and returns its exit status (see {@code --help}).
     *
     * @param args the command and its arguments
     * @param env the environment to take AWS settings from
     * @param stdin what {@code publish -} reads
     * @param out where {@code --dry-run} prints the message and {@code help} the usage
     * @param err where progress, problems and the summary go
     */
    static int run(List<String> args, Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err) {
        String command = args.isEmpty() ? "help" : args.get(0);
        if (List.of("help", "--help", "-h").contains(command)) {
            out.print(Help.TEXT);
            return Publication.OK;
        }
        if (command.equals("candles")) {
            return new CandlesCommand(env, out, err).run(args.subList(1, args.size()));
        }
        if (command.equals("listen")) {
            return new io.tickflow.cli.listen.ListenCommand(out, err).run(args.subList(1, args.size()));
        }
        if (command.equals("analyze")) {
            return new AnalyzeCommand(env, out, err).run(args.subList(1, args.size()));
        }
        if (command.equals("subscribe")) {
            return new SubscribeCommand(env, out, err).run(args.subList(1, args.size()));
        }
        if (command.equals("api-keys")) {
            return new ApiKeysCommand(env, out, err).run(args.subList(1, args.size()));
        }
        PublishOptions.Command parsed;
        switch (command) {
            case "publish" -> parsed = PublishOptions.Command.PUBLISH;
            case "backfill" -> parsed = PublishOptions.Command.BACKFILL;
            default -> {
                err.println("tickflow: unknown command " + command
                        + "; the CLI knows publish, backfill, candles, analyze, listen, subscribe and api-keys");
                return Publication.USAGE;
            }
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(Help.TEXT);
            return Publication.OK;
        }
        PublishOptions options;
        try {
            options = PublishOptions.parse(parsed, rest);
        } catch (UsageException e) {
            err.println("tickflow " + parsed.label() + ": " + e.getMessage());
            err.println("See ./tickflow " + parsed.label() + " --help");
            return Publication.USAGE;
        }
        return new Publication(env, stdin, out, err, System::nanoTime, Sleeper.THREAD).run(options);
    }
}
