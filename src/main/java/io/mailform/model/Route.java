package io.mailform.model;

/** Mail for {@code domain} goes to {@code relay} instead of the default way: a transport map entry. */
public record Route(DomainName domain, Relay relay) {
}
