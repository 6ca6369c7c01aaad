package io.tickflow.storage.flow;

/** Puts lake objects into the data bucket. */
public interface LakeWriter {

    /** Stores {@code bytes} under {@code key}, replacing an object of the same key; durable when it returns. */
    void put(String key, byte[] bytes);

    /** Whether an object is stored under {@code key}. */
    boolean exists(String key);
}
