package io.tickflow.cli.subscribe;

import org.jspecify.annotations.Nullable;

/**
 * One request to the subscription API.
 *
 * @param action what is asked, which decides how the answer is printed
 * @param method the HTTP method
 * @param path the path, e.g. {@code /api/v1/subscriptions/ID/test}
 * @param body the JSON body; null for none
 * @param subscriptionId the subscription it is about; null for create and list
 */
record ApiCall(Action action, String method, String path, @Nullable String body, @Nullable String subscriptionId) {

    static final String SUBSCRIPTIONS = "/api/v1/subscriptions";

    /** What a call asks the API for. */
    enum Action {
        CREATE,
        LIST,
        SHOW,
        DELETE,
        TEST,
        ROTATE_SECRET
    }

    static ApiCall create(String body) {
        return new ApiCall(Action.CREATE, "POST", SUBSCRIPTIONS, body, null);
    }

    static ApiCall on(Action action, String subscriptionId) {
        String path = SUBSCRIPTIONS + "/" + subscriptionId;
        return switch (action) {
            case SHOW -> new ApiCall(action, "GET", path, null, subscriptionId);
            case DELETE -> new ApiCall(action, "DELETE", path, null, subscriptionId);
            case TEST -> new ApiCall(action, "POST", path + "/test", null, subscriptionId);
            case ROTATE_SECRET -> new ApiCall(action, "POST", path + "/secret", null, subscriptionId);
            case CREATE, LIST -> throw new IllegalArgumentException(action + " is about no one subscription");
        };
    }

    static ApiCall list() {
        return new ApiCall(Action.LIST, "GET", SUBSCRIPTIONS, null, null);
    }
}
