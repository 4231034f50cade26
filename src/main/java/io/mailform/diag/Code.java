package io.mailform.diag;

import static io.mailform.diag.Severity.ERROR;
import static io.mailform.diag.Severity.WARNING;

/**
 * Every problem mailform reports, with a stable id. Ids are public: users filter on them in CI and they name the
 * rules in machine-readable output, so an id is never reused for another meaning.
 */
public enum Code {
    // input and YAML
    INPUT_TOO_LARGE("input-too-large", ERROR, "the file is larger than mailform reads"),
    INPUT_NOT_UTF8("input-not-utf8", ERROR, "the file is not valid UTF-8"),
    INPUT_BINARY("input-binary", ERROR, "the file contains control characters"),
    YAML_SYNTAX("yaml-syntax", ERROR, "the file is not well-formed YAML"),
    YAML_TAB("yaml-tab", ERROR, "a tab character where YAML needs spaces"),
    YAML_EMPTY("yaml-empty", ERROR, "the file holds no document"),
    YAML_MULTIPLE_DOCUMENTS("yaml-multiple-documents", ERROR, "the file holds more than one document"),
    YAML_DUPLICATE_KEY("yaml-duplicate-key", ERROR, "a key appears twice in one mapping"),
    YAML_ALIAS_LIMIT("yaml-alias-limit", ERROR, "too many YAML aliases (anchors referenced)"),
    YAML_TOO_DEEP("yaml-too-deep", ERROR, "collections nested too deeply"),
    YAML_UNSUPPORTED_TAG("yaml-unsupported-tag", ERROR, "an explicit YAML tag mailform does not accept"),
    YAML_COMPLEX_KEY("yaml-complex-key", ERROR, "a mapping key that is not a plain scalar"),

    // schema
    SCHEMA_REQUIRED("schema-required", ERROR, "a required key is missing"),
    SCHEMA_UNKNOWN_KEY("schema-unknown-key", ERROR, "a key the schema does not define"),
    SCHEMA_TYPE("schema-type", ERROR, "a value of the wrong type"),
    SCHEMA_ENUM("schema-enum", ERROR, "a value outside the allowed set"),
    SCHEMA_PATTERN("schema-pattern", ERROR, "a value that does not have the required form"),
    SCHEMA_RANGE("schema-range", ERROR, "a number, length or count out of range"),
    SCHEMA_UNIQUE("schema-unique", ERROR, "a list that repeats an item"),
    SCHEMA_CHOICE("schema-choice", ERROR, "a value that matches none of the allowed forms"),
    SCHEMA_CONDITION("schema-condition", ERROR, "a key required or forbidden by another key's value"),
    SCHEMA_OTHER("schema-other", ERROR, "the document does not conform to the schema"),

    // binding and secrets
    SIZE_OUT_OF_RANGE("size-out-of-range", ERROR, "a size larger than Postfix can hold"),
    SECRET_UNAVAILABLE("secret-unavailable", ERROR, "a relay password could not be read"),

    // semantic rules: errors
    RELAY_REQUIRED("relay-required", ERROR, "the mode needs a relay host"),
    RELAY_NOT_ALLOWED("relay-not-allowed", ERROR, "the mode delivers directly and takes no relay host"),
    RELAY_LOOP("relay-loop", ERROR, "a relay or route points back at this host"),
    NETWORKS_OPEN_RELAY("networks-open-relay", ERROR, "networks admits so much of the Internet that the host is an open relay"),
    NETWORKS_HOST_BITS("networks-host-bits", ERROR, "a network written with host bits set"),
    ALIAS_LOOP("alias-loop", ERROR, "aliases expand into a cycle"),
    ALIAS_DUPLICATE("alias-duplicate", ERROR, "two alias names that Postfix folds to one"),
    USER_DUPLICATE("user-duplicate", ERROR, "a user listed twice"),
    ALIAS_TARGET_NOT_ALLOWED("alias-target-not-allowed", ERROR, "a command, file or include alias target without opt-in"),
    ROOT_RECIPIENT_LOOP("root-recipient-loop", ERROR, "root_recipient leads back to root"),
    DESTINATION_ROUTED("destination-routed", ERROR, "a domain is both delivered locally and routed away"),
    MAILBOX_LIMIT_TOO_SMALL("mailbox-limit-too-small", ERROR, "mailbox_size_limit is smaller than message_size_limit"),
    POSTFIX_UNKNOWN_PARAMETER("postfix-unknown-parameter", ERROR, "a main.cf parameter Postfix 3.7 does not know"),
    POSTFIX_MACRO_SYNTAX("postfix-macro-syntax", ERROR, "a main.cf value whose $ expression Postfix cannot read"),
    POSTFIX_UNDEFINED_REFERENCE("postfix-undefined-reference", ERROR, "a main.cf value referring to a parameter nobody defines"),
    POSTFIX_PARAMETER_OWNED("postfix-parameter-owned", ERROR, "a main.cf parameter that a mailform key already sets"),
    NAME_NOT_FQDN("name-not-fqdn", ERROR, "a host or mail name that is not fully qualified"),
    VALUE_UNSAFE("value-unsafe", ERROR, "a value that would change the meaning of the generated file"),
    NAME_IS_ADDRESS("name-is-address", ERROR, "an IP address where Postfix wants a domain name"),
    NAME_NUMERIC_TOP_LABEL("name-numeric-top-label", ERROR, "a domain name whose top label is all digits"),
    ALIAS_TARGET_MALFORMED("alias-target-malformed", ERROR, "an alias target with an @ that is no address"),
    DELIMITER_UNUSABLE("delimiter-unusable", ERROR, "a recipient delimiter no local part can hold unquoted"),
    RESTRICTIONS_REFUSED("restrictions-refused", ERROR, "relay restrictions smtpd refuses to run with"),
    RESTRICTIONS_OPEN_RELAY("restrictions-open-relay", ERROR, "relay restrictions that let anyone relay"),

    // semantic rules: warnings
    SATELLITE_LOCAL_MAIL_NAME("satellite-local-mail-name", WARNING, "a satellite that keeps mail for its mail name"),
    NETWORKS_PUBLIC("networks-public", WARNING, "a public network allowed to relay"),
    NETWORKS_DUPLICATE("networks-duplicate", WARNING, "a network listed twice or inside another"),
    PROTOCOL_MISMATCH("protocol-mismatch", WARNING, "an address of a protocol that protocols turns off"),
    ALIAS_TARGET_UNKNOWN("alias-target-unknown", WARNING, "an alias target that is no user, alias or address"),
    DELIMITER_IN_NAME("delimiter-in-name", WARNING, "a user or alias name containing the recipient delimiter"),
    RELAY_AUTH_WEAK_TLS("relay-auth-weak-tls", WARNING, "a relay password that may be sent without encryption"),
    MODE_NONE_IGNORED_KEY("mode-none-ignored-key", WARNING, "a key that mode none writes nowhere"),
    RESTRICTION_IGNORED("restriction-ignored", WARNING, "a restriction after an unconditional permit"),
    RESTRICTIONS_UNJUDGED("restrictions-unjudged", WARNING, "relaying decided by a lookup mailform cannot read"),

    // targets
    JAMES_UNSUPPORTED("james-unsupported", WARNING, "a setting the James configuration cannot express and leaves out"),

    // drift between a description and the host (mailform diff)
    DRIFT_PARAMETER("drift-parameter", ERROR, "a main.cf parameter the host sets otherwise than the description"),
    DRIFT_ALIAS("drift-alias", ERROR, "an alias the host has otherwise than the description"),
    DRIFT_TABLE_ENTRY("drift-table-entry", ERROR, "a lookup table entry the host has otherwise than the description"),
    DRIFT_DATABASE("drift-database", ERROR, "a lookup table whose .db is missing or older than its source"),
    DRIFT_MAILNAME("drift-mailname", ERROR, "an /etc/mailname other than the description's mail name"),
    DRIFT_FILE("drift-file", ERROR, "an installed file missing, or a secret file with the wrong mode or owner"),

    // import of an existing Postfix configuration
    IMPORT_SYNTAX("import-syntax", ERROR, "a line of main.cf or of a file it names that Postfix cannot read"),
    IMPORT_NOT_REPRESENTABLE("import-not-representable", ERROR, "a setting the description cannot reproduce"),
    IMPORT_REFUSED("import-refused", ERROR, "a setting mailform refuses, left out of the description"),
    IMPORT_UNUSED_PARAMETER("import-unused-parameter", WARNING, "a parameter Postfix ignores, left out"),
    IMPORT_EXPANDED("import-expanded", WARNING, "a $name reference replaced by its value"),

    // scenario files
    SCENARIO_OTHER_DESCRIPTION("scenario-other-description", WARNING, "a scenario file written for another description"),
    SCENARIO_DUPLICATE_CASE("scenario-duplicate-case", ERROR, "two cases with the same name"),
    SCENARIO_UNKNOWN_MAILBOX("scenario-unknown-mailbox", ERROR, "a mailbox that is no account of the description"),
    SCENARIO_UNKNOWN_NEXT_HOP("scenario-unknown-next-hop", ERROR, "a next hop the description does not have"),
    SCENARIO_UNKNOWN_RECIPIENT("scenario-unknown-recipient", ERROR, "a reply for a recipient the case does not send to"),
    SCENARIO_NO_INSIDE_CLIENT("scenario-no-inside-client", ERROR, "a client inside networks, where networks are empty");

    private final String id;
    private final Severity severity;
    private final String title;

    Code(String id, Severity severity, String title) {
        this.id = id;
        this.severity = severity;
        this.title = title;
    }

    /** The stable id shown to users, e.g. {@code alias-loop}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** One line describing the problem class, for rule lists and machine-readable output. */
    public String title() {
        return title;
    }
}
