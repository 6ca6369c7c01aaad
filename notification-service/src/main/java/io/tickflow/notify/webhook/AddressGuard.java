package io.tickflow.notify.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a webhook may connect to an address, so that a subscriber cannot point Tickflow at its own network
 * (server-side request forgery): loopback, unspecified, private, link-local (the cloud metadata address
 * 169.254.169.254 among them), carrier-grade NAT, multicast, broadcast, documentation, benchmarking and other reserved
 * ranges are refused, in IPv4 and IPv6. An IPv6 address that carries an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d},
 * IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is judged by the IPv4 address
 * it carries. Any other IPv6 address outside global unicast ({@code 2000::/3}) is refused too.
 *
 * <p>It judges resolved addresses only, never host names: however a host is spelled ({@code 2130706433},
 * {@code 127.1}, a DNS name with a private A record), what counts is the address the resolver made of it, which is
 * the address the connection is then made to.
 *
 * <p>The allow-list ({@code tickflow.notify.webhook.allowed-networks}, empty by default) names CIDR ranges that are
 * allowed in spite of these rules; local development and tests put {@code 127.0.0.0/8} there. Immutable and
 * thread-safe.
 */
public final class AddressGuard {

    private static final List<Rule> IPV4_RULES = List.of(
            new Rule(Network.parse("255.255.255.255/32"), "broadcast"),
            new Rule(Network.parse("0.0.0.0/8"), "any-local"),
            new Rule(Network.parse("127.0.0.0/8"), "loopback"),
            new Rule(Network.parse("10.0.0.0/8"), "private"),
            new Rule(Network.parse("172.16.0.0/12"), "private"),
            new Rule(Network.parse("192.168.0.0/16"), "private"),
            new Rule(Network.parse("169.254.0.0/16"), "link-local"),
            new Rule(Network.parse("100.64.0.0/10"), "carrier-grade NAT"),
            new Rule(Network.parse("224.0.0.0/4"), "multicast"),
            new Rule(Network.parse("240.0.0.0/4"), "reserved"),
            new Rule(Network.parse("192.0.0.0/24"), "reserved for IETF protocol assignments"),
            new Rule(Network.parse("192.88.99.0/24"), "reserved (6to4 relay anycast)"),
            new Rule(Network.parse("192.0.2.0/24"), "documentation"),
            new Rule(Network.parse("198.51.100.0/24"), "documentation"),
            new Rule(Network.parse("203.0.113.0/24"), "documentation"),
            new Rule(Network.parse("198.18.0.0/15"), "benchmarking"));

    private static final List<Rule> IPV6_RULES = List.of(
            new Rule(Network.parse("::/128"), "any-local"),
            new Rule(Network.parse("::1/128"), "loopback"),
            new Rule(Network.parse("fc00::/7"), "private (unique local)"),
            new Rule(Network.parse("fec0::/10"), "private (site-local)"),
            new Rule(Network.parse("fe80::/10"), "link-local"),
            new Rule(Network.parse("ff00::/8"), "multicast"),
            new Rule(Network.parse("2001:db8::/32"), "documentation"),
            // Teredo (2001::/32) and other protocol assignments: tunnels and special purposes, not webhook hosts.
            new Rule(Network.parse("2001::/23"), "reserved for IETF protocol assignments"),
            new Rule(Network.parse("64:ff9b:1::/48"), "reserved (local-use NAT64)"),
            new Rule(Network.parse("100::/64"), "reserved (discard-only)"));

    private static final Network GLOBAL_UNICAST = Network.parse("2000::/3");

    /** IPv6 forms that carry an IPv4 address, and where in the 16 bytes it sits. */
    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding(Network.parse("::ffff:0:0/96"), 12, "an IPv4-mapped"),
            new Embedding(Network.parse("64:ff9b::/96"), 12, "a NAT64"),
            new Embedding(Network.parse("2002::/16"), 2, "a 6to4"),
            // Checked last: :: and ::1 are in this range too, and the IPv6 rules judge them first.
            new Embedding(Network.parse("::/96"), 12, "an IPv4-compatible"));

    private final List<Network> allowed;

    private AddressGuard(List<Network> allowed) {
        this.allowed = allowed;
    }

    /** A guard with an empty allow-list: only public addresses pass. */
    public static AddressGuard publicOnly() {
        return new AddressGuard(List.of());
    }

    /**
     * A guard that also lets the given networks pass.
     *
     * @param allowedNetworks CIDR ranges ({@code 127.0.0.0/8}, {@code ::1/128}) or single addresses, as IP literals
     * @throws IllegalArgumentException if one is not a CIDR range of IP literals
     */
    public static AddressGuard allowing(Collection<String> allowedNetworks) {
        return new AddressGuard(allowedNetworks.stream().map(Network::parse).toList());
    }

    /** Whether a connection to {@code address} is allowed. */
    public boolean allows(InetAddress address) {
        return refusal(address).isEmpty();
    }

    /**
     * Why a connection to {@code address} is refused ({@code "private"}, {@code "loopback"}, ...), or empty if it is
     * allowed.
     */
    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (isAllowListed(bytes)) {
            return Optional.empty();
        }
        if (bytes.length == 4) {
            return ipv4Refusal(bytes);
        }
        for (Rule rule : IPV6_RULES) {
            if (rule.network().contains(bytes)) {
                return Optional.of(rule.reason());
            }
        }
        for (Embedding embedding : EMBEDDINGS) {
            if (embedding.network().contains(bytes)) {
                byte[] ipv4 = Arrays.copyOfRange(bytes, embedding.offset(), embedding.offset() + 4);
                return ipv4Refusal(ipv4)
                        .map(reason -> reason + " (" + ipv4Text(ipv4) + " inside " + embedding.form() + " address)");
            }
        }
        if (!GLOBAL_UNICAST.contains(bytes)) {
            return Optional.of("reserved (not global unicast)");
        }
        return Optional.empty();
    }

    private boolean isAllowListed(byte[] bytes) {
        for (Network network : allowed) {
            if (network.contains(bytes)) {
                return true;
            }
        }
        // An IPv4-mapped address is the IPv4 host itself, so an IPv4 allow-list entry covers it.
        Embedding mapped = EMBEDDINGS.getFirst();
        if (bytes.length == 16 && mapped.network().contains(bytes)) {
            return isAllowListed(Arrays.copyOfRange(bytes, 12, 16));
        }
        return false;
    }

    private static Optional<String> ipv4Refusal(byte[] ipv4) {
        for (Rule rule : IPV4_RULES) {
            if (rule.network().contains(ipv4)) {
                return Optional.of(rule.reason());
            }
        }
        return Optional.empty();
    }

    private static String ipv4Text(byte[] ipv4) {
        return (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff);
    }

    private record Rule(Network network, String reason) {}

    /** An IPv6 form that carries an IPv4 address at {@code offset}; {@code form} names it with its article. */
    private record Embedding(Network network, int offset, String form) {}

    /** A CIDR range, held as the network's address bytes (4 or 16) and its prefix length. */
    private record Network(byte[] prefix, int bits) {

        private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
        // Only hex digits, colons and dots: such a string is parsed as an IPv6 literal and never looked up in DNS.
        private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

        static Network parse(String cidr) {
            String text = cidr.strip();
            int slash = text.indexOf('/');
            String literal = slash < 0 ? text : text.substring(0, slash);
            byte[] address = literal(literal, cidr);
            int bits = address.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Not a CIDR range: " + cidr, e);
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("Prefix length out of range in " + cidr);
                }
            }
            return new Network(address, bits);
        }

        private static byte[] literal(String literal, String cidr) {
            var ipv4 = IPV4.matcher(literal);
            if (ipv4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(ipv4.group(i + 1));
                    if (octet > 255) {
                        throw new IllegalArgumentException("Not an IPv4 address in " + cidr);
                    }
                    bytes[i] = (byte) octet;
                }
                return bytes;
            }
            if (IPV6.matcher(literal).matches()) {
                try {
                    byte[] bytes = InetAddress.getByName(literal).getAddress();
                    if (bytes.length == 4) {
                        // The JDK turns ::ffff:a.b.c.d into an IPv4 address; the range stays in the family written.
                        byte[] mapped = new byte[16];
                        mapped[10] = (byte) 0xff;
                        mapped[11] = (byte) 0xff;
                        System.arraycopy(bytes, 0, mapped, 12, 4);
                        return mapped;
                    }
                    return bytes;
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("Not an IPv6 address in " + cidr, e);
                }
            }
            throw new IllegalArgumentException("Not a CIDR range of IP literals: " + cidr);
        }

        String text() {
            try {
                String address = prefix.length == 4
                        ? ipv4Text(prefix)
                        : Inet6Address.getByAddress(null, prefix, -1).getHostAddress();
                return address + "/" + bits;
            } catch (UnknownHostException e) {
                throw new IllegalStateException("A network holds 4 or 16 bytes", e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    @Override
    public String toString() {
        return "AddressGuard[allowed=" + allowed.stream().map(Network::text).toList() + "]";
    }
}
