package io.mailform.postfix;

import io.mailform.model.DomainName;
import io.mailform.model.MailSystem;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How Postfix reads one address, in one place for every part of mailform that reads addresses: validate (alias
 * targets, the root recipient), the oracle and {@code explain}, {@code import}, and the runtime's MAIL and RCPT.
 *
 * <ul>
 *   <li>smtpd takes the address out of a MAIL FROM or RCPT TO word ({@link SmtpdAddress}: brackets, a source route,
 *       comments and quoting undone) and refuses the word when it holds more than one address, an empty recipient,
 *       or an address that trivial-rewrite resolves with an error, or one whose final domain is not ASCII while the
 *       client did not announce SMTPUTF8;</li>
 *   <li>every address is rewritten to canonical form first ({@link AddressResolver#canonical}): a bare name gets
 *       {@code @myorigin};</li>
 *   <li>then resolved ({@link AddressResolver}): local domains stripped, routing in the local part opened, the final
 *       domain checked. local(8) does the same with each alias target, and bounces a target that does not resolve
 *       with "bad address syntax".</li>
 * </ul>
 *
 * Every verdict here was measured on a private Postfix 3.7.11; the scenario file {@code address-forms.yaml} of the
 * runtime's tests asks Postfix again for every form at every build.
 */
public final class AddressReader {
    private final Predicate<String> isLocalDomain;
    private final String myorigin;
    private final AddressResolver resolver;

    /**
     * @param isLocalDomain mydestination's test, in any case
     * @param myorigin the domain a bare name gets (the mail name, else the host name)
     * @param myhostname the domain an address left without any resolves in
     */
    public AddressReader(Predicate<String> isLocalDomain, String myorigin, String myhostname) {
        this.isLocalDomain = isLocalDomain;
        this.myorigin = myorigin;
        this.resolver = new AddressResolver(isLocalDomain, myhostname);
    }

    /** The reader of the Postfix configuration compiled from {@code system}. */
    public static AddressReader of(MailSystem system) {
        Set<String> domains = Set.copyOf(LocalDomains.of(system));
        return new AddressReader(domain -> domains.contains(domain.toLowerCase(Locale.ROOT)),
            LocalDomains.myorigin(system), system.hostname().map(DomainName::value).orElse("localhost"));
    }

    /** The word of a RCPT TO command: an address, never the null address. */
    public AddressReading recipient(String word, boolean smtputf8) {
        return envelope(word, smtputf8, false);
    }

    /** The word of a MAIL FROM command: an address, or {@code <>}. */
    public AddressReading sender(String word, boolean smtputf8) {
        return envelope(word, smtputf8, true);
    }

    /**
     * An address that needs no extraction: an alias target, or an address the system itself writes to, as local(8)
     * and the queue manager read it.
     */
    public AddressReading address(String internal) {
        if (internal.isEmpty()) {
            return new AddressReading.Null();
        }
        String canonical = AddressResolver.canonical(internal, myorigin);
        return resolver.resolve(canonical)
            .<AddressReading>map(resolved -> new AddressReading.Resolved(internal, canonical, resolved))
            .orElseGet(() -> new AddressReading.BadSyntax(internal, canonical, why(canonical)));
    }

    /** True for a domain of mydestination. */
    public boolean isLocalDomain(String domain) {
        return isLocalDomain.test(domain);
    }

    public String myorigin() {
        return myorigin;
    }

    private AddressReading envelope(String word, boolean smtputf8, boolean mayBeNull) {
        Optional<String> internal = SmtpdAddress.internalForm(withoutSpace(word));
        if (internal.isEmpty()) {
            return new AddressReading.BadSyntax(word, word, "smtpd finds no single address in it");
        }
        if (internal.get().isEmpty()) {
            return mayBeNull ? new AddressReading.Null()
                : new AddressReading.BadSyntax(word, "", "the null address is no recipient");
        }
        AddressReading reading = address(internal.get());
        if (reading instanceof AddressReading.Resolved resolved && !smtputf8
                && !isAscii(resolved.resolved().domain())) {
            return new AddressReading.BadSyntax(internal.get(), resolved.canonical(), "the domain "
                + resolved.resolved().domain() + " is not ASCII, and the client did not announce SMTPUTF8");
        }
        return reading;
    }

    private String why(String canonical) {
        if (canonical.startsWith("-")) {
            return "it begins with '-', which a command could take for an option (allow_min_user = no)";
        }
        int at = canonical.lastIndexOf('@');
        if (at < 0) {
            return "it resolves to no domain";
        }
        String domain = canonical.substring(at + 1);
        if (domain.isEmpty()) {
            return "no domain follows the @";
        }
        if (isLocalDomain.test(domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain)) {
            return "what the local part routes to is no valid domain";
        }
        return "\"" + domain + "\" is no valid host name or address literal";
    }

    /** The word without white space around it, as smtpd's tokenizer knows it: other control characters stay. */
    private static String withoutSpace(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && SmtpdAddress.isSpace(word.charAt(start))) {
            start++;
        }
        while (end > start && SmtpdAddress.isSpace(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(start, end);
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }
}
