package io.tickflow.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time and memory of a process and of its threads, from Linux's {@code /proc}: what {@code top -H} shows, read
 * without starting a tool that would itself take CPU from the two cores being measured.
 */
final class ProcCpu {

    /** Clock ticks per second of {@code utime} and {@code stime}; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcCpu() {}

    /** User plus system CPU seconds the process has used so far, or 0 once it is gone. */
    static double cpuSeconds(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat")) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds by thread group: thread names with their numbers replaced by {@code #} ({@code GC Thread#},
     * {@code http-nio-#-exec-#}), as Linux keeps them (15 characters).
     */
    static Map<String, Double> cpuSecondsByThreadGroup(long pid) {
        Map<String, Double> groups = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    double seconds = ticks(thread.resolve("stat")) / TICKS_PER_SECOND;
                    groups.merge(name.replaceAll("[0-9]+", "#"), seconds, Double::sum);
                } catch (NoSuchFileException e) {
                    // The thread ended between listing and reading: its time is no longer anyone's.
                }
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }

    /** Busy CPU seconds of the whole machine since it started, every process together ({@code /proc/stat}). */
    static double machineBusySeconds() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal ...: all but idle and iowait.
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resident memory of the process in bytes, or 0 once it is gone. */
    static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return 0;
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long ticks(Path stat) {
        String text;
        try {
            text = Files.readString(stat);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The command name, in parentheses, may hold spaces: fields are counted after its closing parenthesis.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
