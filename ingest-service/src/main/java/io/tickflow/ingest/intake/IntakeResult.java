package io.tickflow.ingest.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What became of one ingest message: every tick in it is either accepted or rejected, or the whole message is
 * rejected, and nothing is left out.
 *
 * @param messageId the SQS message id
 * @param venue the message's normalised venue; {@code null} when the whole message was rejected
 * @param accepted the accepted ticks, in message order
 * @param rejections the rejected ticks in message order, or the one rejection of the whole message
 */
public record IntakeResult(
        String messageId, @Nullable String venue, List<AcceptedTick> accepted, List<Rejection> rejections) {

    public IntakeResult {
        Objects.requireNonNull(messageId, "messageId");
        accepted = List.copyOf(accepted);
        rejections = List.copyOf(rejections);
    }

    /** The result of a message rejected as a whole. */
    static IntakeResult messageRejected(String messageId, Rejection rejection) {
        return new IntakeResult(messageId, null, List.of(), List.of(rejection));
    }

    /** Whether the whole message was rejected (and there is nothing else in this result). */
    public boolean messageRejected() {
        return rejections.size() == 1 && rejections.getFirst().wholeMessage();
    }

    /**
     * The accepted ticks grouped by stream (venue, symbol, dataset), streams in the order of their first tick and
     * ticks in message order: each group is the content of one {@code TicksAccepted} message (or several, if it is
     * larger than one SNS message may be).
     */
    public Map<TickStream, List<AcceptedTick>> acceptedByStream() {
        Map<TickStream, List<AcceptedTick>> streams = new LinkedHashMap<>();
        for (AcceptedTick tick : accepted) {
            streams.computeIfAbsent(tick.stream(), stream -> new ArrayList<>()).add(tick);
        }
        streams.replaceAll((stream, ticks) -> Collections.unmodifiableList(ticks));
        return Collections.unmodifiableMap(streams);
    }
}
