package io.mailform.runtime.sandbox;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The sandbox's own certificate authority and the certificate the capture sinks present for STARTTLS, signed by it,
 * both made fresh in memory at every start. The sinks' certificate names {@code localhost} and {@code 127.0.0.1}, so
 * that a client which trusts the authority (Postfix with {@code smtp_tls_CAfile}) can verify it at the TLS levels
 * {@code verify} and {@code secure}; clients that do not verify (James, Postfix at {@code may} and {@code encrypt})
 * need no more than a certificate.
 */
public final class SandboxTls {
    /** The name a client verifying a sink must use for it; the sink's address is 127.0.0.1. */
    public static final String SINK_HOST_NAME = "localhost";

    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final char[] KEY_STORE_PASSWORD = "mailform-sandbox".toCharArray();

    private final X509Certificate authority;
    private final SSLContext serverContext;

    private SandboxTls(X509Certificate authority, SSLContext serverContext) {
        this.authority = authority;
        this.serverContext = serverContext;
    }

    /** A new authority and sink certificate, with keys that exist in this JVM only. */
    public static SandboxTls create() {
        try {
            SecureRandom random = new SecureRandom();
            KeyPair authorityKeys = ecKeyPair(random);
            X500Name authorityName = new X500Name("CN=mailform sandbox CA");
            X509Certificate authority = signed(authorityName, authorityKeys, authorityName, authorityKeys, true,
                random);
            KeyPair sinkKeys = ecKeyPair(random);
            X509Certificate sink = signed(new X500Name("CN=" + SINK_HOST_NAME), sinkKeys, authorityName,
                authorityKeys, false, random);
            return new SandboxTls(authority, serverContext(sinkKeys, sink, authority));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            // Only a JDK without EC keys or PKCS12 would get here; the runtime cannot work around that.
            throw new IllegalStateException("cannot make the sandbox's TLS certificates: " + e.getMessage(), e);
        }
    }

    /** The TLS context the capture sinks accept STARTTLS with. */
    public SSLContext serverContext() {
        return serverContext;
    }

    public X509Certificate certificateAuthority() {
        return authority;
    }

    /** The authority's certificate in PEM, for a client's list of trusted authorities. */
    public String certificateAuthorityPem() {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(authority.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the sandbox's certificate authority", e);
        }
    }

    private static KeyPair ecKeyPair(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private static X509Certificate signed(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
            boolean authority, SecureRandom random)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(63, random).add(
            BigInteger.ONE), Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(VALIDITY)), subject,
            subjectKeys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false,
            extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
            extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (authority) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, SINK_HOST_NAME),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        return new JcaX509CertificateConverter().getCertificate(
            builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKeys.getPrivate())));
    }

    private static SSLContext serverContext(KeyPair keys, X509Certificate certificate, X509Certificate authority)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("sink", keys.getPrivate(), KEY_STORE_PASSWORD, new Certificate[] {certificate, authority});
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(store, KEY_STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }
}
