package io.mailform.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads provisioning.json into {@link Provisioning}, refusing unknown keys and wrong types with the JSON pointer of the
 * offending value, so that a mistake in the compiled output fails the start instead of being ignored.
 */
public final class ProvisioningReader {
    /** {@code comment} is the generated-by line, as JSON has no comments; it is not read further. */
    private static final Set<String> TOP_KEYS =
        Set.of("version", "comment", "mailName", "recipientDelimiter", "users", "aliases", "quota");
    private static final Set<String> USER_KEYS = Set.of("name", "password", "maxStorageBytes");
    private static final Set<String> ALIAS_KEYS = Set.of("source", "targets");
    private static final Set<String> QUOTA_KEYS = Set.of("maxStorageBytes", "maxMessages");

    private final Path file;

    private ProvisioningReader(Path file) {
        this.file = file;
    }

    public static Provisioning read(Path file) throws StartupException {
        return new ProvisioningReader(file).read();
    }

    private Provisioning read() throws StartupException {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new StartupException(file + ": not readable as JSON: " + e.getMessage());
        }
        requireObject(root, "", TOP_KEYS);
        int version = requiredInt(root, "/version");
        if (version != Provisioning.CURRENT_VERSION) {
            throw fail("/version", "is " + version + ", this runtime reads version " + Provisioning.CURRENT_VERSION
                + "; compile the configuration again with the matching mailform");
        }
        return new Provisioning(
            version,
            optionalText(root, "/mailName"),
            optionalText(root, "/recipientDelimiter").orElse(""),
            users(root.path("users")),
            aliases(root.path("aliases")),
            quota(root.path("quota"), "/quota"));
    }

    private List<Provisioning.User> users(JsonNode array) throws StartupException {
        List<Provisioning.User> users = new ArrayList<>();
        for (int i = 0; i < elements(array, "/users"); i++) {
            String at = "/users/" + i;
            requireObject(array.get(i), at, USER_KEYS);
            users.add(new Provisioning.User(
                requiredText(array.get(i), at, "name"),
                optionalNonEmptyText(array.get(i), at, "password"),
                optionalLong(array.get(i), at, "maxStorageBytes")));
        }
        return List.copyOf(users);
    }

    private List<Provisioning.Alias> aliases(JsonNode array) throws StartupException {
        List<Provisioning.Alias> aliases = new ArrayList<>();
        for (int i = 0; i < elements(array, "/aliases"); i++) {
            String at = "/aliases/" + i;
            requireObject(array.get(i), at, ALIAS_KEYS);
            JsonNode targets = array.get(i).path("targets");
            if (elements(targets, at + "/targets") == 0) {
                throw fail(at + "/targets", "must list at least one target address");
            }
            List<String> addresses = new ArrayList<>();
            for (int t = 0; t < targets.size(); t++) {
                if (!targets.get(t).isString()) {
                    throw fail(at + "/targets/" + t, "must be an address string");
                }
                addresses.add(targets.get(t).stringValue());
            }
            aliases.add(new Provisioning.Alias(requiredText(array.get(i), at, "source"), List.copyOf(addresses)));
        }
        return List.copyOf(aliases);
    }

    private Provisioning.Quota quota(JsonNode node, String at) throws StartupException {
        if (node.isMissingNode()) {
            return Provisioning.Quota.unlimited();
        }
        requireObject(node, at, QUOTA_KEYS);
        return new Provisioning.Quota(optionalLong(node, at, "maxStorageBytes"), optionalLong(node, at, "maxMessages"));
    }

    private int elements(JsonNode node, String at) throws StartupException {
        if (node.isMissingNode()) {
            return 0;
        }
        if (!node.isArray()) {
            throw fail(at, "must be an array");
        }
        return node.size();
    }

    private void requireObject(JsonNode node, String at, Set<String> allowed) throws StartupException {
        if (!node.isObject()) {
            throw fail(at.isEmpty() ? "/" : at, "must be an object");
        }
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                throw fail(at + "/" + key, "is not a known key; the known keys here are " + allowed.stream().sorted().toList());
            }
        }
    }

    private int requiredInt(JsonNode root, String pointer) throws StartupException {
        JsonNode value = root.at(pointer);
        if (!value.isInt()) {
            throw fail(pointer, "must be an integer");
        }
        return value.intValue();
    }

    private Optional<String> optionalText(JsonNode root, String pointer) throws StartupException {
        JsonNode value = root.at(pointer);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw fail(pointer, "must be a string");
        }
        return Optional.of(value.stringValue());
    }

    private String requiredText(JsonNode object, String at, String key) throws StartupException {
        JsonNode value = object.path(key);
        if (!value.isString() || value.stringValue().isEmpty()) {
            throw fail(at + "/" + key, "must be a non-empty string");
        }
        return value.stringValue();
    }

    private Optional<String> optionalNonEmptyText(JsonNode object, String at, String key) throws StartupException {
        return object.has(key) ? Optional.of(requiredText(object, at, key)) : Optional.empty();
    }

    private OptionalLong optionalLong(JsonNode object, String at, String key) throws StartupException {
        JsonNode value = object.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() < 0) {
            throw fail(at + "/" + key, "must be a non-negative integer (bytes or a count)");
        }
        return OptionalLong.of(value.longValue());
    }

    private StartupException fail(String pointer, String problem) {
        return new StartupException(file + ": " + pointer + " " + problem);
    }
}
