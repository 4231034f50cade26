package io.mailform.schema;

/** The schemas mailform ships: one for mail-system descriptions, one for the scenario files that test them. */
public enum SchemaKind {
    MAIL_SYSTEM("mailsystem.schema.json"),
    SCENARIOS("scenarios.schema.json");

    private final String fileName;

    SchemaKind(String fileName) {
        this.fileName = fileName;
    }

    /** The name under schema/ in the repository and beside the classes in the jar. */
    public String fileName() {
        return fileName;
    }

    String resource() {
        return "io/mailform/schema/" + fileName;
    }
}
