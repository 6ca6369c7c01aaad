package io.tickflow.cli.apikeys;

import io.tickflow.cli.aws.AwsClients;
import io.tickflow.cli.aws.AwsErrors;
import io.tickflow.common.aws.dynamodb.ApiKeyTable;
import io.tickflow.common.aws.dynamodb.ApiKeyTable.StoredApiKey;
import io.tickflow.common.topology.Topology;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code ./tickflow api-keys issue OWNER | list OWNER | revoke OWNER KEYID}: issues and revokes the API keys of
 * notification-service's subscription API (see {@link #HELP}). An operator command: it needs AWS access to the
 * {@code api-keys} table and to the secret holding the hashing pepper, and no API key of its own.
 */
public final class ApiKeysCommand {

    /** Exit statuses. */
    public static final int OK = 0;

    public static final int FAILED = 1;
    public static final int USAGE = 2;

    public static final String HELP =
            """
            Usage: ./tickflow api-keys issue OWNER
                   ./tickflow api-keys list OWNER
                   ./tickflow api-keys revoke OWNER KEYID

            Manages the API keys of notification-service's subscription API (./tickflow subscribe uses them).
            OWNER is the name subscriptions are filed under: 1 to 128 letters, digits, dots, dashes, underscores
            or at signs (alice, ops@example.com). Each key sees and changes only its owner's subscriptions.

              issue    makes a new key for OWNER and prints it on standard output. Only its hash is stored:
                       copy it now, it cannot be shown again. Give it to the API as
                       Authorization: Bearer tfk_... (./tickflow subscribe --api-key, or TICKFLOW_API_KEY)
              list     prints OWNER's key ids, when each was issued and, if it was, revoked; never a key
              revoke   refuses the key KEYID (from issue or list) from now on; the subscriptions stay

            This is an operator command: it writes the tickflow-api-keys DynamoDB table and reads the hashing
            pepper from the Secrets Manager secret tickflow/notification-service directly. AWS settings come from
            the environment as for publish (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SECRETS_MANAGER,
            AWS_REGION, ...); ./tickflow points what is unset at the embedded stack.

            Exit status: 0 done; 1 no such key, or AWS could not be reached; 2 the command line is wrong.
            """;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Topology topology = Topology.tickflow();

    public ApiKeysCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this(env, out, err, Clock.systemUTC());
    }

    ApiKeysCommand(Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Runs {@code api-keys} with its arguments; returns the exit status. */
    public int run(List<String> args) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.print(HELP);
            return args.isEmpty() ? USAGE : OK;
        }
        String action = args.getFirst();
        List<String> operands = args.subList(1, args.size());
        int expected =
                switch (action) {
                    case "issue", "list" -> 1;
                    case "revoke" -> 2;
                    default -> -1;
                };
        if (expected < 0) {
            return usage("unknown action " + action + "; use issue, list or revoke");
        }
        if (operands.size() != expected) {
            return usage(action + " takes " + (expected == 1 ? "OWNER" : "OWNER KEYID") + ", e.g. ./tickflow api-keys "
                    + action + (expected == 1 ? " alice" : " alice 3f9c2a7b1d04"));
        }
        String owner = operands.getFirst();
        if (!IssuedKey.OWNER.matcher(owner).matches()) {
            return usage(
                    "an owner is 1 to 128 letters, digits, dots, dashes, underscores or at signs, not '" + owner + "'");
        }
        String table = topology.table("api-keys");
        try (AwsClients aws = new AwsClients(env, 2)) {
            ApiKeyTable keys = new ApiKeyTable(aws.dynamoDb(), table);
            return switch (action) {
                case "issue" -> issue(owner, keys, new PepperSecret(aws.secretsManager(), topology));
                case "list" -> list(owner, keys);
                default -> revoke(owner, operands.get(1), keys);
            };
        } catch (ApiKeysFailure e) {
            err.println("tickflow api-keys: " + e.getMessage());
            return FAILED;
        } catch (ResourceNotFoundException e) {
            err.println("tickflow api-keys: the table " + table + " does not exist; is ./tickflow up running?");
            return FAILED;
        } catch (SdkClientException e) {
            err.println("tickflow api-keys: AWS did not answer (" + AwsErrors.describe(e)
                    + "); is ./tickflow up running, or are the AWS settings right?");
            return FAILED;
        } catch (SdkException e) {
            err.println("tickflow api-keys: " + AwsErrors.describe(e));
            return FAILED;
        } catch (IllegalArgumentException e) {
            // The AWS settings in the environment: a malformed endpoint, no region.
            err.println("tickflow api-keys: " + e.getMessage());
            return FAILED;
        }
    }

    private int issue(String owner, ApiKeyTable keys, PepperSecret pepper) throws ApiKeysFailure {
        IssuedKey issued = IssuedKey.generate(pepper.read());
        keys.add(new StoredApiKey(issued.keyHash(), issued.keyId(), owner, clock.instant(), null));
        // The key alone on standard output, so that KEY=$(./tickflow api-keys issue alice) captures it.
        out.println(issued.key());
        err.println("tickflow api-keys: issued key " + issued.keyId() + " for " + owner + ". Copy the key now: only"
                + " its hash is stored, it cannot be shown again. Revoke it with ./tickflow api-keys revoke " + owner
                + " " + issued.keyId());
        return OK;
    }

    private int list(String owner, ApiKeyTable keys) {
        List<StoredApiKey> owned = keys.ofOwner(owner);
        if (owned.isEmpty()) {
            out.println(owner + " has no API keys; ./tickflow api-keys issue " + owner + " makes one.");
            return OK;
        }
        out.println(String.format("%-12s  %-19s  %s", "key id", "issued (UTC)", "revoked (UTC)"));
        for (StoredApiKey key : owned) {
            out.println(String.format(
                    "%-12s  %-19s  %s", key.keyId(), TIME.format(key.createdAt()), time(key.revokedAt())));
        }
        return OK;
    }

    private int revoke(String owner, String keyId, ApiKeyTable keys) {
        Optional<StoredApiKey> key = keys.ofOwner(owner).stream()
                .filter(k -> k.keyId().equals(keyId))
                .findFirst();
        if (key.isEmpty()) {
            err.println("tickflow api-keys: " + owner + " has no key " + keyId + " (./tickflow api-keys list " + owner
                    + " shows the ids)");
            return FAILED;
        }
        Instant already = key.get().revokedAt();
        if (already != null) {
            out.println("Key " + keyId + " of " + owner + " was already revoked at " + TIME.format(already) + " UTC.");
            return OK;
        }
        if (!keys.revoke(owner, key.get().keyHash(), clock.instant())) {
            err.println("tickflow api-keys: the key " + keyId + " is no longer " + owner + "'s; nothing was revoked");
            return FAILED;
        }
        out.println("Revoked key " + keyId + " of " + owner + ": notification-service refuses it from now on.");
        return OK;
    }

    private static String time(@Nullable Instant at) {
        return at == null ? "-" : TIME.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    private int usage(String problem) {
        err.println("tickflow api-keys: " + problem);
        err.println("See ./tickflow api-keys --help");
        return USAGE;
    }
}
