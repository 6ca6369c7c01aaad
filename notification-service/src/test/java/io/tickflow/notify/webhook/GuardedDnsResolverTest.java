package io.tickflow.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardedDnsResolverTest {

    /** A DNS stand-in: fixed answers, so that no test depends on (or sends anything to) a real name server. */
    private static GuardedDnsResolver.HostResolver dns(Map<String, List<String>> records) {
        return host -> {
            List<String> addresses = records.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[addresses.size()];
            for (int i = 0; i < resolved.length; i++) {
                resolved[i] = InetAddress.getByAddress(
                        host, InetAddress.getByName(addresses.get(i)).getAddress());
            }
            return resolved;
        };
    }

    @Test
    void refusesANameThatResolvesToAPrivateAddress() {
        var resolver =
                new GuardedDnsResolver(AddressGuard.publicOnly(), dns(Map.of("evil.example", List.of("10.0.0.5"))));

        assertThatThrownBy(() -> resolver.resolve("evil.example", 443))
                .isInstanceOf(RefusedAddressException.class)
                .isInstanceOf(UnknownHostException.class)
                .hasMessage("webhook host evil.example resolves only to refused addresses: 10.0.0.5 (private)");
    }

    @Test
    void namesEveryRefusedAddressOfAHost() {
        var resolver = new GuardedDnsResolver(
                AddressGuard.publicOnly(),
                dns(Map.of("rebind.example", List.of("169.254.169.254", "127.0.0.1", "::1"))));

        assertThatThrownBy(() -> resolver.resolve("rebind.example"))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessage("webhook host rebind.example resolves only to refused addresses: "
                        + "169.254.169.254 (link-local), 127.0.0.1 (loopback), 0:0:0:0:0:0:0:1 (loopback)");
    }

    @Test
    void handsOnlyTheAllowedAddressesToTheConnection() throws UnknownHostException {
        var resolver = new GuardedDnsResolver(
                AddressGuard.publicOnly(),
                dns(Map.of("mixed.example", List.of("10.0.0.5", "93.184.216.34", "fd00::1", "2606:2800:220:1::1"))));

        assertThat(resolver.resolve("mixed.example", 443))
                .extracting(InetSocketAddress::getAddress)
                .extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34", "2606:2800:220:1:0:0:0:1");
        assertThat(resolver.resolve("mixed.example", 443))
                .extracting(InetSocketAddress::getPort)
                .containsOnly(443);
    }

    @Test
    void letsAnAllowListedAddressThrough() throws UnknownHostException {
        var resolver = new GuardedDnsResolver(
                AddressGuard.allowing(List.of("127.0.0.0/8")), dns(Map.of("dev.example", List.of("127.0.0.1"))));

        assertThat(resolver.resolve("dev.example"))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
    }

    @Test
    void aNameThatDoesNotResolveIsAnOrdinaryUnknownHost() {
        var resolver = new GuardedDnsResolver(AddressGuard.publicOnly(), dns(Map.of()));

        assertThatThrownBy(() -> resolver.resolve("nowhere.example"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(RefusedAddressException.class);
    }

    @Test
    void ipLiteralsAndTheirOtherSpellingsGoThroughTheGuardWithTheSystemResolver() {
        // The system resolver parses literals without a lookup; the guard then judges what it made of them.
        var resolver = new GuardedDnsResolver(AddressGuard.publicOnly());

        assertThatThrownBy(() -> resolver.resolve("169.254.169.254"))
                .hasMessage("webhook host 169.254.169.254 resolves only to refused addresses: "
                        + "169.254.169.254 (link-local)");
        assertThatThrownBy(() -> resolver.resolve("2130706433"))
                .hasMessage("webhook host 2130706433 resolves only to refused addresses: 127.0.0.1 (loopback)");
        assertThatThrownBy(() -> resolver.resolve("[::ffff:10.0.0.5]"))
                .hasMessage("webhook host [::ffff:10.0.0.5] resolves only to refused addresses: 10.0.0.5 (private)");
        assertThatThrownBy(() -> resolver.resolve("[fe80::1]"))
                .hasMessage(
                        "webhook host [fe80::1] resolves only to refused addresses: fe80:0:0:0:0:0:0:1 (link-local)");
    }
}
