package io.tickflow.cli.subscribe;

import io.tickflow.common.contract.Contract;
import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.Interval;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code subscribe} command line, parsed: where notification-service answers, the API key, and the one call to make.
 *
 * <p>Bodies are built in the service's JSON shapes: {@code {"name":..., "channel":{"type":"webhook","url":...},
 * "events":{"eventTypes":[...],"symbols":[...],"strategies":[...],"conditions":[{"attribute":...,"op":...,
 * "value":...}]}, "alerts":[{"type":"crosses","venue":...,"symbol":...,"level":"30000"}]}}, absent parts left out so
 * that the service's defaults apply. What the CLI can check without the service (operators, numbers, event types,
 * windows, intervals) it checks here, so that a mistake is explained before anything is sent.
 *
 * @param url notification-service's base URL, without a trailing slash
 * @param apiKey the caller's API key
 * @param call the request to make
 */
record SubscribeOptions(URI url, String apiKey, ApiCall call) {

    static final String DEFAULT_URL = "http://127.0.0.1:8084";
    static final String URL_VARIABLE = "TICKFLOW_NOTIFY_URL";
    static final String KEY_VARIABLE = "TICKFLOW_API_KEY";

    private static final String KEY_PREFIX = "tfk_";
    private static final Set<String> REPEATABLE = Set.of("--symbol", "--strategy", "--event-type", "--when");
    private static final Set<String> SINGLE = Set.of(
            "--url",
            "--api-key",
            "--name",
            "--venue",
            "--level",
            "--percent",
            "--window",
            "--interval",
            "--side",
            "--webhook",
            "--email",
            "--sns");
    private static final Set<String> FILTERS = Set.of("--symbol", "--strategy", "--event-type", "--when");
    private static final List<String> CHANNELS = List.of("--webhook", "--email", "--sns");
    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern CONDITION =
            Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_.-]*)\\s*(>=|<=|!=|==|>|<|=)\\s*(\\S.*?)\\s*");
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,9})([smhd])");
    private static final Duration SHORTEST_WINDOW = Duration.ofSeconds(1);
    private static final Duration LONGEST_WINDOW = Duration.ofDays(7);
    private static final SortedSet<String> EVENT_TYPES = Arrays.stream(Contract.values())
            .flatMap(contract -> contract.eventType().stream())
            .collect(Collectors.toCollection(TreeSet::new));

    /**
     * Parses the arguments after {@code subscribe}.
     *
     * @param env where {@value #URL_VARIABLE} and {@value #KEY_VARIABLE} are read
     * @throws InvalidSubscriptionException with what is wrong and how to fix it
     */
    static SubscribeOptions parse(List<String> args, Map<String, String> env) throws InvalidSubscriptionException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            if (!REPEATABLE.contains(arg) && !SINGLE.contains(arg)) {
                throw new InvalidSubscriptionException("unknown option " + arg);
            }
            if (i + 1 >= args.size()) {
                throw new InvalidSubscriptionException(arg + " needs a value");
            }
            List<String> values = options.computeIfAbsent(arg, name -> new ArrayList<>());
            if (!values.isEmpty() && SINGLE.contains(arg)) {
                throw new InvalidSubscriptionException(arg + " is given once");
            }
            values.add(args.get(++i));
        }
        if (positional.isEmpty()) {
            throw new InvalidSubscriptionException(
                    "say what to do: webhook, email, sns, alert, list, show, delete, test or rotate-secret");
        }
        URI url = url(one(options, "--url", env.getOrDefault(URL_VARIABLE, DEFAULT_URL)));
        String apiKey = apiKey(options, env);
        String action = positional.getFirst();
        List<String> operands = positional.subList(1, positional.size());
        ApiCall call =
                switch (action) {
                    case "webhook", "email", "sns" -> channelSubscription(action, operands, options);
                    case "alert" -> alertSubscription(operands, options);
                    case "list" -> {
                        allowOnly(action, options, Set.of());
                        operands(action, operands, 0, "");
                        yield ApiCall.list();
                    }
                    case "show", "delete", "test", "rotate-secret" -> {
                        allowOnly(action, options, Set.of());
                        operands(action, operands, 1, " ID");
                        yield ApiCall.on(onOne(action), subscriptionId(operands.getFirst()));
                    }
                    default ->
                        throw new InvalidSubscriptionException("unknown action " + action
                                + "; use webhook, email, sns, alert, list, show, delete, test or rotate-secret");
                };
        return new SubscribeOptions(url, apiKey, call);
    }

    /** {@code webhook URL}, {@code email ADDRESS} or {@code sns TOPIC_ARN}, with an optional event filter. */
    private static ApiCall channelSubscription(String type, List<String> operands, Map<String, List<String>> options)
            throws InvalidSubscriptionException {
        Set<String> allowed = new TreeSet<>(FILTERS);
        allowed.add("--name");
        allowOnly(type, options, allowed);
        String what =
                switch (type) {
                    case "webhook" -> " URL";
                    case "email" -> " ADDRESS";
                    default -> " TOPIC_ARN";
                };
        operands(type, operands, 1, what);
        ObjectNode body = ContractJson.mapper().createObjectNode();
        name(body, options);
        body.set("channel", channel(type, operands.getFirst()));
        ObjectNode events = events(options);
        if (events != null) {
            body.set("events", events);
        }
        return ApiCall.create(ContractJson.mapper().writeValueAsString(body));
    }

    /** {@code alert crosses|moves|closes --venue V --symbol S ... --webhook URL|--email ADDRESS|--sns ARN}. */
    private static ApiCall alertSubscription(List<String> operands, Map<String, List<String>> options)
            throws InvalidSubscriptionException {
        operands("alert", operands, 1, " crosses|moves|closes");
        String kind = operands.getFirst();
        Set<String> common = Set.of("--name", "--venue", "--symbol", "--webhook", "--email", "--sns");
        ObjectNode rule = ContractJson.mapper().createObjectNode();
        Set<String> allowed = new TreeSet<>(common);
        switch (kind) {
            case "crosses" -> {
                allowed.add("--level");
                allowOnly("alert crosses", options, allowed);
                market(rule.put("type", "crosses"), options);
                rule.put("level", positive(options, "--level", "--level 30000"));
            }
            case "moves", "moves-percent" -> {
                allowed.addAll(Set.of("--percent", "--window"));
                allowOnly("alert moves", options, allowed);
                market(rule.put("type", "moves-percent"), options);
                rule.put("percent", positive(options, "--percent", "--percent 5"));
                rule.put("window", window(required(options, "--window", "--window 15m")));
            }
            case "closes", "candle-closes" -> {
                allowed.addAll(Set.of("--interval", "--side", "--level"));
                allowOnly("alert closes", options, allowed);
                market(rule.put("type", "candle-closes"), options);
                String interval = required(options, "--interval", "--interval 1h");
                rule.put(
                        "interval",
                        Interval.fromWireName(interval)
                                .map(Interval::wireName)
                                .orElseThrow(() -> new InvalidSubscriptionException("--interval is one of "
                                        + Arrays.stream(Interval.values())
                                                .map(Interval::wireName)
                                                .toList() + ", not " + interval)));
                String side = required(options, "--side", "--side above");
                if (!side.equals("above") && !side.equals("below")) {
                    throw new InvalidSubscriptionException("--side is above or below, not " + side);
                }
                rule.put("side", side);
                rule.put("level", positive(options, "--level", "--level 30000"));
            }
            default ->
                throw new InvalidSubscriptionException(
                        "an alert crosses a level, moves by a percentage or closes a candle beyond a level: use"
                                + " alert crosses, alert moves or alert closes, not alert " + kind);
        }
        List<String> channels = CHANNELS.stream().filter(options::containsKey).toList();
        if (channels.size() != 1) {
            throw new InvalidSubscriptionException(
                    "say where the alert goes with one of --webhook URL, --email ADDRESS or --sns TOPIC_ARN");
        }
        String channel = channels.getFirst();
        ObjectNode body = ContractJson.mapper().createObjectNode();
        name(body, options);
        body.set("channel", channel(channel.substring(2), options.get(channel).getFirst()));
        body.putArray("alerts").add(rule);
        return ApiCall.create(ContractJson.mapper().writeValueAsString(body));
    }

    private static void market(ObjectNode rule, Map<String, List<String>> options) throws InvalidSubscriptionException {
        rule.put("venue", required(options, "--venue", "--venue bitstamp"));
        List<String> symbols = options.getOrDefault("--symbol", List.of());
        if (symbols.size() > 1) {
            throw new InvalidSubscriptionException("an alert watches one --symbol; add another alert for the next");
        }
        rule.put("symbol", symbol(required(options, "--symbol", "--symbol BTC-USD")));
    }

    private static ObjectNode channel(String type, String target) throws InvalidSubscriptionException {
        ObjectNode channel = ContractJson.mapper().createObjectNode().put("type", type);
        switch (type) {
            case "webhook" -> {
                URI url;
                try {
                    url = new URI(target);
                } catch (java.net.URISyntaxException e) {
                    throw new InvalidSubscriptionException(
                            "the webhook is a URL such as https://example.com/hook, not " + target);
                }
                if (!url.isAbsolute()
                        || url.getHost() == null
                        || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                    throw new InvalidSubscriptionException(
                            "the webhook is an absolute http(s) URL with a host, such as https://example.com/hook,"
                                    + " not " + target);
                }
                channel.put("url", target);
            }
            case "email" -> channel.put("address", target);
            default -> channel.put("topicArn", target);
        }
        return channel;
    }

    /** The event filter of the options, or null when none is given (the service then sends analysis outcomes). */
    private static @Nullable ObjectNode events(Map<String, List<String>> options) throws InvalidSubscriptionException {
        if (FILTERS.stream().noneMatch(options::containsKey)) {
            return null;
        }
        ObjectNode events = ContractJson.mapper().createObjectNode();
        List<String> eventTypes = options.getOrDefault("--event-type", List.of());
        for (String eventType : eventTypes) {
            if (!EVENT_TYPES.contains(eventType)) {
                throw new InvalidSubscriptionException(
                        "unknown --event-type " + eventType + "; Tickflow's event types are " + EVENT_TYPES);
            }
        }
        strings(events, "eventTypes", eventTypes);
        List<String> symbols = new ArrayList<>();
        for (String symbol : options.getOrDefault("--symbol", List.of())) {
            symbols.add(symbol(symbol));
        }
        strings(events, "symbols", symbols);
        strings(events, "strategies", options.getOrDefault("--strategy", List.of()));
        List<String> conditions = options.getOrDefault("--when", List.of());
        if (!conditions.isEmpty()) {
            ArrayNode array = events.putArray("conditions");
            for (String condition : conditions) {
                array.add(condition(condition));
            }
        }
        return events;
    }

    /** {@code objectiveValue>=1.5} as {@code {"attribute":"objectiveValue","op":">=","value":"1.5"}}. */
    static ObjectNode condition(String text) throws InvalidSubscriptionException {
        Matcher matcher = CONDITION.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidSubscriptionException("--when compares a message attribute with a value, such as"
                    + " 'objectiveValue>=1.5' or 'interval=1h' (operators > >= < <= = !=), not " + text);
        }
        String op = matcher.group(2).equals("==") ? "=" : matcher.group(2);
        String value = matcher.group(3);
        boolean orders = !op.equals("=") && !op.equals("!=");
        if (orders && decimal(value) == null) {
            throw new InvalidSubscriptionException(
                    "--when " + text + " compares numbers with " + op + "; '" + value + "' is not a number");
        }
        return ContractJson.mapper()
                .createObjectNode()
                .put("attribute", matcher.group(1))
                .put("op", op)
                .put("value", value);
    }

    /** {@code 15m}, {@code 90s}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT15M}), as ISO-8601. */
    static String window(String text) throws InvalidSubscriptionException {
        Duration window;
        Matcher units = WINDOW.matcher(text.trim());
        try {
            if (units.matches()) {
                long amount = Long.parseLong(units.group(1));
                window = switch (units.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            } else {
                window = Duration.parse(text.trim());
            }
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidSubscriptionException("--window is like 90s, 15m, 2h or 1d, not " + text);
        }
        if (window.compareTo(SHORTEST_WINDOW) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
            throw new InvalidSubscriptionException("--window is 1 second to 7 days, not " + text);
        }
        return window.toString();
    }

    private static String positive(Map<String, List<String>> options, String option, String example)
            throws InvalidSubscriptionException {
        String text = required(options, option, example);
        BigDecimal value = decimal(text);
        if (value == null || value.signum() <= 0) {
            throw new InvalidSubscriptionException(
                    option + " is a positive number, such as " + example + ", not " + text);
        }
        // Plain notation, as the service states levels in what an alert says when it fires.
        return value.toPlainString();
    }

    private static @Nullable BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The symbol as ingest-service normalises it: {@code btc/usd} is {@code BTC-USD}. */
    private static String symbol(String text) throws InvalidSubscriptionException {
        if (text.isBlank()) {
            throw new InvalidSubscriptionException("--symbol names an instrument, such as BTC-USD");
        }
        return text.strip().toUpperCase(Locale.ROOT).replace('/', '-');
    }

    private static void strings(ObjectNode node, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    private static void name(ObjectNode body, Map<String, List<String>> options) {
        if (options.containsKey("--name")) {
            body.put("name", options.get("--name").getFirst());
        }
    }

    private static String required(Map<String, List<String>> options, String option, String example)
            throws InvalidSubscriptionException {
        List<String> values = options.get(option);
        if (values == null) {
            throw new InvalidSubscriptionException("this alert needs " + option + ", e.g. " + example);
        }
        return values.getFirst();
    }

    private static String one(Map<String, List<String>> options, String option, String otherwise) {
        List<String> values = options.get(option);
        return values == null ? otherwise : values.getFirst();
    }

    private static void allowOnly(String action, Map<String, List<String>> options, Set<String> allowed)
            throws InvalidSubscriptionException {
        for (String option : options.keySet()) {
            if (!option.equals("--url") && !option.equals("--api-key") && !allowed.contains(option)) {
                throw new InvalidSubscriptionException(option + " does not apply to subscribe " + action);
            }
        }
    }

    private static void operands(String action, List<String> operands, int count, String what)
            throws InvalidSubscriptionException {
        if (operands.size() != count) {
            throw new InvalidSubscriptionException(
                    "subscribe " + action + " takes " + (count == 0 ? "no operands" : what.strip()) + ", e.g."
                            + " ./tickflow subscribe " + action + what);
        }
    }

    private static ApiCall.Action onOne(String action) {
        return switch (action) {
            case "show" -> ApiCall.Action.SHOW;
            case "delete" -> ApiCall.Action.DELETE;
            case "test" -> ApiCall.Action.TEST;
            default -> ApiCall.Action.ROTATE_SECRET;
        };
    }

    private static String subscriptionId(String id) throws InvalidSubscriptionException {
        if (!SUBSCRIPTION_ID.matcher(id).matches()) {
            throw new InvalidSubscriptionException(
                    "a subscription id is up to 64 letters, digits and dashes (./tickflow subscribe list shows them),"
                            + " not " + id);
        }
        return id;
    }

    private static URI url(String text) throws InvalidSubscriptionException {
        String trimmed = text.strip().replaceAll("/+$", "");
        try {
            URI url = new URI(trimmed);
            if (url.getHost() != null && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // Explained below.
        }
        throw new InvalidSubscriptionException("--url (or " + URL_VARIABLE
                + ") is notification-service's address, such as " + DEFAULT_URL + ", not " + text);
    }

    private static String apiKey(Map<String, List<String>> options, Map<String, String> env)
            throws InvalidSubscriptionException {
        String key =
                one(options, "--api-key", env.getOrDefault(KEY_VARIABLE, "")).strip();
        if (key.isEmpty()) {
            throw new InvalidSubscriptionException("no API key: export " + KEY_VARIABLE + "=tfk_... or pass --api-key"
                    + " (an operator issues one with ./tickflow api-keys issue OWNER)");
        }
        if (!key.startsWith(KEY_PREFIX)) {
            throw new InvalidSubscriptionException("an API key starts with " + KEY_PREFIX
                    + "; the one given does not (./tickflow api-keys issue OWNER prints one)");
        }
        return key;
    }
}
