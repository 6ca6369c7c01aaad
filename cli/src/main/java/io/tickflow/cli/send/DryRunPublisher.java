package io.tickflow.cli.send;

import io.tickflow.cli.batch.TickMessage;
import java.io.PrintStream;

/**
 * {@code --dry-run}: prints the first message, exactly as it would be sent, and counts the rest without sending
 * anything. Reading the whole input still shows every unreadable line and how many messages a real run would send.
 */
public final class DryRunPublisher implements MessagePublisher {

    private final PrintStream out;
    private final Delivery delivery = new Delivery();
    private boolean printed;

    public DryRunPublisher(PrintStream out) {
        this.out = out;
    }

    @Override
    public void publish(TickMessage message) {
        if (!printed) {
            out.println(message.body());
            out.flush();
            printed = true;
        }
        delivery.sent(message);
    }

    @Override
    public Delivery delivery() {
        return delivery;
    }

    @Override
    public Delivery finish() {
        return delivery;
    }
}
