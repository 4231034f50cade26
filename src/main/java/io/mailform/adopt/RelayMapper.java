package io.mailform.adopt;

import io.mailform.diag.Code;
import io.mailform.model.Relay;
import io.mailform.source.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps relayhost and the tables main.cf names (transport, sasl_passwd, tls_policy) to {@code relay} and
 * {@code routes}. A login becomes {@code auth} with the user name and a {@code password_file}: the password itself
 * is never read into the description, and import says which entry of which file to copy it from.
 */
final class RelayMapper {
    private static final String HASH = "hash:";
    private static final List<String> LEVELS = List.of("none", "may", "encrypt", "verify", "secure");

    private final HostFiles host;
    private final MainCfFile mainCf;
    private final ImportLog log;
    private final Map<String, MapEntryLine> logins;
    private String loginTable = "";
    private final Map<String, MapEntryLine> policies;

    RelayMapper(HostFiles host, MainCfFile mainCf, ImportLog log) throws IOException {
        this.host = host;
        this.mainCf = mainCf;
        this.log = log;
        boolean auth = mainCf.value("smtp_sasl_auth_enable").orElse("no").equalsIgnoreCase("yes");
        this.logins = auth ? table("smtp_sasl_password_maps", false) : Map.of();
        this.policies = table("smtp_tls_policy_maps", true);
    }

    Optional<Member> relay() throws IOException {
        Optional<MainCfSetting> setting = mainCf.get("relayhost");
        if (setting.isEmpty() || setting.get().value().isEmpty()) {
            return Optional.empty();
        }
        Optional<NextHop> hop = NextHop.parse(setting.get().value());
        if (hop.isEmpty()) {
            log.report(Code.IMPORT_NOT_REPRESENTABLE, mainCf, setting.get(),
                    "relayhost: \"" + setting.get().value() + "\" is not one next hop of the form [host]:port",
                    "relay takes one host, with port and mx_lookup as keys of their own");
            return Optional.empty();
        }
        Origin origin = ImportLog.origin(mainCf.source(), setting.get());
        List<Member> members = new ArrayList<>(hop(hop.get(), origin));
        Optional<MainCfSetting> level = mainCf.get("smtp_tls_security_level");
        if (level.isEmpty() || level.get().value().isEmpty()) {
            // No level is Postfix's plain text, as Debian writes it without the snakeoil pair: relay.tls none.
            members.add(Member.of("tls", YamlValue.Scalar.of("none"), origin));
        }
        level.filter(written -> LEVELS.contains(written.value()))
                .filter(written -> !written.value().equals(Relay.DEFAULT_TLS.key()))
                .ifPresent(written -> members.add(Member.of("tls", YamlValue.Scalar.of(written.value()),
                        ImportLog.origin(mainCf.source(), written))));
        login(setting.get().value(), "relay.password", "relay").ifPresent(members::add);
        return Optional.of(Member.of("relay", new YamlValue.Block(members), origin));
    }

    Optional<Member> routes() throws IOException {
        Optional<MainCfSetting> setting = mainCf.get("transport_maps");
        if (setting.isEmpty() || !setting.get().value().startsWith(HASH)) {
            return Optional.empty();
        }
        Optional<SourceFile> source = host.table(setting.get().value().substring(HASH.length()));
        if (source.isEmpty()) {
            missingSource(setting.get());
            return Optional.empty();
        }
        log.table(source.get());
        String global = mainCf.value("smtp_tls_security_level").orElse("none");
        List<Member> routes = new ArrayList<>();
        MapReader.Read read = MapReader.read(source.get());
        malformed(source.get(), read.malformed());
        for (MapEntryLine entry : read.entries().values()) {
            Origin origin = new Origin(source.get().name(), entry.span(), null);
            Optional<NextHop> hop = entry.value().startsWith("smtp:")
                    ? NextHop.parse(entry.value().substring("smtp:".length())) : Optional.empty();
            if (entry.key().startsWith(".") || hop.isEmpty()) {
                log.report(Code.IMPORT_NOT_REPRESENTABLE, origin,
                        "transport entry \"" + entry.key() + " " + entry.value()
                                + "\": routes take a domain and an smtp: next hop of the form [host]:port",
                        "keep the transport table by hand, or write the entry as domain smtp:[host]:port");
                log.settle("transport_maps");
                continue;
            }
            List<Member> members = new ArrayList<>(hop(hop.get(), origin));
            String nextHop = entry.value().substring("smtp:".length());
            String level = Optional.ofNullable(policies.get(nextHop)).map(MapEntryLine::value).orElse(global);
            if (LEVELS.contains(level) && !level.equals(Relay.DEFAULT_TLS.key())) {
                members.add(Member.of("tls", YamlValue.Scalar.of(level), origin));
            }
            login(nextHop, entry.key() + ".password", "routes." + entry.key()).ifPresent(members::add);
            routes.add(Member.of(entry.key(), new YamlValue.Block(members), origin));
        }
        if (routes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Member.of("routes", new YamlValue.Block(routes), null,
                "From the transport table that transport_maps names."));
    }

    private static List<Member> hop(NextHop hop, Origin origin) {
        List<Member> members = new ArrayList<>();
        members.add(Member.of("host", YamlValue.Scalar.of(hop.host()), origin));
        hop.port().ifPresent(port -> members.add(Member.of("port", YamlValue.Scalar.number(port), origin)));
        if (hop.mxLookup()) {
            members.add(Member.of("mx_lookup", YamlValue.Scalar.bool(true), origin));
        }
        return members;
    }

    /** The login for a next hop, named by the file the user is to put its password in. */
    private Optional<Member> login(String nextHop, String passwordFile, String where) {
        MapEntryLine entry = logins.get(nextHop);
        if (entry == null) {
            return Optional.empty();
        }
        int colon = entry.value().indexOf(':');
        String username = colon < 0 ? entry.value() : entry.value().substring(0, colon);
        String table = loginTable;
        log.note(where + ".auth: the password is not copied. Before compiling, put the password of the entry for "
                + nextHop + " (line " + entry.line() + " of " + table + ", the text after \"" + username + ":\")"
                + " alone in " + passwordFile + ", next to the description, readable only by you (chmod 600)");
        return Optional.of(Member.of("auth", new YamlValue.Block(List.of(
                Member.of("username", YamlValue.Scalar.of(username), null),
                Member.of("password_file", YamlValue.Scalar.of(passwordFile), null,
                        "Not copied: the password of " + nextHop + " in " + table + " (line " + entry.line()
                                + "), alone in this file."))), null));
    }

    /** A table's entries by key, or none when main.cf names no hash table there. */
    private Map<String, MapEntryLine> table(String parameter, boolean positions) throws IOException {
        Optional<MainCfSetting> setting = mainCf.get(parameter);
        if (setting.isEmpty() || !setting.get().value().startsWith(HASH)) {
            return Map.of();
        }
        Optional<SourceFile> source = host.table(setting.get().value().substring(HASH.length()));
        if (source.isEmpty()) {
            missingSource(setting.get());
            return Map.of();
        }
        MapReader.Read read = MapReader.read(source.get());
        if (!positions) {
            loginTable = source.get().name();
        }
        if (positions) {
            log.table(source.get());
            malformed(source.get(), read.malformed());
        } else if (!read.malformed().isEmpty()) {
            // Never a snippet of the password table: the diagnostic points at main.cf.
            log.report(Code.IMPORT_SYNTAX, mainCf, setting.get(), parameter + ": line "
                    + read.malformed().get(0).line() + " of its table has no value, and postmap skips it",
                    "write each entry as nexthop user:password");
        }
        return new LinkedHashMap<>(read.entries());
    }

    private void missingSource(MainCfSetting setting) {
        log.report(Code.IMPORT_NOT_REPRESENTABLE, mainCf, setting, setting.name()
                + ": the source file of " + setting.value() + " is missing, so its entries cannot be imported",
                "import from a configuration directory that holds the table's source, not only its .db");
    }

    private void malformed(SourceFile source, List<LogicalLine> lines) {
        for (LogicalLine line : lines) {
            log.report(Code.IMPORT_SYNTAX, new Origin(source.name(), line.span(), null),
                    "postmap skips this line: it needs a key and a value", "write it as key value");
        }
    }
}
