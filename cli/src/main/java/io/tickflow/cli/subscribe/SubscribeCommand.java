package io.tickflow.cli.subscribe;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./tickflow subscribe ...}: creates, lists, shows, tests and deletes the caller's subscriptions through
 * notification-service's API, with an API key (see {@link #HELP}).
 */
public final class SubscribeCommand {

    /** Exit statuses. */
    public static final int OK = 0;

    public static final int FAILED = 1;
    public static final int USAGE = 2;

    public static final String HELP =
            """
            Usage: ./tickflow subscribe webhook URL [filters] [--name NAME]
                   ./tickflow subscribe email ADDRESS [filters] [--name NAME]
                   ./tickflow subscribe sns TOPIC_ARN [filters] [--name NAME]
                   ./tickflow subscribe alert crosses --venue V --symbol S --level L CHANNEL [--name NAME]
                   ./tickflow subscribe alert moves --venue V --symbol S --percent P --window W CHANNEL [--name NAME]
                   ./tickflow subscribe alert closes --venue V --symbol S --interval I --side above|below --level L
                                                     CHANNEL [--name NAME]
                   ./tickflow subscribe list | show ID | delete ID | test ID | rotate-secret ID

            Manages your subscriptions to Tickflow's notifications through notification-service's API. Each API
            key sees and changes only its owner's subscriptions.

            Events (webhook, email, sns): without filters, the outcome of every analysis (AnalysisCompleted and
            AnalysisFailed). Options of one kind are combined with OR, different kinds with AND:
              --event-type T             AnalysisCompleted, AnalysisFailed, PriceAlertTriggered, ... (repeatable)
              --symbol S                 e.g. BTC-USD (repeatable)
              --strategy X               e.g. sma-crossover (repeatable)
              --when 'ATTR OP VALUE'     a message attribute compared with a value, e.g. 'objectiveValue>=1.5';
                                         OP is > >= < <= = != (repeatable; all must hold)
            A webhook gets a signing secret: it is printed once, when the subscription is made. Every POST carries
            a Tickflow-Signature header computed with it.

            Price alerts fire once per crossing, not once per tick:
              crosses                    a trade or quote mid reaches --level coming from the other side
              moves                      the price moved more than --percent within --window (90s, 15m, 2h, 1d)
              closes                     a closed --interval candle (1m, 5m, 1h, 1d) closed --side above or below
                                         --level
            CHANNEL is one of --webhook URL, --email ADDRESS or --sns TOPIC_ARN, e.g.
              ./tickflow subscribe alert crosses --venue bitstamp --symbol BTC-USD --level 1000 --webhook URL

              list                       your subscriptions
              show ID                    one subscription
              delete ID                  stop it and forget it
              test ID                    deliver a sample AnalysisCompleted to its channel now, say how it went
              rotate-secret ID           a new signing secret for a webhook, printed once; the previous one keeps
                                         verifying for a grace period (24 hours by default)

            Connection
              --api-key KEY              default $TICKFLOW_API_KEY (prefer the variable: a command line is visible
                                         to other users of the machine); an operator issues keys with
                                         ./tickflow api-keys issue OWNER
              --url URL                  notification-service's address; default $TICKFLOW_NOTIFY_URL, else
                                         http://127.0.0.1:8084, where ./tickflow up runs it

            Exit status: 0 done; 1 the API refused or could not be reached, or a test delivery failed; 2 the
            command line is wrong.
            """;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public SubscribeCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code subscribe} with its arguments; returns the exit status. */
    public int run(List<String> args) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.print(HELP);
            return args.isEmpty() ? USAGE : OK;
        }
        SubscribeOptions options;
        try {
            options = SubscribeOptions.parse(args, env);
        } catch (InvalidSubscriptionException e) {
            err.println("tickflow subscribe: " + e.getMessage());
            err.println("See ./tickflow subscribe --help");
            return USAGE;
        }
        NotifyApi.Answer answer;
        try {
            answer = new NotifyApi(options.url(), options.apiKey()).send(options.call());
        } catch (IOException e) {
            err.println("tickflow subscribe: notification-service at " + options.url() + " did not answer ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); is ./tickflow up running?");
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
        if (!answer.succeeded()) {
            err.println("tickflow subscribe: " + refusal(options.call(), answer));
            return FAILED;
        }
        return print(options.call(), answer);
    }

    private static String refusal(ApiCall call, NotifyApi.Answer answer) {
        String said = answer.problem();
        return switch (answer.status()) {
            case 401, 403 -> "the API key was refused (" + answer.status() + "): " + said;
            case 404 ->
                call.subscriptionId() == null
                        ? "notification-service has no subscription API at this address (404): " + said
                        : "you have no subscription " + call.subscriptionId() + " (404): " + said;
            case 400 -> "notification-service refused the request (400): " + said;
            default -> "notification-service answered " + answer.status() + ": " + said;
        };
    }

    private int print(ApiCall call, NotifyApi.Answer answer) {
        if (call.action() == ApiCall.Action.DELETE) {
            // 204, no body.
            out.println("Deleted subscription " + call.subscriptionId() + ".");
            return OK;
        }
        JsonNode body = answer.body();
        if (body == null) {
            err.println("tickflow subscribe: notification-service answered " + answer.status() + " with no JSON body: "
                    + answer.text().strip());
            return FAILED;
        }
        return switch (call.action()) {
            case CREATE -> {
                SubscriptionText.describe(body).forEach(out::println);
                printSecret(body, "Signing secret");
                yield OK;
            }
            case LIST -> {
                if (body.isEmpty()) {
                    out.println("No subscriptions yet; ./tickflow subscribe --help shows how to make one.");
                } else {
                    SubscriptionText.table(body).forEach(out::println);
                }
                yield OK;
            }
            case SHOW -> {
                SubscriptionText.describe(body).forEach(out::println);
                yield OK;
            }
            case ROTATE_SECRET -> {
                out.println("Rotated the signing secret of " + call.subscriptionId() + ".");
                printSecret(body, "New signing secret");
                out.println("  The previous secret keeps verifying for the grace period (24 hours by default):"
                        + " switch your receiver to the new one within it.");
                yield OK;
            }
            case TEST -> printTest(call, body);
            case DELETE -> OK;
        };
    }

    private void printSecret(JsonNode body, String label) {
        JsonNode secret = body.get("signingSecret");
        if (secret != null && secret.isString()) {
            out.println();
            out.println(label + ": " + secret.asString());
            out.println("  Shown this once: store it now. Verify each POST's Tickflow-Signature header with it.");
        }
    }

    private int printTest(ApiCall call, JsonNode outcome) {
        String status = outcome.path("status").asString();
        int attempts = outcome.path("attempts").asInt();
        String delivery = "delivery " + outcome.path("deliveryId").asString();
        switch (status) {
            case "DELIVERED" -> {
                out.println("Test " + delivery + " to " + call.subscriptionId() + ": delivered after " + attempts
                        + (attempts == 1 ? " attempt." : " attempts."));
                return OK;
            }
            case "FAILED" -> {
                out.println("Test " + delivery + " to " + call.subscriptionId() + ": failed after " + attempts
                        + (attempts == 1 ? " attempt: " : " attempts: ")
                        + outcome.path("error").asString(""));
                return FAILED;
            }
            default -> {
                out.println(
                        "Test " + delivery + " to " + call.subscriptionId() + ": " + status + ", nothing was sent.");
                return FAILED;
            }
        }
    }
}
