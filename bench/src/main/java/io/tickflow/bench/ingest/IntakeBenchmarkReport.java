package io.tickflow.bench.ingest;

import io.tickflow.bench.Host;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TickIntakeBenchmark} with JMH's usual command-line options ({@code -f 1 -wi 3 -i 5 -t 1}...) and then
 * prints, as Markdown for {@code bench/reports/ingest-intake.md}, the machine, the results in ticks per second and the
 * ratio of the streaming intake to the databind baseline, measured in the same run.
 *
 * <p>On a machine shared with other work (CI, a laptop running builds), JMH's wall-clock scores fall with every other
 * busy process. The report therefore adds, after JMH, ticks per second of <em>CPU time</em> of the measuring thread:
 * what one core does for intake while it runs, the figure to set against a per-core target.
 */
public final class IntakeBenchmarkReport {

    private IntakeBenchmarkReport() {}

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(TickIntakeBenchmark.class.getName())
                .build();
        Collection<RunResult> results = new Runner(options).run();

        // batches -> benchmark -> result
        Map<String, Map<String, Result<?>>> scores = new LinkedHashMap<>();
        for (RunResult run : results) {
            String batches = run.getParams().getParam("batches");
            String benchmark = run.getParams().getBenchmark();
            benchmark = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            scores.computeIfAbsent(batches, b -> new LinkedHashMap<>()).put(benchmark, run.getPrimaryResult());
        }

        StringBuilder report = new StringBuilder();
        report.append("## Machine\n\n")
                .append("- cores (nproc): ")
                .append(Runtime.getRuntime().availableProcessors())
                .append('\n')
                .append("- CPU: ")
                .append(Host.cpuModel())
                .append('\n')
                .append("- JDK: ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(Runtime.version())
                .append(" (")
                .append(System.getProperty("java.vm.vendor"))
                .append(")\n")
                .append("- OS: ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.version"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append("\n\n## Messages\n\n")
                .append("| batches | messages | ticks per message | UTF-8 bytes per tick |\n")
                .append("| --- | ---: | ---: | ---: |\n");
        for (String batches : scores.keySet()) {
            List<String> messages = "mixed".equals(batches)
                    ? MarketDataBatches.mixed(TickIntakeBenchmark.TICKS_PER_MESSAGE)
                    : MarketDataBatches.bitstampTrades(TickIntakeBenchmark.TICKS_PER_MESSAGE);
            long bytes = messages.stream()
                    .mapToLong(m -> m.getBytes(StandardCharsets.UTF_8).length)
                    .sum();
            report.append("| ")
                    .append(batches)
                    .append(" | ")
                    .append(messages.size())
                    .append(" | ")
                    .append(TickIntakeBenchmark.TICKS_PER_MESSAGE)
                    .append(" | ")
                    .append(bytes / ((long) messages.size() * TickIntakeBenchmark.TICKS_PER_MESSAGE))
                    .append(" |\n");
        }
        report.append("\n## Results (ticks/s, higher is better)\n\n")
                .append("| batches | benchmark | ticks/s | ± error (99.9%) |\n")
                .append("| --- | --- | ---: | ---: |\n");
        scores.forEach((batches, byBenchmark) -> byBenchmark.forEach((benchmark, result) -> report.append("| ")
                .append(batches)
                .append(" | ")
                .append(benchmark)
                .append(" | ")
                .append(format(result.getScore()))
                .append(" | ")
                .append(Double.isNaN(result.getScoreError()) ? "n/a" : format(result.getScoreError()))
                .append(" |\n")));
        report.append("\n## Streaming intake against the databind baseline\n\n")
                .append("| batches | streaming / databindBaseline |\n")
                .append("| --- | ---: |\n");
        scores.forEach((batches, byBenchmark) -> {
            Result<?> streaming = byBenchmark.get("streaming");
            Result<?> databind = byBenchmark.get("databindBaseline");
            if (streaming != null && databind != null) {
                report.append("| ")
                        .append(batches)
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f×", streaming.getScore() / databind.getScore()))
                        .append(" |\n");
            }
        });
        report.append("\n## Ticks per CPU-second (the measuring thread's CPU time, after warm-up)\n\n")
                .append("| batches | streaming | databindBaseline | ratio |\n")
                .append("| --- | ---: | ---: | ---: |\n");
        for (String batches : scores.keySet()) {
            double streaming = CpuTime.ticksPerCpuSecond(batches, false);
            double databind = CpuTime.ticksPerCpuSecond(batches, true);
            report.append("| ")
                    .append(batches)
                    .append(" | ")
                    .append(format(streaming))
                    .append(" | ")
                    .append(format(databind))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f×", streaming / databind))
                    .append(" |\n");
        }
        report.append("\nLoad average when done: ").append(Host.loadAverage()).append('\n');
        System.out.println();
        System.out.println(report);
    }

    private static String format(double ticksPerSecond) {
        return String.format(Locale.ROOT, "%,.0f", ticksPerSecond);
    }
}
