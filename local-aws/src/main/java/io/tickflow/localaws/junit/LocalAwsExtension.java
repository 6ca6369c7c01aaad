package io.tickflow.localaws.junit;

import io.tickflow.localaws.Endpoints;
import io.tickflow.localaws.LocalAws;
import io.tickflow.localaws.LocalAwsClients;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests an embedded AWS stack on free ports, with the topology provisioned.
 *
 * <p>One stack serves every test class of a test run (it takes seconds to start), and stops when the run ends. Tests
 * get it as a parameter of type {@link LocalAws}, {@link Endpoints} or {@link LocalAwsClients}, or through
 * {@link #shared()} where a static hook needs it, such as a Spring {@code @DynamicPropertySource}. Tests that share the
 * stack must not depend on queues being empty unless they drain them first.
 */
public final class LocalAwsExtension implements ParameterResolver {

    private static final class Holder {
        static final LocalAws STACK = start();
        static final LocalAwsClients CLIENTS = new LocalAwsClients(STACK.endpoints());

        private static LocalAws start() {
            LocalAws stack = LocalAws.start(LocalAws.Options.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-aws-shutdown"));
            return stack;
        }
    }

    /** The stack of this test run, started on first use. */
    public static LocalAws shared() {
        return Holder.STACK;
    }

    /** Clients for {@link #shared()}, started with it. */
    public static LocalAwsClients sharedClients() {
        return Holder.CLIENTS;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalAws.class || type == Endpoints.class || type == LocalAwsClients.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == LocalAws.class) {
            return shared();
        }
        if (type == Endpoints.class) {
            return shared().endpoints();
        }
        return sharedClients();
    }
}
