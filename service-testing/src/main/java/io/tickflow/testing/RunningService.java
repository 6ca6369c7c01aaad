package io.tickflow.testing;

import io.tickflow.localaws.junit.LocalAwsExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service started in this JVM against the embedded AWS stack the test run shares, and reached over HTTP as a load
 * balancer would reach it.
 *
 * <p>The stack's endpoints go in as command-line arguments, which override the {@code local} profile's fixed ports
 * the way an operator's arguments would, and which are part of the environment from the very start. That matters for
 * a Secrets Manager import: its client is built while the configuration files are read, before properties from
 * {@code @DynamicPropertySource} exist (spring-projects/spring-boot#26148).
 */
public final class RunningService implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ConfigurableApplicationContext context;
    private final URI base;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the service on a free port against the shared stack, with any further {@code --name=value} arguments. */
    public static RunningService start(Class<?> application, String... arguments) {
        return start(application, LocalAwsExtension.shared().endpoints().springProperties(), arguments);
    }

    /** Starts the service on a free port with the given AWS properties instead of the shared stack's. */
    public static RunningService start(Class<?> application, Map<String, String> awsProperties, String... arguments) {
        List<String> args = new ArrayList<>();
        awsProperties.forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--server.port=0");
        args.addAll(List.of(arguments));
        return new RunningService(new SpringApplicationBuilder(application).run(args.toArray(String[]::new)));
    }

    /** Where the service answers HTTP, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return base;
    }

    /** The service's application context, for what HTTP does not show: beans, the environment. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    /** GETs a path of the service and reads the JSON it answers with. */
    public Response get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), JsonMapper.shared().readTree(response.body()));
    }

    /**
     * An HTTP answer.
     *
     * @param status the status code
     * @param body the JSON body
     */
    public record Response(int status, JsonNode body) {}

    @Override
    public void close() {
        context.close();
    }
}
