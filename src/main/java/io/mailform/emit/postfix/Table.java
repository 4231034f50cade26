package io.mailform.emit.postfix;

import io.mailform.emit.OutputFile;

/** The lookup tables mailform writes, each installed as {@code /etc/postfix/<name>} and read as a hash map. */
enum Table {
    TRANSPORT("transport", OutputFile.PUBLIC,
            "transport(5): mail for each recipient domain goes to its next hop instead of the default route."),
    SASL_PASSWD("sasl_passwd", OutputFile.SECRET,
            "SASL credentials per next hop (username:password), looked up by the exact next hop Postfix uses."),
    TLS_POLICY("tls_policy", OutputFile.PUBLIC,
            "TLS security level per next hop, where it differs from smtp_tls_security_level.");

    private final String fileName;
    private final int mode;
    private final String about;

    Table(String fileName, int mode, String about) {
        this.fileName = fileName;
        this.mode = mode;
        this.about = about;
    }

    /** The file name, in the output directory and in /etc/postfix. */
    String fileName() {
        return fileName;
    }

    int mode() {
        return mode;
    }

    /** One line saying what the table is for, for its header comment. */
    String about() {
        return about;
    }

    String installedPath() {
        return "/etc/postfix/" + fileName;
    }

    /** The main.cf reference to the table. */
    String lookup() {
        return "hash:" + installedPath();
    }
}
