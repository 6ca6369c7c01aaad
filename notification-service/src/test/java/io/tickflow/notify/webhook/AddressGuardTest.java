package io.tickflow.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private final AddressGuard guard = AddressGuard.publicOnly();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "127.0.0.1       | loopback",
                "127.255.255.254 | loopback",
                "0.0.0.0         | any-local",
                "0.1.2.3         | any-local",
                "10.0.0.5        | private",
                "172.16.0.1      | private",
                "172.31.255.255  | private",
                "192.168.1.1     | private",
                "169.254.169.254 | link-local",
                "169.254.0.1     | link-local",
                "100.64.0.1      | carrier-grade NAT",
                "100.127.255.255 | carrier-grade NAT",
                "224.0.0.1       | multicast",
                "239.255.255.250 | multicast",
                "255.255.255.255 | broadcast",
                "240.0.0.1       | reserved",
                "192.0.0.8       | reserved for IETF protocol assignments",
                "192.0.2.1       | documentation",
                "198.51.100.7    | documentation",
                "203.0.113.9     | documentation",
                "198.18.0.1      | benchmarking",
                "198.19.255.255  | benchmarking",
            })
    void refusesNonPublicIpv4(String address, String reason) throws UnknownHostException {
        assertThat(guard.refusal(InetAddress.getByName(address))).contains(reason);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "::1             | loopback",
                "::              | any-local",
                "fc00::1         | private (unique local)",
                "fd12:3456::1    | private (unique local)",
                "fe80::1         | link-local",
                "febf::1         | link-local",
                "ff02::1         | multicast",
                "2001:db8::1     | documentation",
                "2001:0:4136:e378:8000:63bf:3fff:fdd2 | reserved for IETF protocol assignments",
                "4000::1         | reserved (not global unicast)",
            })
    void refusesNonPublicIpv6(String address, String reason) throws UnknownHostException {
        assertThat(guard.refusal(InetAddress.getByName(address))).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "93.184.216.34",
                "172.15.255.255",
                "172.32.0.0",
                "100.63.255.255",
                "100.128.0.0",
                "169.253.255.255",
                "169.255.0.0",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.255",
                "2606:4700:4700::1111",
                "2001:4860:4860::8888",
                "64:ff9b::808:808",
                "2002:808:808::1",
            })
    void allowsPublicAddresses(String address) throws UnknownHostException {
        assertThat(guard.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void judgesAnIpv4MappedAddressByItsIpv4Address() throws UnknownHostException {
        // The JDK hands ::ffff:a.b.c.d back as the IPv4 address; built byte by byte it stays an Inet6Address.
        assertThat(InetAddress.getByName("::ffff:127.0.0.1")).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(guard.refusal(InetAddress.getByName("::ffff:169.254.169.254")))
                .contains("link-local");

        Inet6Address mapped = ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 5);
        assertThat(guard.refusal(mapped)).contains("private (10.0.0.5 inside an IPv4-mapped address)");
        Inet6Address mappedPublic = ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 8, 8, 8, 8);
        assertThat(guard.refusal(mappedPublic)).isEmpty();
    }

    @Test
    void judgesIpv4CompatibleNat64And6to4AddressesByTheirIpv4Address() throws UnknownHostException {
        assertThat(guard.refusal(InetAddress.getByName("::127.0.0.1")))
                .contains("loopback (127.0.0.1 inside an IPv4-compatible address)");
        assertThat(guard.refusal(InetAddress.getByName("64:ff9b::169.254.169.254")))
                .contains("link-local (169.254.169.254 inside a NAT64 address)");
        assertThat(guard.refusal(InetAddress.getByName("64:ff9b::a00:5")))
                .contains("private (10.0.0.5 inside a NAT64 address)");
        assertThat(guard.refusal(InetAddress.getByName("2002:c0a8:101::1")))
                .contains("private (192.168.1.1 inside a 6to4 address)");
        assertThat(guard.refusal(InetAddress.getByName("2002:7f00:1::")))
                .contains("loopback (127.0.0.1 inside a 6to4 address)");
    }

    @Test
    void judgesTheAddressTheJdkMakesOfDecimalAndShortSpellings() throws UnknownHostException {
        InetAddress decimal = InetAddress.getByName("2130706433");
        InetAddress shortForm = InetAddress.getByName("127.1");
        InetAddress metadataAsDecimal = InetAddress.getByName("2852039166");

        assertThat(decimal.getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(guard.refusal(decimal)).contains("loopback");
        assertThat(shortForm.getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(guard.refusal(shortForm)).contains("loopback");
        assertThat(metadataAsDecimal.getHostAddress()).isEqualTo("169.254.169.254");
        assertThat(guard.refusal(metadataAsDecimal)).contains("link-local");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x7f.0.0.1", "017700000001", "0x7f000001", "0251.0376.0251.0376"})
    void theJdkRefusesHexAndOctalSpellingsOfAnAddress(String spelling) {
        // Were a resolver to accept one, the guard would judge the address it made, as above. WebhookChannelTest shows
        // that the channel sends nothing to such a URL.
        assertThatThrownBy(() -> InetAddress.getByName(spelling)).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void anAllowListedNetworkPassesDespiteTheRules() throws UnknownHostException {
        AddressGuard local = AddressGuard.allowing(List.of("127.0.0.0/8", "fd00:1234::/32"));

        assertThat(local.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(local.allows(InetAddress.getByName("127.200.0.9"))).isTrue();
        assertThat(local.allows(ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1)))
                .isTrue();
        assertThat(local.allows(InetAddress.getByName("fd00:1234:5::1"))).isTrue();
        assertThat(local.refusal(InetAddress.getByName("fd00:1235::1"))).contains("private (unique local)");
        assertThat(local.refusal(InetAddress.getByName("::1"))).contains("loopback");
        assertThat(local.refusal(InetAddress.getByName("10.0.0.5"))).contains("private");
        assertThat(local.refusal(InetAddress.getByName("169.254.169.254"))).contains("link-local");
    }

    @Test
    void allowListPrefixesNeedNotFallOnByteBoundaries() throws UnknownHostException {
        AddressGuard local = AddressGuard.allowing(List.of("10.1.2.128/25", "192.168.7.7"));

        assertThat(local.allows(InetAddress.getByName("10.1.2.128"))).isTrue();
        assertThat(local.allows(InetAddress.getByName("10.1.2.255"))).isTrue();
        assertThat(local.allows(InetAddress.getByName("10.1.2.127"))).isFalse();
        assertThat(local.allows(InetAddress.getByName("192.168.7.7"))).isTrue();
        assertThat(local.allows(InetAddress.getByName("192.168.7.8"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost/8", "127.0.0.0/33", "::1/129", "256.0.0.0/8", "127.1/8", "10.0.0.0/x", ""})
    void refusesAnAllowListEntryThatIsNotACidrRangeOfIpLiterals(String entry) {
        assertThatThrownBy(() -> AddressGuard.allowing(List.of(entry))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void showsItsAllowList() {
        assertThat(AddressGuard.allowing(List.of("127.0.0.0/8", "fd00::/8")).toString())
                .isEqualTo("AddressGuard[allowed=[127.0.0.0/8, fd00:0:0:0:0:0:0:0/8]]");
    }

    private static Inet6Address ipv6(int... bytes) throws UnknownHostException {
        byte[] address = new byte[16];
        for (int i = 0; i < 16; i++) {
            address[i] = (byte) bytes[i];
        }
        return Inet6Address.getByAddress(null, address, -1);
    }
}
