package io.tickflow.bench.load;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the service's threads are, from thread dumps taken while it drains: a sampling profile without a profiler. A
 * thread counts as on CPU when it is RUNNABLE and its top frame is not a native wait for I/O; as waiting for I/O when
 * it is; and as waiting otherwise (parked, sleeping, blocked). Each thread that runs Tickflow code is named by its
 * first Tickflow frame from the top, the step it was in.
 */
final class StackSamples {

    /** Native frames where a RUNNABLE thread waits (for the network, a file, the GC), not using CPU. */
    private static final Set<String> IO_WAITS = Set.of(
            "java.lang.ref.Reference.waitForReferencePendingList",
            "sun.nio.ch.EPoll.wait",
            "sun.nio.ch.Net.poll",
            "sun.nio.ch.Net.accept",
            "sun.nio.ch.SocketDispatcher.read0",
            "sun.nio.ch.SocketDispatcher.readv0",
            "sun.nio.ch.NioSocketImpl.timedRead",
            "java.net.SocketInputStream.socketRead0",
            "io.netty.channel.epoll.Native.epollWait",
            "io.netty.channel.epoll.Native.epollWait0",
            "io.netty.channel.epoll.Native.epollBusyWait0",
            "java.io.FileInputStream.readBytes",
            "sun.management.ThreadImpl.dumpThreads0");

    private int dumps;
    private final Map<String, Integer> steps = new HashMap<>();
    private final Map<String, Integer> onCpuTopFrames = new HashMap<>();
    private final Map<String, Integer> onCpuByThreadGroup = new HashMap<>();

    int dumps() {
        return dumps;
    }

    /** Adds one dump in jstack's text format. */
    void add(String dump) {
        dumps++;
        String thread = null;
        String state = null;
        String top = null;
        String step = null;
        for (String line : (dump + "\n\"").split("\n")) {
            if (line.startsWith("\"")) {
                if (thread != null) {
                    count(thread, state, top, step);
                }
                thread = line.substring(1, Math.max(1, line.indexOf('"', 1)));
                state = null;
                top = null;
                step = null;
            } else if (line.contains("java.lang.Thread.State: ")) {
                state = line.substring(line.indexOf(": ") + 2).split(" ")[0];
            } else if (line.startsWith("\tat ") || line.startsWith("    at ")) {
                String frame = frame(line);
                if (top == null) {
                    top = frame;
                }
                if (step == null && frame.startsWith("io.tickflow.")) {
                    step = frame.substring("io.tickflow.".length());
                }
            }
        }
    }

    private void count(String thread, String state, String top, String step) {
        if (top == null || state == null) {
            return;
        }
        String activity;
        if (state.equals("RUNNABLE") && !IO_WAITS.contains(top)) {
            activity = "on CPU";
            onCpuTopFrames.merge(top, 1, Integer::sum);
            onCpuByThreadGroup.merge(thread.replaceAll("[0-9]+", "#"), 1, Integer::sum);
        } else if (state.equals("RUNNABLE")) {
            activity = "waiting for I/O";
        } else {
            activity = "waiting";
        }
        if (step != null) {
            steps.merge(activity + " | " + step, 1, Integer::sum);
        }
    }

    /** {@code at java.base@21/sun.nio.ch.Net.poll(Native Method)} is {@code sun.nio.ch.Net.poll}. */
    private static String frame(String line) {
        String frame = line.strip().substring(3);
        int paren = frame.indexOf('(');
        if (paren >= 0) {
            frame = frame.substring(0, paren);
        }
        int slash = frame.lastIndexOf('/');
        return slash >= 0 ? frame.substring(slash + 1) : frame;
    }

    /** Threads in Tickflow code per sample, by activity and step, most frequent first. */
    List<Map.Entry<String, Double>> steps(int limit) {
        return top(steps, limit);
    }

    /** Top frames of threads on CPU per sample, most frequent first. */
    List<Map.Entry<String, Double>> onCpuTopFrames(int limit) {
        return top(onCpuTopFrames, limit);
    }

    /** Threads on CPU per sample, by thread name with numbers replaced by {@code #}. */
    List<Map.Entry<String, Double>> onCpuByThreadGroup(int limit) {
        return top(onCpuByThreadGroup, limit);
    }

    private List<Map.Entry<String, Double>> top(Map<String, Integer> counts, int limit) {
        Map<String, Double> perSample = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> perSample.put(e.getKey(), e.getValue() / (double) Math.max(1, dumps)));
        return List.copyOf(perSample.entrySet());
    }
}
