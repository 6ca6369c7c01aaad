package io.tickflow.common.topology;

import java.util.Objects;

/**
 * An SNS standard topic.
 *
 * @param name the topic name, prefix included
 */
public record TopicSpec(String name) {
    public TopicSpec {
        Objects.requireNonNull(name, "name");
    }
}
