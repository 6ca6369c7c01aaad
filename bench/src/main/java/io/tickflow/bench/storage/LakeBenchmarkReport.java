package io.tickflow.bench.storage;

import io.tickflow.bench.Host;
import io.tickflow.bench.storage.BytesAtRest.Layout;
import io.tickflow.bench.storage.LakeCpuTime.Score;
import io.tickflow.bench.storage.LakeCpuTime.Work;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link LakeWriterBenchmark} with JMH's usual command-line options ({@code -f 1 -wi 3 -i 5 -t 1}...), then
 * measures trades per CPU-second of the same work ({@link LakeCpuTime}) and bytes at rest ({@link BytesAtRest}), and
 * writes all of it, with the targets of issue 4 and whether they are met, as Markdown: to the file named by {@code
 * --report FILE} (taken out before JMH reads the options), or else to standard output.
 */
public final class LakeBenchmarkReport {

    private static final double TARGET_TRADES_PER_SECOND = 200_000;
    private static final double TARGET_BYTES_PER_TRADE = 15;

    /** What each benchmark does, for the report's tables. */
    private static final Map<String, String> WHAT = Map.of(
            "lakeFile", "`LakeFile.of`: sort + name + encode",
            "parquetEncode", "`ParquetTicks.encode` alone (rows already sorted)",
            "jsonBaseline", "`writeValueAsBytes` of the trades' `TicksAccepted` events",
            "lakeFileFlush", "`LakeFile.of`: sort + name + encode",
            "parquetEncodeFlush", "`ParquetTicks.encode` alone (rows already sorted)",
            "jsonBaselineFlush", "`writeValueAsBytes` of the trades' `TicksAccepted` events",
            "lakeFilesHourly", "`LakeFile.of` per hourly partition: 161 files");

    private LakeBenchmarkReport() {}

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        List<String> jmhArgs = new ArrayList<>(List.of(args));
        Path reportFile = null;
        int at = jmhArgs.indexOf("--report");
        if (at >= 0) {
            if (at + 1 >= jmhArgs.size()) {
                throw new IllegalArgumentException("--report needs a file name");
            }
            reportFile = Path.of(jmhArgs.get(at + 1));
            jmhArgs.subList(at, at + 2).clear();
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String loadAtStart = Host.loadAverage();
        String code = gitState();

        CommandLineOptions commandLine = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        OptionsBuilder options = new OptionsBuilder();
        options.parent(commandLine);
        if (commandLine.getIncludes().isEmpty()) {
            // A benchmark pattern on the command line picks some; otherwise all of them run.
            options.include(LakeWriterBenchmark.class.getName());
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Result<?>> jmh = new LinkedHashMap<>();
        String forkJvm = "";
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark();
            jmh.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run.getPrimaryResult());
            forkJvm = run.getParams().getJvm() + " "
                    + String.join(" ", run.getParams().getJvmArgs()) + "; "
                    + run.getParams().getThreads() + " thread(s), "
                    + run.getParams().getForks() + " fork(s), "
                    + run.getParams().getWarmup().getCount() + " × "
                    + run.getParams().getWarmup().getTime()
                    + " warm-up, " + run.getParams().getMeasurement().getCount() + " × "
                    + run.getParams().getMeasurement().getTime() + " measured";
        }
        String loadAfterJmh = Host.loadAverage();

        System.out.println("\nTrades per CPU-second (5 s warm-up, 10 s measured, each):");
        Map<String, Work> work = LakeCpuTime.benchmarks();
        Map<String, Score> cpu = new LinkedHashMap<>();
        for (var entry : work.entrySet()) {
            if (jmh.containsKey(entry.getKey())) {
                Score score = LakeCpuTime.measure(entry.getValue());
                cpu.put(entry.getKey(), score);
                System.out.printf(
                        Locale.ROOT,
                        "  %-20s %,12.0f per thread CPU-s %,12.0f per process CPU-s%n",
                        entry.getKey(),
                        score.perThreadCpuSecond(),
                        score.perProcessCpuSecond());
            }
        }
        List<Layout> layouts = BytesAtRest.measure();
        String loadAtEnd = Host.loadAverage();

        String report =
                new Report(jmh, cpu, layouts).write(args, started, code, forkJvm, loadAtStart, loadAfterJmh, loadAtEnd);
        if (reportFile != null) {
            Files.writeString(reportFile, report, StandardCharsets.UTF_8);
            System.out.println("\nWrote " + reportFile.toAbsolutePath());
        } else {
            System.out.println();
            System.out.println(report);
        }
    }

    /** The Markdown of one run. */
    private record Report(Map<String, Result<?>> jmh, Map<String, Score> cpu, List<Layout> layouts) {

        String write(
                String[] args,
                Instant started,
                String code,
                String forkJvm,
                String loadAtStart,
                String loadAfterJmh,
                String loadAtEnd) {
            StringBuilder md = new StringBuilder();
            md.append("# storage-service lake writer: encode + write, and bytes at rest (JMH)\n\n")
                    .append("Targets from issue 4:\n\n")
                    .append("- **encode + write: at least 200,000 trades/s per core into Parquet** (JMH);\n")
                    .append("- **bytes at rest per trade in Parquet on the real Bitstamp trades (from ta4j-examples):")
                    .append(" at most 15 B/trade**; JSON bytes/trade beside it.\n\n")
                    .append("Written by `io.tickflow.bench.storage.LakeBenchmarkReport` (run ")
                    .append(started)
                    .append("); the command below writes it again.\n\n");
            verdict(md);
            whatIsMeasured(md);
            command(md, args, code, forkJvm);
            machine(md, loadAtStart, loadAfterJmh, loadAtEnd);
            throughput(md);
            bytesAtRest(md);
            reading(md);
            return md.toString();
        }

        private void verdict(StringBuilder md) {
            md.append("## Verdict\n\n").append("| target | measured | |\n").append("| --- | --- | --- |\n");
            for (String benchmark : List.of("lakeFile", "lakeFileFlush", "lakeFilesHourly")) {
                Result<?> score = jmh.get(benchmark);
                Score perCpu = cpu.get(benchmark);
                if (score == null || perCpu == null) {
                    continue;
                }
                boolean wall = score.getScore() >= TARGET_TRADES_PER_SECOND;
                boolean processCpu = perCpu.perProcessCpuSecond() >= TARGET_TRADES_PER_SECOND;
                boolean threadCpu = perCpu.perThreadCpuSecond() >= TARGET_TRADES_PER_SECOND;
                String outcome = wall && processCpu
                        ? "**met**"
                        : processCpu
                                ? "**met per CPU-second**; JMH's wall-clock score is below it on this shared machine"
                                : threadCpu
                                        ? "**missed** once GC's CPU is counted (met on the thread's CPU time alone)"
                                        : "**missed**";
                md.append("| ≥ 200,000 trades/s per core, `")
                        .append(benchmark)
                        .append("` (")
                        .append(inputOf(benchmark))
                        .append(") | ")
                        .append(trades(score.getScore()))
                        .append(" trades/s (JMH, 1 thread); ")
                        .append(trades(perCpu.perThreadCpuSecond()))
                        .append(" per thread CPU-s; ")
                        .append(trades(perCpu.perProcessCpuSecond()))
                        .append(" per process CPU-s | ")
                        .append(outcome)
                        .append(" |\n");
            }
            for (Layout layout : layouts) {
                if (layout.parquet()) {
                    md.append("| ≤ 15 B/trade at rest, ")
                            .append(layout.name())
                            .append(" | ")
                            .append(bytesPerTrade(layout.bytesPerTrade()))
                            .append(" B/trade | ")
                            .append(layout.bytesPerTrade() <= TARGET_BYTES_PER_TRADE ? "**met**" : "**missed**")
                            .append(" |\n");
                }
            }
            md.append('\n');
            for (String size : List.of("", "Flush")) {
                Double encode = ratio("parquetEncode" + size, "jsonBaseline" + size, false);
                Double lakeFile = ratio("lakeFile" + size, "jsonBaseline" + size, false);
                Double encodeCpu = ratio("parquetEncode" + size, "jsonBaseline" + size, true);
                Double lakeFileCpu = ratio("lakeFile" + size, "jsonBaseline" + size, true);
                if (encode != null && lakeFile != null && encodeCpu != null && lakeFileCpu != null) {
                    md.append("- ")
                            .append(inputOf("lakeFile" + size))
                            .append(": Parquet encode is **")
                            .append(times(encodeCpu))
                            .append("** the speed of writing the same trades as JSON per process CPU-second (")
                            .append(times(encode))
                            .append(" in JMH's wall-clock scores); with the sort and the name (`LakeFile.of`), **")
                            .append(times(lakeFileCpu))
                            .append("** (")
                            .append(times(lakeFile))
                            .append(").\n");
                }
            }
            Layout json = layouts.stream()
                    .filter(l -> l.name().startsWith("TicksAccepted JSON,"))
                    .findFirst()
                    .orElseThrow();
            Layout lake = atRest();
            md.append("- At rest, the lake's compacted Parquet holds a trade in ")
                    .append(bytesPerTrade(lake.bytesPerTrade()))
                    .append(" B, the `TicksAccepted` JSON storage-service receives in ")
                    .append(bytesPerTrade(json.bytesPerTrade()))
                    .append(" B: ")
                    .append(String.format(Locale.ROOT, "%.1f", json.bytesPerTrade() / lake.bytesPerTrade()))
                    .append(" times smaller.\n\n");
        }

        private void whatIsMeasured(StringBuilder md) {
            md.append("## What is measured\n\n")
                    .append("`io.tickflow.bench.storage.LakeWriterBenchmark`, JMH throughput. Every invocation writes")
                    .append(" a fixed number of trades and `@OperationsPerInvocation` says how many, so every score")
                    .append(" is **trades per second**; one thread (`-t 1`) is one core's work.\n\n")
                    .append("| benchmark | input | what one invocation does |\n")
                    .append("| --- | --- | --- |\n");
            for (String benchmark : jmh.keySet()) {
                md.append("| `")
                        .append(benchmark)
                        .append("` | ")
                        .append(inputOf(benchmark))
                        .append(" | ")
                        .append(WHAT.getOrDefault(benchmark, ""))
                        .append(" |\n");
            }
            md.append(
                    """

                    The data are the 100,000 real Bitstamp BTC/USD trades of `bitstamp_trades_from_20131125_usd.csv` \
                    (jar root of `org.ta4j:ta4j-examples:0.18`, 2013-11-25 to 2013-12-01), as ingest-service \
                    publishes them: symbol `BTC-USD`, price and amount with the 12 decimals the file writes, no side, \
                    trade id or sequence (the file has none), times to the second (59% of the trades share their \
                    second with another). They come in `TicksAccepted` events of 500 consecutive trades, the size \
                    of an ingest message.

                    - **The input of `LakeFile.of` is built as a flush builds it.** `LakeBuffer` files each event's \
                    ticks under (partition, event id) in hash maps, and `LakeFlush` concatenates a partition's ticks \
                    event by event in that map's order. The rows therefore arrive in runs of 500, the runs in hash \
                    order, and the sort has real work to do. The sort key is time, then `Tick.toString()` for ties, \
                    which are frequent in this data. `parquetEncode` gets the same rows already in that order.
                    - **partition, 10,000 trades**: the file's first 10,000 trades (20 events) given to one \
                    `LakeFile.of`. The busiest hour of the file holds 2,246 trades, so these rows span more than one \
                    real hour. `LakeFile.of` does not check that its rows are in its partition, and its work per row \
                    does not depend on it.
                    - **flush, 200,000 trades**: `flush-ticks` in storage-service's `application.yml`, so one full \
                    flush of a single partition (400 events). The file is used twice, the second pass shifted in time \
                    by the file's span plus 1 s, so times still rise and no trade of one pass equals one of the other.
                    - **hourly**: the whole file as the lake stores it. Its 200 events are filed by hourly partition \
                    as `LakeBuffer` does, then one `LakeFile.of` is called per partition: 161 files of 68 to 2,246 \
                    trades (621 on average): the file sizes this data's real trade rate gives, with the work each file \
                    costs (the writer, the footer, the SHA-256 name).
                    - **`jsonBaseline`** is the same trades written as JSON instead: each event through \
                    `ContractJson.mapper().writeValueAsBytes`. That is the `TicksAccepted` body storage-service \
                    receives; on SQS it is also wrapped, escaped, in SNS's envelope, which is not counted here.

                    **Trades per CPU-second.** The machine is shared and has two cores, so JMH's wall-clock scores \
                    fall whenever another process takes the core. After JMH, the report runs the same work in its own \
                    JVM: 5 s of the thread's CPU time to warm up, then 10 s measured. It reports trades per second of \
                    the **measuring thread's** CPU time, and of the **whole process's** CPU time. The process figure \
                    adds what the JVM does for that thread on other threads, mostly garbage collection, so it is the \
                    one to set against "per core". It also reports the heap allocated per trade.

                    **Bytes at rest** come from real `LakeFile.of` calls over all 100,000 trades, laid out as the \
                    table says. A flush writes one file per partition it holds. How many files an hour gets depends \
                    on how often flushes happen (every 60 s or 200,000 trades), so the report shows both ends: one \
                    file per hour, and a file per 500 trades. Compaction then merges each hour's files into one \
                    (`Compaction.Plan.merged`, whose footer lists the keys it replaces), which is what the lake \
                    keeps. The compacted row is that call over the small files. The JSON sizes are the \
                    `TicksAccepted` events of 500 trades, and the CSV is the file itself (header and CRLF line ends \
                    included).

                    """);
        }

        private void command(StringBuilder md, String[] args, String code, String forkJvm) {
            List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
            md.append("## Command\n\n")
                    .append("From the repository root, with JDK 25 (the default `java` here is 17):\n\n")
                    .append("```\n")
                    .append(
                            "export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH\n")
                    .append("./mvnw -q -B install -DskipTests -pl common,storage-service -am\n")
                    .append("./mvnw -q -B package -DskipTests -pl bench      # bench/target/benchmarks.jar\n")
                    .append("java ")
                    .append(jvm.isEmpty() ? "" : String.join(" ", jvm) + " ")
                    .append("-cp ")
                    .append(System.getProperty("java.class.path"))
                    .append(' ')
                    .append(LakeBenchmarkReport.class.getName())
                    .append(args.length == 0 ? "" : " " + String.join(" ", args))
                    .append("\n```\n\n")
                    .append("JMH fork: ")
                    .append(forkJvm)
                    .append(".\n`java -jar bench/target/benchmarks.jar LakeWriterBenchmark ...` runs plain JMH.\n\n")
                    .append("Code measured (git at the start of the run; build storage-service from it as above): ")
                    .append(code)
                    .append("\n\n");
        }

        private void machine(StringBuilder md, String loadAtStart, String loadAfterJmh, String loadAtEnd) {
            md.append("## Machine\n\n")
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
                    .append("), GC: ")
                    .append(String.join(
                            ", ",
                            ManagementFactory.getGarbageCollectorMXBeans().stream()
                                    .map(java.lang.management.MemoryManagerMXBean::getName)
                                    .toList()))
                    .append('\n')
                    .append("- OS: ")
                    .append(System.getProperty("os.name"))
                    .append(' ')
                    .append(System.getProperty("os.version"))
                    .append(' ')
                    .append(System.getProperty("os.arch"))
                    .append('\n')
                    .append("- load average (1, 5, 15 min; running/total; last pid): at start `")
                    .append(loadAtStart)
                    .append("`, after JMH `")
                    .append(loadAfterJmh)
                    .append("`, at the end `")
                    .append(loadAtEnd)
                    .append("`\n\n");
        }

        private void throughput(StringBuilder md) {
            md.append("## Results: trades per second (higher is better)\n\n")
                    .append("| benchmark | input | JMH trades/s | ± error (99.9%) |")
                    .append(" per thread CPU-s | per process CPU-s | heap allocated per trade |\n")
                    .append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
            jmh.forEach((benchmark, result) -> {
                Score perCpu = cpu.get(benchmark);
                boolean main = benchmark.startsWith("lakeFile");
                md.append("| `")
                        .append(benchmark)
                        .append("` | ")
                        .append(inputOf(benchmark))
                        .append(" | ")
                        .append(main ? "**" + trades(result.getScore()) + "**" : trades(result.getScore()))
                        .append(" | ")
                        .append(Double.isNaN(result.getScoreError()) ? "n/a" : trades(result.getScoreError()))
                        .append(" | ")
                        .append(perCpu == null ? "n/a" : trades(perCpu.perThreadCpuSecond()))
                        .append(" | ")
                        .append(perCpu == null ? "n/a" : trades(perCpu.perProcessCpuSecond()))
                        .append(" | ")
                        .append(
                                perCpu == null
                                        ? "n/a"
                                        : String.format(Locale.ROOT, "%,.0f B", perCpu.allocatedBytesPerTrade()))
                        .append(" |\n");
            });
            md.append("\nParquet against JSON, same run (ratio of trades/s; above 1 means Parquet is faster):\n\n")
                    .append("| input | parquetEncode / jsonBaseline (JMH) | (per process CPU-s) |")
                    .append(" lakeFile / jsonBaseline (JMH) | (per process CPU-s) |\n")
                    .append("| --- | ---: | ---: | ---: | ---: |\n");
            for (String size : List.of("", "Flush")) {
                md.append("| ")
                        .append(inputOf("lakeFile" + size))
                        .append(" | ")
                        .append(timesOrNa(ratio("parquetEncode" + size, "jsonBaseline" + size, false)))
                        .append(" | ")
                        .append(timesOrNa(ratio("parquetEncode" + size, "jsonBaseline" + size, true)))
                        .append(" | ")
                        .append(timesOrNa(ratio("lakeFile" + size, "jsonBaseline" + size, false)))
                        .append(" | ")
                        .append(timesOrNa(ratio("lakeFile" + size, "jsonBaseline" + size, true)))
                        .append(" |\n");
            }
            md.append('\n');
            for (String size : List.of("", "Flush")) {
                Score lakeFile = cpu.get("lakeFile" + size);
                Score encode = cpu.get("parquetEncode" + size);
                if (lakeFile != null && encode != null) {
                    double lakeFileMicros = 1e6 / lakeFile.perProcessCpuSecond();
                    double encodeMicros = 1e6 / encode.perProcessCpuSecond();
                    md.append("- ")
                            .append(inputOf("lakeFile" + size))
                            .append(": `LakeFile.of` takes ")
                            .append(micros(lakeFileMicros))
                            .append(" µs of CPU per trade, `ParquetTicks.encode` ")
                            .append(micros(encodeMicros))
                            .append(" µs (per process CPU-second)");
                    if (lakeFileMicros > encodeMicros) {
                        md.append("; the difference, ")
                                .append(micros(lakeFileMicros - encodeMicros))
                                .append(" µs (")
                                .append(String.format(
                                        Locale.ROOT, "%.0f%%", 100 * (lakeFileMicros - encodeMicros) / lakeFileMicros))
                                .append("), is the copy, the sort and the name, give or take this machine's noise.\n");
                    } else {
                        // Two separate measurements: on a noisy machine the smaller cost can come out larger.
                        md.append("; the copy, the sort and the name are lost in this machine's noise.\n");
                    }
                }
            }
            md.append('\n');
        }

        private void bytesAtRest(StringBuilder md) {
            md.append("## Bytes at rest: the 100,000 Bitstamp trades\n\n")
                    .append("| layout | files / events | trades per file | bytes | B/trade | ≤ 15 B/trade |\n")
                    .append("| --- | ---: | ---: | ---: | ---: | --- |\n");
            for (Layout layout : layouts) {
                md.append("| ")
                        .append(layout.name())
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%,d", layout.files()))
                        .append(" | ")
                        .append(
                                layout.minTradesPerFile() == layout.maxTradesPerFile()
                                        ? String.format(Locale.ROOT, "%,d", layout.minTradesPerFile())
                                        : String.format(
                                                Locale.ROOT,
                                                "%,d to %,d (%,.0f on average)",
                                                layout.minTradesPerFile(),
                                                layout.maxTradesPerFile(),
                                                (double) layout.trades() / layout.files()))
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%,d", layout.bytes()))
                        .append(" | ")
                        .append(
                                layout.parquet()
                                        ? "**" + bytesPerTrade(layout.bytesPerTrade()) + "**"
                                        : bytesPerTrade(layout.bytesPerTrade()))
                        .append(" | ")
                        .append(
                                layout.parquet()
                                        ? layout.bytesPerTrade() <= TARGET_BYTES_PER_TRADE ? "met" : "missed"
                                        : "(not Parquet)")
                        .append(" |\n");
            }
            List<Layout> parquet = layouts.stream().filter(Layout::parquet).toList();
            md.append(
                            "\nWhere the Parquet bytes go, B/trade by column (each column's pages with their headers, from the")
                    .append(" files' footers; the last row is the rest of each file):\n\n| column |");
            parquet.forEach(layout -> md.append(' ').append(shortName(layout)).append(" |"));
            md.append(" page encodings in the compacted files (how many files) |\n| ---");
            parquet.forEach(layout -> md.append(" | ---:"));
            md.append(" | --- |\n");
            Layout lake = atRest();
            Layout widest = parquet.stream()
                    .max(java.util.Comparator.comparingInt(
                            l -> l.bytesByColumn().size()))
                    .orElseThrow();
            for (String column : widest.bytesByColumn().keySet()) {
                md.append("| `").append(column).append('`');
                parquet.forEach(layout -> md.append(" | ")
                        .append(bytesPerTrade(
                                layout.bytesByColumn().getOrDefault(column, 0L) / (double) layout.trades())));
                md.append(" | ").append(encodings(lake, column)).append(" |\n");
            }
            md.append("| **all**");
            parquet.forEach(layout -> md.append(" | **")
                    .append(bytesPerTrade(layout.bytesPerTrade()))
                    .append("**"));
            md.append(" | |\n\n");
            int timeInDictionary = lake.encodings().getOrDefault("time", Map.of()).entrySet().stream()
                    .filter(e -> e.getKey().contains("RLE_DICTIONARY"))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
            if (timeInDictionary > 0) {
                md.append("`time` is dictionary-encoded in ")
                        .append(timeInDictionary)
                        .append(" of the ")
                        .append(lake.files())
                        .append(
                                " compacted files: the writer keeps a column's dictionary while it stays under its size")
                        .append(" limit and is smaller than the plain values, and falls back to the delta encoding")
                        .append(" that `ParquetTicks`' Javadoc names for times only otherwise.\n\n");
            }
            layouts.stream().filter(l -> l.name().contains("zstd")).findFirst().ifPresent(zstd -> md.append(
                            "The same JSON compressed with zstd (level 3, one event of 500 trades at")
                    .append(" a time) takes ")
                    .append(bytesPerTrade(zstd.bytesPerTrade()))
                    .append(" B/trade, ")
                    .append(zstd.bytesPerTrade() < lake.bytesPerTrade() ? "less" : "more")
                    .append(" than the lake's compacted Parquet (")
                    .append(bytesPerTrade(lake.bytesPerTrade()))
                    .append(" B/trade).\n\n"));
        }

        private void reading(StringBuilder md) {
            md.append(
                    """
                    ## How to read it

                    - **Per core.** `-t 1` runs one benchmark thread, and the machine has two cores, so the second \
                    core is left to the JVM's GC and JIT threads and to other processes. JMH's score is trades per \
                    wall-clock second of that thread. The process CPU-second figure charges the GC's work to it as \
                    well. The verdict counts a target as met only when both figures reach it.
                    - **Small files cost bytes.** A Parquet file carries a footer (schema, statistics, page indexes) \
                    and at least a page per column, and zstd and the dictionaries work better on longer columns. \
                    The column table shows where the bytes go. Compaction takes the extra bytes back once an hour \
                    is quiet, but its footer lists every key it replaces.
                    - **The trade-id row** is not the Bitstamp file as published: the CSV has no trade ids, so \
                    neither have the lake's rows of it. A live feed sends one per trade, and that row shows what \
                    they add at rest (sequential ids, as Bitstamp's are).
                    """);
        }

        /** The layout the lake keeps: the compacted one. */
        private Layout atRest() {
            return layouts.stream()
                    .filter(layout -> layout.parquet() && layout.name().contains("compacted"))
                    .findFirst()
                    .orElseThrow();
        }

        private @Nullable Double ratio(String numerator, String denominator, boolean processCpu) {
            if (processCpu) {
                Score a = cpu.get(numerator);
                Score b = cpu.get(denominator);
                return a == null || b == null ? null : a.perProcessCpuSecond() / b.perProcessCpuSecond();
            }
            Result<?> a = jmh.get(numerator);
            Result<?> b = jmh.get(denominator);
            return a == null || b == null ? null : a.getScore() / b.getScore();
        }
    }

    private static String inputOf(String benchmark) {
        if (benchmark.equals("lakeFilesHourly")) {
            return "hourly, 100,000 trades in 161 files";
        }
        return benchmark.endsWith("Flush") ? "flush, 200,000 trades" : "partition, 10,000 trades";
    }

    private static String trades(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String bytesPerTrade(double bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes);
    }

    /** "PLAIN, RLE_DICTIONARY (150); DELTA_BINARY_PACKED (11)": a column's encodings in a layout's files. */
    private static String encodings(Layout layout, String column) {
        return String.join(
                "; ",
                layout.encodings().getOrDefault(column, Map.of()).entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .map(e -> e.getKey() + " (" + e.getValue() + ")")
                        .toList());
    }

    private static String micros(double micros) {
        return String.format(Locale.ROOT, "%.2f", micros);
    }

    /** A layout's name up to its first comma after "Parquet, ", for a column heading. */
    private static String shortName(Layout layout) {
        String name = layout.name().replaceFirst("^Parquet, ", "");
        int paren = name.indexOf(" (");
        return paren < 0 ? name : name.substring(0, paren);
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String timesOrNa(@Nullable Double ratio) {
        return ratio == null ? "n/a" : times(ratio);
    }

    /** The commit and the uncommitted changes of the measured modules, if this runs in a git work tree. */
    private static String gitState() {
        return Host.gitState(
                List.of(
                        "common/src/main/java/io/tickflow/common/contract",
                        "common/src/main/java/io/tickflow/common/lake",
                        "storage-service/src/main/java/io/tickflow/storage/lake"),
                "common's contract and lake packages, storage-service's lake package");
    }
}
