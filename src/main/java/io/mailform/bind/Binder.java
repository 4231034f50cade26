package io.mailform.bind;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostics;
import io.mailform.model.Alias;
import io.mailform.model.AliasTarget;
import io.mailform.model.Cidr;
import io.mailform.model.Defaults;
import io.mailform.model.Destination;
import io.mailform.model.DomainName;
import io.mailform.model.Interfaces;
import io.mailform.model.IpAddress;
import io.mailform.model.MailSystem;
import io.mailform.model.Mode;
import io.mailform.model.Part;
import io.mailform.model.PostfixParameter;
import io.mailform.model.Protocols;
import io.mailform.model.Relay;
import io.mailform.model.RelayAuth;
import io.mailform.model.RelayHost;
import io.mailform.model.Route;
import io.mailform.model.SecretSource;
import io.mailform.model.ServerTls;
import io.mailform.model.Size;
import io.mailform.model.TlsLevel;
import io.mailform.model.UnsafeTarget;
import io.mailform.model.User;
import io.mailform.source.SourceFile;
import io.mailform.yaml.Pointers;
import io.mailform.yaml.SourceMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Builds the typed model from a document that passed the schema, applying Debian's defaults. The schema has
 * already vouched for every shape, so what can still fail here is only what a schema cannot say (a size too large
 * to represent). The JSON tree ends here: nothing after the binder sees an untyped value. A document the pruner cut
 * down passed the schema too, except that it may lack the required keys other than mode.
 */
public final class Binder {
    private static final String POSTMASTER = "postmaster";
    /** The parts whose default, when their key is not written, Debian's formulas derive from other parts. */
    private static final Map<Part, Set<Part>> DERIVED_DEFAULTS = Map.of(
            Part.DESTINATIONS, Set.of(Part.MODE, Part.HOSTNAME, Part.MAIL_NAME),
            Part.INTERFACES, Set.of(Part.MODE));

    /** The parts the default of {@code part} is derived from; empty for a fixed default. */
    public static Set<Part> defaultDerivedFrom(Part part) {
        return DERIVED_DEFAULTS.getOrDefault(part, Set.of());
    }

    public Bound bind(JsonNode root, SourceFile source, SourceMap sourceMap) {
        Diagnostics diagnostics = new Diagnostics(source);
        Mode mode = Mode.fromKey(root.get("mode").stringValue());
        Optional<DomainName> hostname = text(root, "hostname").map(DomainName::new);
        Optional<DomainName> mailName = text(root, "mail_name").map(DomainName::new);
        Optional<Size> mailboxLimit = size(root, "mailbox_size_limit", diagnostics, sourceMap);
        Optional<Size> messageLimit = size(root, "message_size_limit", diagnostics, sourceMap);
        if (diagnostics.hasErrors()) {
            return new Bound(Optional.empty(), diagnostics.toList());
        }
        MailSystem mailSystem = new MailSystem(
                mode,
                hostname,
                mailName,
                rootRecipient(root.get("root_recipient")),
                destinations(root, mode, hostname, mailName),
                Optional.ofNullable(root.get("relay")).map(Binder::relay),
                networks(root.get("networks")),
                flag(root, "synchronous_updates"),
                flag(root, "procmail"),
                mailboxLimit.orElse(Size.UNLIMITED),
                messageLimit,
                text(root, "recipient_delimiter").orElse(Defaults.RECIPIENT_DELIMITER),
                text(root, "protocols").map(Protocols::fromKey).orElse(Protocols.ALL),
                interfaces(root.get("interfaces"), mode),
                aliases(root.get("aliases")),
                users(root.get("users")),
                routes(root.get("routes")),
                serverTls(root.path("tls").get("server")),
                postfixParameters(root.get("postfix")),
                allowedTargets(root.get("allow_alias_targets")));
        return new Bound(Optional.of(mailSystem), diagnostics.toList());
    }

    private static Optional<String> text(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asString());
    }

    private static boolean flag(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        return node != null && node.asBoolean();
    }

    private static Optional<Size> size(JsonNode root, String key, Diagnostics diagnostics, SourceMap sourceMap) {
        JsonNode node = root.get(key);
        if (node == null) {
            return Optional.empty();
        }
        // JSON Schema counts 1e6 and 1024.0 as integers, so the schema passes them: accept any whole number.
        Optional<Size> size = node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToLong()
                && node.asLong() >= 0
                ? Optional.of(new Size(node.asLong()))
                : node.isString() ? Size.parse(node.stringValue()) : Optional.empty();
        if (size.isEmpty()) {
            diagnostics.report(Code.SIZE_OUT_OF_RANGE, sourceMap.valueSpan(Pointers.of(key)),
                    key + " is larger than Postfix can represent (" + Size.MAX + " bytes)",
                    "use a smaller value, or 0 for no limit");
        }
        return size;
    }

    private static List<AliasTarget> rootRecipient(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        if (node.isArray()) {
            node.values().forEach(item -> items.add(item.asString()));
        } else if (!node.asString().strip().equalsIgnoreCase("none")) {
            // Debian's question takes a comma-separated answer, and "none" for no root line; accept the same text.
            for (String part : node.asString().split(",")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
        }
        AliasTargets parser = new AliasTargets();
        return items.stream().map(parser::parse).toList();
    }

    private static List<Destination> destinations(JsonNode root, Mode mode, Optional<DomainName> hostname,
            Optional<DomainName> mailName) {
        JsonNode node = root.get("destinations");
        if (node != null) {
            List<Destination> result = new ArrayList<>();
            for (JsonNode item : node.values()) {
                String text = item.asString();
                result.add(text.equals(Destination.MyHostname.TEXT)
                        ? new Destination.MyHostname()
                        : new Destination.Domain(new DomainName(text)));
            }
            return result;
        }
        if (mode == Mode.NONE || hostname.isEmpty() || mailName.isEmpty()) {
            return List.of();
        }
        return Defaults.destinations(mode, hostname.get(), mailName.get());
    }

    private static Relay relay(JsonNode node) {
        String hostText = node.get("host").asString();
        RelayHost host = IpAddress.parse(hostText)
                .<RelayHost>map(RelayHost.Address::new)
                .orElseGet(() -> new RelayHost.Name(new DomainName(hostText)));
        OptionalInt port = node.has("port") ? OptionalInt.of(node.get("port").asInt()) : OptionalInt.empty();
        Optional<RelayAuth> auth = Optional.ofNullable(node.get("auth")).map(Binder::relayAuth);
        TlsLevel tls = text(node, "tls").map(TlsLevel::fromKey).orElse(Relay.DEFAULT_TLS);
        return new Relay(host, port, flag(node, "mx_lookup"), auth, tls);
    }

    private static RelayAuth relayAuth(JsonNode node) {
        return new RelayAuth(node.get("username").asString(), secret(node).orElseThrow(
                () -> new IllegalStateException("the schema passed relay auth without a password source")));
    }

    /** password_file or password_env of the node, whichever is given. */
    private static Optional<SecretSource> secret(JsonNode node) {
        if (node.has("password_file")) {
            return Optional.of(new SecretSource.File(node.get("password_file").asString()));
        }
        if (node.has("password_env")) {
            return Optional.of(new SecretSource.Environment(node.get("password_env").asString()));
        }
        return Optional.empty();
    }

    private static List<Cidr> networks(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node == null) {
            texts.addAll(Defaults.NETWORKS);
        } else {
            node.values().forEach(item -> texts.add(item.asString()));
        }
        return texts.stream().map(text -> Cidr.parse(text).orElseThrow(
                () -> new IllegalStateException("the schema passed a network that does not parse: " + text))).toList();
    }

    private static Interfaces interfaces(JsonNode node, Mode mode) {
        if (node == null) {
            return Defaults.interfaces(mode);
        }
        if (node.isArray()) {
            return new Interfaces.Addresses(node.values().stream().map(item -> IpAddress.parse(item.asString())
                    .orElseThrow(() -> new IllegalStateException("unparsed interface " + item))).toList());
        }
        return node.asString().equals("loopback-only") ? new Interfaces.LoopbackOnly() : new Interfaces.All();
    }

    private static List<Alias> aliases(JsonNode node) {
        List<Alias> aliases = new ArrayList<>();
        AliasTargets parser = new AliasTargets();
        if (node != null) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                List<AliasTarget> targets = new ArrayList<>();
                JsonNode value = entry.getValue();
                if (value.isArray()) {
                    value.values().forEach(item -> targets.add(parser.parse(item.asString())));
                } else {
                    targets.add(parser.parse(value.asString()));
                }
                aliases.add(new Alias(entry.getKey(), targets));
            }
        }
        // Debian's aliases file always maps postmaster to root.
        if (aliases.stream().noneMatch(alias -> alias.name().equalsIgnoreCase(POSTMASTER))) {
            aliases.add(0, new Alias(POSTMASTER, List.of(new AliasTarget.Local("root"))));
        }
        return aliases;
    }

    private static List<User> users(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        // A user is a bare login name or a mapping with settings; the schema admits only these two forms.
        return node.values().stream().map(item -> item.isString() ? new User(item.asString())
                : new User(item.get("name").asString(), secret(item))).toList();
    }

    private static List<Route> routes(JsonNode node) {
        List<Route> routes = new ArrayList<>();
        if (node != null) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                routes.add(new Route(new DomainName(entry.getKey()), entry.getKey(), relay(entry.getValue())));
            }
        }
        return routes;
    }

    private static ServerTls serverTls(JsonNode node) {
        if (node == null) {
            return ServerTls.SNAKEOIL;
        }
        if (node.isString()) {
            return new ServerTls.None();
        }
        return new ServerTls.Certificate(node.get("cert_file").asString(), node.get("key_file").asString());
    }

    private static List<PostfixParameter> postfixParameters(JsonNode node) {
        List<PostfixParameter> parameters = new ArrayList<>();
        if (node != null) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                JsonNode value = entry.getValue();
                String text = value.isBoolean() ? (value.asBoolean() ? "yes" : "no")
                        : value.isNumber() ? value.bigIntegerValue().toString() // 20.0 passes the schema as an integer
                        : value.asString();
                parameters.add(new PostfixParameter(entry.getKey(), text));
            }
        }
        return parameters;
    }

    private static Set<UnsafeTarget> allowedTargets(JsonNode node) {
        Set<UnsafeTarget> allowed = EnumSet.noneOf(UnsafeTarget.class);
        if (node != null) {
            node.values().forEach(item -> allowed.add(UnsafeTarget.fromKey(item.asString())));
        }
        return allowed;
    }
}
