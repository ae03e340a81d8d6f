package dev.fluxbase.ai.chatbots.entity;

import dev.fluxbase.ai.platform.entity.TextArrayConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.List;

/** The hosts {@code http_get} may fetch from; none: the chatbot gets no web tool unless it declares one. */
@Embeddable
public class WebAccess {

    @Convert(converter = TextArrayConverter.class)
    @Column(name = "http_allowed_domains")
    private List<String> allowedDomains;

    protected WebAccess() {
        // for JPA
    }

    private WebAccess(List<String> allowedDomains) {
        this.allowedDomains = List.copyOf(allowedDomains);
    }

    /** No hosts. */
    public static WebAccess defaults() {
        return new WebAccess(List.of());
    }

    public List<String> allowedDomains() {
        return allowedDomains;
    }

    public boolean isEmpty() {
        return allowedDomains.isEmpty();
    }

    public WebAccess withAllowedDomains(List<String> allowedDomains) {
        return new WebAccess(allowedDomains);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebAccess w && allowedDomains.equals(w.allowedDomains);
    }

    @Override
    public int hashCode() {
        return allowedDomains.hashCode();
    }

    @Override
    public String toString() {
        return "WebAccess" + allowedDomains;
    }
}
