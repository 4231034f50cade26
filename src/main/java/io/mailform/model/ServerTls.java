package io.mailform.model;

/** The SMTP server's certificate, or no server TLS at all. */
public sealed interface ServerTls permits ServerTls.None, ServerTls.Certificate {
    /** Debian's self-signed pair from the ssl-cert package, which its installer writes by default. */
    Certificate SNAKEOIL = new Certificate("/etc/ssl/certs/ssl-cert-snakeoil.pem",
            "/etc/ssl/private/ssl-cert-snakeoil.key");

    record None() implements ServerTls {
    }

    record Certificate(String certFile, String keyFile) implements ServerTls {
    }
}
