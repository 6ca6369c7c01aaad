package io.tickflow.notify.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tickflow.notify.rules.EventFilter;
import io.tickflow.notify.rules.PriceAlertRule;
import io.tickflow.notify.subscription.Channel;
import io.tickflow.notify.subscription.Subscription;
import io.tickflow.notify.subscription.Subscriptions;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The subscription API, {@code /api/v1/subscriptions}, for the owner of the API key presented
 * ({@link ApiKeyAuthentication}). Another owner's subscription answers 404, exactly like one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionsController {

    private final Subscriptions subscriptions;
    private final TestDeliveries tests;

    SubscriptionsController(Subscriptions subscriptions, TestDeliveries tests) {
        this.subscriptions = subscriptions;
        this.tests = tests;
    }

    /**
     * A subscription as asked for in a request body.
     *
     * @param channel e.g. {@code {"type":"webhook","url":"https://example.com/hook"}}
     */
    record SubscriptionRequest(
            @Nullable String name,
            Channel channel,
            @Nullable EventFilter events,
            @Nullable List<PriceAlertRule> alerts) {

        Subscriptions.Draft draft() {
            if (channel == null) {
                throw new IllegalArgumentException("A subscription names its channel: webhook, email or sns");
            }
            return new Subscriptions.Draft(name, channel, events, alerts);
        }
    }

    @PostMapping
    ResponseEntity<SubscriptionView> create(
            @RequestAttribute(ApiKeyAuthentication.OWNER) String owner, @RequestBody SubscriptionRequest request) {
        Subscriptions.Created created = subscriptions.create(owner, request.draft());
        return ResponseEntity.created(URI.create(
                        "/api/v1/subscriptions/" + created.subscription().subscriptionId()))
                .body(view(created.subscription(), created.signingSecret()));
    }

    @GetMapping
    List<SubscriptionView> list(@RequestAttribute(ApiKeyAuthentication.OWNER) String owner) {
        return subscriptions.list(owner).stream().map(s -> view(s, null)).toList();
    }

    @GetMapping("/{id}")
    SubscriptionView get(@RequestAttribute(ApiKeyAuthentication.OWNER) String owner, @PathVariable String id) {
        return subscriptions.get(owner, id).map(s -> view(s, null)).orElseThrow(() -> notFound(id));
    }

    @PutMapping("/{id}")
    SubscriptionView update(
            @RequestAttribute(ApiKeyAuthentication.OWNER) String owner,
            @PathVariable String id,
            @RequestBody SubscriptionRequest request) {
        return subscriptions
                .update(owner, id, request.draft())
                .map(c -> view(c.subscription(), c.signingSecret()))
                .orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@RequestAttribute(ApiKeyAuthentication.OWNER) String owner, @PathVariable String id) {
        if (!subscriptions.delete(owner, id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Rotates a webhook's signing secret; the previous one keeps verifying for the grace period. */
    @PostMapping("/{id}/secret")
    SubscriptionView rotateSecret(@RequestAttribute(ApiKeyAuthentication.OWNER) String owner, @PathVariable String id) {
        return subscriptions
                .rotateSecret(owner, id)
                .map(c -> view(c.subscription(), c.signingSecret()))
                .orElseThrow(() -> notFound(id));
    }

    /** Delivers a sample AnalysisCompleted to the subscription's channel now, and says how it went. */
    @PostMapping("/{id}/test")
    Map<String, Object> test(@RequestAttribute(ApiKeyAuthentication.OWNER) String owner, @PathVariable String id) {
        Subscription subscription = subscriptions.get(owner, id).orElseThrow(() -> notFound(id));
        return tests.deliver(subscription);
    }

    /** A body that is not a subscription: the reason is the part of it that could not be read. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getMostSpecificCause();
        return ResponseEntity.badRequest()
                .body(Map.of("error", "The subscription cannot be read: " + cause.getMessage()));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, String>> status(ResponseStatusException status) {
        return ResponseEntity.status(status.getStatusCode()).body(Map.of("error", String.valueOf(status.getReason())));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException invalid) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(invalid.getMessage())));
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no subscription " + id);
    }

    private static SubscriptionView view(Subscription subscription, @Nullable String signingSecret) {
        return new SubscriptionView(
                subscription.subscriptionId(),
                subscription.owner(),
                subscription.name(),
                subscription.channel(),
                subscription.events(),
                subscription.alerts(),
                subscription.createdAt(),
                signingSecret);
    }

    /**
     * A subscription as the API shows it. Typed fields (not a map) so that the channel and the alerts carry their
     * {@code type}.
     *
     * @param signingSecret the webhook's signing secret, present only in the answer that created or rotated it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubscriptionView(
            String subscriptionId,
            String owner,
            String name,
            Channel channel,
            EventFilter events,
            List<PriceAlertRule> alerts,
            Instant createdAt,
            @Nullable String signingSecret) {}
}
