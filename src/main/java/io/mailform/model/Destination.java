package io.mailform.model;

/** One entry of {@code destinations}: a domain, or Postfix's {@code $myhostname} reference. */
public sealed interface Destination permits Destination.Domain, Destination.MyHostname {
    /** The text as it goes into {@code mydestination}. */
    String postfixValue();

    record Domain(DomainName name) implements Destination {
        @Override
        public String postfixValue() {
            return name.value();
        }
    }

    record MyHostname() implements Destination {
        public static final String TEXT = "$myhostname";

        @Override
        public String postfixValue() {
            return TEXT;
        }
    }
}
