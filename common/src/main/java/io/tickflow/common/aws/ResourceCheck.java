package io.tickflow.common.aws;

import java.util.Optional;

/** Finds out whether one kind of AWS resource exists and can be used, by name. */
public interface ResourceCheck {

    /** The problem a check reports for a resource that is not there. */
    String DOES_NOT_EXIST = "does not exist";

    /** The kind of resource this checks. */
    ResourceKind kind();

    /**
     * Looks the resource up.
     *
     * @param name the resource name
     * @return empty when the resource exists and is usable, otherwise why it is not (for instance, that it does not
     *     exist)
     * @throws RuntimeException when the service cannot be asked at all: unreachable, access denied, timed out
     */
    Optional<String> problem(String name);
}
