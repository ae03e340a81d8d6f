package dev.fluxbase.ai.tools.http.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "239.1.1.1", "240.0.0.1", "255.255.255.255", "192.0.2.10",
            "198.18.0.1", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
            "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2002:a9fe:a9fe::1", "2001:db8::1", "fec0::1"})
    void forbidden(String address) throws UnknownHostException {
        assertThat(AddressPolicy.forbiddenReason(InetAddress.getByName(address))).as(address).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "11.0.0.1", "2606:4700:4700::1111",
            "2a00:1450:4001:80b::200e", "64:ff9b::808:808", "2002:808:808::1"})
    void allowed(String address) throws UnknownHostException {
        assertThat(AddressPolicy.forbiddenReason(InetAddress.getByName(address))).as(address).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "127.1", "0x7f000001", "[::ffff:7f00:1]", "::ffff:127.0.0.1"})
    void literalFormsOfLoopbackAreRecognisedWithoutDns(String host) {
        InetAddress literal = AddressPolicy.literal(host);
        if (literal != null) {
            assertThat(AddressPolicy.forbiddenReason(literal)).as(host).isNotNull();
        } else {
            assertThat(host).as("only the hex form is not an IP literal for Java, and then it is a (disallowed) name").startsWith("0x");
        }
    }
}
