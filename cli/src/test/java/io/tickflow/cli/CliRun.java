package io.tickflow.cli;

import io.tickflow.localaws.Endpoints;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One run of the CLI's entry point against the embedded stack, with what it printed.
 *
 * @param exitCode the exit status
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code args} with the stack's endpoints, region and credentials as the environment. */
    static CliRun run(Endpoints endpoints, String... args) {
        return run(endpoints.environment(), args);
    }

    /** Runs {@code args} with {@code env} as the environment. */
    static CliRun run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = TickflowCli.run(List.of(args), env, new ByteArrayInputStream(new byte[0]), outStream, errStream);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
