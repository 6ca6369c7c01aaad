package io.tickflow.cli.send;

import java.time.Duration;

/** Waits between retries; tests pass one that does not. */
@FunctionalInterface
public interface Sleeper {

    /** The real one. */
    Sleeper THREAD = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
