package io.tickflow.notify.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The only way the webhook client gets from a host to an address: resolves the host, keeps the addresses the {@link
 * AddressGuard} allows and hands only those to HttpClient, which connects to them and to nothing else. Because the
 * check is made on the very addresses connected to, a DNS answer that changes between a check and the connection
 * (rebinding) cannot get around it. IP literals come through here as well: HttpClient passes the URL's host as text
 * and the JDK resolver parses literals, in whatever spelling it accepts, without a lookup.
 */
final class GuardedDnsResolver implements DnsResolver {

    /** Resolves a host to its addresses; the system resolver by default, a fixed table in tests. */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final AddressGuard guard;
    private final HostResolver resolver;

    GuardedDnsResolver(AddressGuard guard) {
        this(guard, SystemDefaultDnsResolver.INSTANCE::resolve);
    }

    GuardedDnsResolver(AddressGuard guard, HostResolver resolver) {
        this.guard = guard;
        this.resolver = resolver;
    }

    /**
     * The host's allowed addresses, in the resolver's order.
     *
     * @throws RefusedAddressException if it resolves only to refused addresses
     * @throws UnknownHostException if it does not resolve
     */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] resolved = resolver.resolve(host);
        if (resolved == null || resolved.length == 0) {
            throw new UnknownHostException("webhook host " + host + " has no address");
        }
        List<InetAddress> allowed = new ArrayList<>(resolved.length);
        List<String> refused = new ArrayList<>();
        for (InetAddress address : resolved) {
            Optional<String> refusal = guard.refusal(address);
            if (refusal.isPresent()) {
                refused.add(address.getHostAddress() + " (" + refusal.get() + ")");
            } else {
                allowed.add(address);
            }
        }
        if (allowed.isEmpty()) {
            throw new RefusedAddressException(
                    "webhook host " + host + " resolves only to refused addresses: " + String.join(", ", refused));
        }
        return allowed.toArray(InetAddress[]::new);
    }

    /** What HttpClient calls before it connects: the allowed addresses of {@link #resolve(String)}, with the port. */
    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host))
                .map(address -> new InetSocketAddress(address, port))
                .toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // HttpClient asks for it only for Kerberos/SPNEGO authentication, which webhooks never do.
        return host;
    }
}
