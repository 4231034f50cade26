package io.mailform.adopt;

import io.mailform.diag.Code;
import io.mailform.model.Defaults;
import io.mailform.model.Destination;
import io.mailform.model.DomainName;
import io.mailform.model.Interfaces;
import io.mailform.model.Mode;
import io.mailform.model.ServerTls;
import io.mailform.postfix.MacroReferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the main.cf parameters that mailform's keys produce back to those keys. A key whose value equals the
 * default Debian's installer computes for the mode is left out, so that the description says only what this host
 * chose. What a key cannot say is reported at its line; parameters without a key are left to the round-trip
 * comparison, which keeps them under {@code postfix}.
 */
final class KeyMapper {
    static final String PROCMAIL_COMMAND = "procmail -a \"$EXTENSION\"";
    private static final Pattern REFERENCE = Pattern.compile("\\$(?:\\{([A-Za-z0-9_]+)\\}|\\(([A-Za-z0-9_]+)\\)|([A-Za-z0-9_]+))");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private final MainCfFile mainCf;
    private final Mode mode;
    private final String hostname;
    private final String mailName;
    private final ImportLog log;
    private final List<Member> members = new ArrayList<>();
    private final List<String> defaults = new ArrayList<>();

    KeyMapper(MainCfFile mainCf, Mode mode, String hostname, String mailName, ImportLog log) {
        this.mainCf = mainCf;
        this.mode = mode;
        this.hostname = hostname;
        this.mailName = mailName;
        this.log = log;
    }

    /** The keys before {@code relay}: host name, mail name, destinations. */
    List<Member> identity() {
        List<Member> identity = new ArrayList<>();
        identity.add(Member.of("hostname", YamlValue.Scalar.of(hostname), origin("myhostname")));
        identity.add(Member.of("mail_name", YamlValue.Scalar.of(mailName), origin("myorigin"),
                "From /etc/mailname, which myorigin names."));
        destinations().ifPresent(identity::add);
        return identity;
    }

    /** The keys after {@code relay} and {@code routes}. */
    List<Member> rest() {
        networks().ifPresent(members::add);
        protocols().ifPresent(members::add);
        interfaces().ifPresent(members::add);
        serverTls().ifPresent(members::add);
        procmail().ifPresent(members::add);
        size("mailbox_size_limit", 0).ifPresent(members::add);
        size("message_size_limit", -1).ifPresent(members::add);
        delimiter().ifPresent(members::add);
        return List.copyOf(members);
    }

    /** Keys left out because the host's value is the installer's default. */
    List<String> defaults() {
        return List.copyOf(defaults);
    }

    private Optional<Member> destinations() {
        Optional<MainCfSetting> setting = mainCf.get("mydestination");
        if (setting.isEmpty()) {
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        boolean expanded = false;
        for (String token : Tokens.of(setting.get().value())) {
            if (token.equals("$myhostname") || token.equals("${myhostname}") || token.equals("$(myhostname)")) {
                items.add("$myhostname");
                continue;
            }
            Optional<String> value = expand(token);
            if (value.isEmpty()) {
                log.report(Code.IMPORT_NOT_REPRESENTABLE, mainCf, setting.get(),
                        "mydestination: \"" + token + "\" refers to a parameter import cannot expand",
                        "destinations take domain names and $myhostname; write the domain it stands for");
                return Optional.empty();
            }
            expanded |= !value.get().equals(token);
            items.add(value.get());
        }
        if (expanded) {
            log.report(Code.IMPORT_EXPANDED, mainCf, setting.get(),
                    "mydestination: $mydomain is replaced by its value, since destinations take domain names and"
                            + " $myhostname only; postconf -nx reads the same, postconf -n shows the names",
                    "nothing to do, unless the domain is to follow mydomain: then keep mydestination by hand");
        }
        List<String> formula = Defaults.destinations(mode, new DomainName(hostname), new DomainName(mailName))
                .stream().map(Destination::postfixValue).toList();
        if (items.equals(formula)) {
            defaults.add("destinations");
            return Optional.empty();
        }
        return Optional.of(Member.of("destinations", YamlValue.FlowList.of(items), origin("mydestination")));
    }

    /** A token with $mydomain or $myhostname replaced as Postfix would; empty for other references. */
    private Optional<String> expand(String token) {
        Matcher matcher = REFERENCE.matcher(token);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1)
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            Optional<String> value = switch (name) {
                case "myhostname" -> Optional.of(hostname);
                case "mydomain" -> mainCf.value("mydomain").filter(text -> !text.contains("$"))
                        .or(() -> Optional.of(hostname.contains(".")
                                ? hostname.substring(hostname.indexOf('.') + 1) : "localdomain"));
                default -> Optional.empty();
            };
            if (value.isEmpty()) {
                return Optional.empty();
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value.get()));
        }
        matcher.appendTail(result);
        return Optional.of(result.toString());
    }

    private Optional<Member> networks() {
        Optional<MainCfSetting> setting = mainCf.get("mynetworks");
        if (setting.isEmpty()) {
            return Optional.of(Member.of("networks", YamlValue.FlowList.of(List.of()), null,
                    "main.cf sets no mynetworks: Postfix computes them from mynetworks_style."));
        }
        List<String> items = new ArrayList<>();
        for (String token : Tokens.of(setting.get().value())) {
            if (token.contains("$") || token.startsWith("!") || token.matches("[a-z]+:.*")) {
                log.report(Code.IMPORT_NOT_REPRESENTABLE, mainCf, setting.get(),
                        "mynetworks: \"" + token + "\" is no network address", 
                        "networks take addresses and CIDR networks; list the networks the table holds");
                return Optional.empty();
            }
            items.add(token.replace("[", "").replace("]", ""));
        }
        if (items.equals(Defaults.NETWORKS)) {
            defaults.add("networks");
            return Optional.empty();
        }
        return Optional.of(Member.of("networks", YamlValue.FlowList.of(items), origin("mynetworks")));
    }

    private Optional<Member> protocols() {
        Optional<String> value = mainCf.value("inet_protocols");
        if (value.isEmpty() || !List.of("all", "ipv4", "ipv6").contains(value.get())) {
            return Optional.empty(); // the round-trip comparison reports what compile then writes instead
        }
        if (value.get().equals("all")) {
            defaults.add("protocols");
            return Optional.empty();
        }
        return Optional.of(Member.of("protocols", YamlValue.Scalar.of(value.get()), origin("inet_protocols")));
    }

    private Optional<Member> interfaces() {
        Optional<String> value = mainCf.value("inet_interfaces");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String standard = Defaults.interfaces(mode).postfixValue();
        if (value.get().equals(standard)) {
            defaults.add("interfaces");
            return Optional.empty();
        }
        YamlValue interfaces = value.get().equals(new Interfaces.All().postfixValue())
                || value.get().equals(new Interfaces.LoopbackOnly().postfixValue())
                ? YamlValue.Scalar.of(value.get())
                : YamlValue.FlowList.of(Tokens.of(value.get()).stream()
                        .map(token -> token.replace("[", "").replace("]", "")).toList());
        return Optional.of(Member.of("interfaces", interfaces, origin("inet_interfaces")));
    }

    private Optional<Member> serverTls() {
        Optional<String> cert = mainCf.value("smtpd_tls_cert_file").map(MacroReferences::unliteral);
        Optional<String> key = mainCf.value("smtpd_tls_key_file").map(MacroReferences::unliteral);
        if (cert.isEmpty() && key.isEmpty() && mainCf.value("smtpd_tls_security_level").isEmpty()) {
            return Optional.of(Member.of("tls", new YamlValue.Block(List.of(
                    Member.of("server", YamlValue.Scalar.of("none"), null))), null,
                    "main.cf sets no server certificate."));
        }
        if (cert.isEmpty() || key.isEmpty()) {
            return Optional.empty(); // compile writes the snakeoil pair; the comparison reports the difference
        }
        if (cert.get().equals(ServerTls.SNAKEOIL.certFile()) && key.get().equals(ServerTls.SNAKEOIL.keyFile())) {
            defaults.add("tls");
            return Optional.empty();
        }
        return Optional.of(Member.of("tls", new YamlValue.Block(List.of(Member.of("server",
                new YamlValue.Block(List.of(
                        Member.of("cert_file", YamlValue.Scalar.of(cert.get()), origin("smtpd_tls_cert_file")),
                        Member.of("key_file", YamlValue.Scalar.of(key.get()), origin("smtpd_tls_key_file")))),
                null))), null));
    }

    private Optional<Member> procmail() {
        Optional<String> value = mainCf.value("mailbox_command");
        if (value.isPresent() && value.get().equals(PROCMAIL_COMMAND)) {
            return Optional.of(Member.of("procmail", YamlValue.Scalar.bool(true), origin("mailbox_command")));
        }
        return Optional.empty();
    }

    private Optional<Member> size(String name, long standard) {
        Optional<String> value = mainCf.value(name);
        if (value.isEmpty() || !DIGITS.matcher(value.get()).matches()) {
            return Optional.empty();
        }
        long bytes;
        try {
            bytes = Long.parseLong(value.get());
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
        if (bytes == standard) {
            defaults.add(name);
            return Optional.empty();
        }
        return Optional.of(Member.of(name, YamlValue.Scalar.number(bytes), origin(name)));
    }

    private Optional<Member> delimiter() {
        Optional<String> value = mainCf.value("recipient_delimiter").map(MacroReferences::unliteral);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().equals(Defaults.RECIPIENT_DELIMITER)) {
            defaults.add("recipient_delimiter");
            return Optional.empty();
        }
        return Optional.of(Member.of("recipient_delimiter", YamlValue.Scalar.of(value.get()),
                origin("recipient_delimiter")));
    }

    private Origin origin(String parameter) {
        return mainCf.get(parameter).map(setting -> ImportLog.origin(mainCf.source(), setting)).orElse(null);
    }
}
