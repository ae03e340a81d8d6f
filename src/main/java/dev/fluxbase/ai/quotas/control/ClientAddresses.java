package dev.fluxbase.ai.quotas.control;

import dev.fluxbase.ai.quotas.entity.AddressRange;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address anonymous users are limited by. {@code X-Forwarded-For} is honoured only hop by hop from
 * the right, while the hop that reported it is a trusted proxy ({@code fluxbase.limits.trusted-proxies});
 * anyone else could write any address into it and get fresh limits.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    @ConfigProperty(name = "fluxbase.limits.trusted-proxies")
    Optional<String> trustedProxiesSetting;

    private List<AddressRange> trustedProxies = List.of();

    /** For CDI. */
    protected ClientAddresses() {
    }

    public ClientAddresses(List<AddressRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    @PostConstruct
    void readConfiguration() {
        trustedProxies = trustedProxiesSetting.map(ClientAddresses::parse).orElse(List.of());
    }

    /**
     * @param peer         the address of the direct peer, null when the container did not tell
     * @param forwardedFor the {@code X-Forwarded-For} header, null when absent
     */
    public String resolve(String peer, String forwardedFor) {
        Optional<InetAddress> direct = AddressRange.literal(peer);
        if (direct.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>(forwardedFor == null ? List.of() : Arrays.asList(forwardedFor.split(",")));
        InetAddress client = direct.get();
        while (isTrusted(client) && !hops.isEmpty()) {
            Optional<InetAddress> previous = AddressRange.literal(hops.remove(hops.size() - 1));
            if (previous.isEmpty()) {
                break; // a trusted proxy passed on garbage: the proxy is the best we know
            }
            client = previous.get();
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static List<AddressRange> parse(String setting) {
        return Arrays.stream(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(AddressRange::parse).toList();
    }
}
