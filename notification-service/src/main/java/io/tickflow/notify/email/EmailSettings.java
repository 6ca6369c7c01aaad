package io.tickflow.notify.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The SMTP server notifications are sent through, and as whom.
 *
 * @param host the SMTP server
 * @param port its port, e.g. 25, 587 (with {@code startTls}) or a local test server's
 * @param from the sender, e.g. {@code Tickflow <notifications@tickflow.example>}; its domain also names the messages
 * @param connectTimeout how long connecting may take
 * @param timeout how long the server may take to answer or accept each piece of the conversation
 * @param username who to log in as; absent to send without logging in
 * @param password the password, present exactly when {@code username} is
 * @param startTls whether to require STARTTLS before anything is sent
 */
public record EmailSettings(
        String host,
        int port,
        String from,
        Duration connectTimeout,
        Duration timeout,
        @Nullable String username,
        @Nullable String password,
        boolean startTls) {

    public EmailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(timeout, "timeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("An SMTP host is needed");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
        if (connectTimeout.toMillis() < 1 || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("Timeouts are at least 1 ms: " + connectTimeout + ", " + timeout);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("A username and a password go together");
        }
        sender(from);
    }

    /** Settings for a server that takes mail without logging in or TLS, such as a local relay. */
    public static EmailSettings unauthenticated(
            String host, int port, String from, Duration connectTimeout, Duration timeout) {
        return new EmailSettings(host, port, from, connectTimeout, timeout, null, null, false);
    }

    /** The sender as an address. */
    InternetAddress sender() {
        return sender(from);
    }

    private static InternetAddress sender(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not a sender address: " + from, e);
        }
    }

    /** Everything but the password. */
    @Override
    public String toString() {
        return "EmailSettings[host=" + host + ", port=" + port + ", from=" + from + ", connectTimeout="
                + connectTimeout + ", timeout=" + timeout + ", username=" + username + ", password="
                + (password == null ? "(none)" : "(secret)") + ", startTls=" + startTls + "]";
    }
}
