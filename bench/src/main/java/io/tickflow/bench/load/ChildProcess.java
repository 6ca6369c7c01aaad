package io.tickflow.bench.load;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A JVM the harness started, its output in a log file; stopped with SIGTERM, then killed if it does not stop. */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private long logOffset;
    private final StringBuilder logTail = new StringBuilder();

    /** Every child still to stop, for the shutdown hook: a harness stopped with Ctrl-C leaves nothing running. */
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> List.copyOf(LIVE).reversed().forEach(child -> child.stop(Duration.ofSeconds(10))),
                        "stop-child-processes"));
    }

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        LIVE.add(this);
    }

    static ChildProcess start(String name, List<String> command, Path log) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the process has printed {@code text}; fails when it exits or the time is up. */
    void awaitOutput(String text, Duration timeout) {
        awaitCondition("print \"" + text + "\"", timeout, () -> readLog().contains(text));
    }

    /** Polls {@code condition} until it holds; fails when the process exits or the time is up. */
    void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + " before it did " + what + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not " + what + " within " + timeout + "; see " + log);
            }
            try {
                // Polling an outside process's output or HTTP endpoint: nothing in this JVM to wait on instead.
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + name, e);
            }
        }
    }

    /** What the process printed since the last call, appended to everything before. */
    private String readLog() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length > logOffset) {
                byte[] bytes = new byte[(int) Math.min(length - logOffset, 1 << 20)];
                file.seek(logOffset);
                file.readFully(bytes);
                logOffset += bytes.length;
                logTail.append(new String(bytes, StandardCharsets.UTF_8));
                if (logTail.length() > 1 << 16) {
                    // Only the end matters: a line being waited for appears once, and lately.
                    logTail.delete(0, logTail.length() - (1 << 15));
                }
            }
            return logTail.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the process to stop (SIGTERM), and kills it and its children when it has not within {@code grace}. */
    void stop(Duration grace) {
        LIVE.remove(this);
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
