package io.tickflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryManagerMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the benchmark reports say about the machine and the code they measured. */
public final class Host {

    private Host() {}

    /** The load average line of {@code /proc/loadavg}: 1, 5 and 15 minutes, running/total, last pid. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | SecurityException e) {
            // Only Linux has /proc/loadavg.
            return "unknown";
        }
    }

    /** Markdown list items: cores, CPU, JDK with its collectors, OS. */
    public static String machine() {
        return "- cores (nproc): " + Runtime.getRuntime().availableProcessors() + "\n"
                + "- CPU: " + cpuModel() + "\n"
                + "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + " ("
                + System.getProperty("java.vm.vendor") + "), GC: "
                + String.join(
                        ", ",
                        ManagementFactory.getGarbageCollectorMXBeans().stream()
                                .map(MemoryManagerMXBean::getName)
                                .toList())
                + "\n"
                + "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + "\n";
    }

    /** The CPU's model name from {@code /proc/cpuinfo}, or {@code unknown}. */
    public static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException | SecurityException e) {
            // Only Linux has /proc/cpuinfo.
            return "unknown";
        }
    }

    /**
     * The commit and the uncommitted changes of the code a report measured, if this runs in a git work tree.
     *
     * @param measuredCode the source folders measured
     * @param description those folders for a reader, e.g. {@code storage-service's lake package}
     */
    public static String gitState(List<String> measuredCode, String description) {
        Optional<String> head = git("rev-parse", "--short", "HEAD");
        if (head.isEmpty()) {
            return "unknown (not run in a git work tree)";
        }
        List<String> status = new ArrayList<>(List.of("status", "--porcelain", "--"));
        status.addAll(measuredCode);
        String dirty = git(status.toArray(String[]::new)).map(String::strip).orElse("");
        return "commit `" + head.get().strip() + "`"
                + (dirty.isEmpty()
                        ? ", no uncommitted changes in the code measured (" + description + ")."
                        : ", with uncommitted changes in the code measured: "
                                + String.join(
                                        ", ",
                                        dirty.lines()
                                                .map(line -> "`" + line.strip() + "`")
                                                .toList())
                                + ".");
    }

    private static Optional<String> git(String... command) {
        List<String> line = new ArrayList<>();
        line.add("git");
        line.addAll(List.of(command));
        try {
            Process git = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return git.waitFor() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
