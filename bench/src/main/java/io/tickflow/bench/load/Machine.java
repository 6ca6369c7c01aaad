package io.tickflow.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine the run was on, for the report. */
final class Machine {

    private Machine() {}

    static String describe() {
        return String.format(
                Locale.ROOT,
                "%d CPUs (nproc), %s, %.0f GB RAM, %s %s",
                Runtime.getRuntime().availableProcessors(),
                field("/proc/cpuinfo", "model name"),
                Double.parseDouble(field("/proc/meminfo", "MemTotal").replaceAll("[^0-9]", "")) / 1024 / 1024,
                System.getProperty("os.name"),
                System.getProperty("os.version"));
    }

    private static String field(String file, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines) {
                if (line.startsWith(name)) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            return "unknown " + name;
        }
        return "unknown " + name;
    }
}
