package io.mailform.model;

/**
 * Mail for {@code domain} goes to {@code relay} instead of the default way: a transport map entry. {@code key} is
 * the domain as written under {@code routes}, which names the route's place in the description.
 */
public record Route(DomainName domain, String key, Relay relay) {
    /** A route whose key is the domain's own spelling. */
    public Route(DomainName domain, Relay relay) {
        this(domain, domain.value(), relay);
    }
}
