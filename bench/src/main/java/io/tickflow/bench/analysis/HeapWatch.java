package io.tickflow.bench.analysis;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap of this JVM as a run goes: the most it held just before a collection (the peak used heap), the most it
 * still held just after one (the peak live set), from the collectors' notifications; and each heap pool's own peak.
 */
final class HeapWatch implements NotificationListener {

    private final Set<String> heapPools;
    private long peakBeforeGc;
    private long peakAfterGc;
    private int collections;

    private HeapWatch() {
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Starts watching from an empty heap: collects, resets the pools' peaks and listens to every collector. */
    static HeapWatch start() {
        System.gc();
        HeapWatch watch = new HeapWatch();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(watch, null, null);
            }
        }
        return watch;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long before = heapUsed(info.getGcInfo().getMemoryUsageBeforeGc());
        long after = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
        synchronized (this) {
            peakBeforeGc = Math.max(peakBeforeGc, before);
            peakAfterGc = Math.max(peakAfterGc, after);
            collections++;
        }
    }

    private long heapUsed(Map<String, MemoryUsage> byPool) {
        return byPool.entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed())
                .sum();
    }

    /** The heap in use now, after a full collection: the live set. */
    static long liveNow() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The most heap used just before a collection since {@link #start}, or now if more is in use now. */
    synchronized long peakUsed() {
        return Math.max(
                peakBeforeGc,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The most heap still used just after a collection since {@link #start}. */
    synchronized long peakLive() {
        return peakAfterGc;
    }

    /** Collections seen by the listener. */
    synchronized int collections() {
        return collections;
    }

    /** Each heap pool's peak since {@link #start} (the pools peak at different times: their sum is an upper bound). */
    static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }
}
