package io.mailform.runtime.postfix;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailform.runtime.config.StartupException;
import io.mailform.runtime.sandbox.SandboxTls;

/**
 * A next hop as Postfix writes it in relayhost and in transport map values: {@code [host]:port}, {@code [host]}
 * (no MX lookup), {@code host:port} or {@code host} (MX lookup), an IPv6 address as {@code [ipv6:...]}.
 *
 * @param written the text as the compiled file has it, which is also the key Postfix looks it up by in sasl_passwd
 *     and tls_policy
 * @param host the host without brackets or {@code ipv6:} prefix
 * @param port the port, 25 when none is written
 */
record NextHop(String written, String host, int port) {
    static final int SMTP_PORT = 25;
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)](?::(\\d+))?");
    private static final Pattern BARE = Pattern.compile("([^\\[\\]:\\s,]+)(?::(\\d+))?");
    private static final String IPV6_PREFIX = "ipv6:";

    static NextHop parse(String written) throws StartupException {
        Matcher bracketed = BRACKETED.matcher(written);
        Matcher bare = BARE.matcher(written);
        Matcher matched = bracketed.matches() ? bracketed : bare.matches() ? bare : null;
        if (matched == null) {
            throw new StartupException("the next hop \"" + written + "\" is not one host with an optional port; the "
                + "sandbox cannot give it a capture sink");
        }
        String host = matched.group(1);
        if (host.toLowerCase(Locale.ROOT).startsWith(IPV6_PREFIX)) {
            host = host.substring(IPV6_PREFIX.length());
        }
        int port = matched.group(2) == null ? SMTP_PORT : Integer.parseInt(matched.group(2));
        return new NextHop(written, host, port);
    }

    /** The capture sink standing in for this next hop, named as James's sandbox names its gateway's sink. */
    String sinkName() {
        return host + ":" + port;
    }

    /**
     * Where the sandbox sends instead: the sink on {@code port}, by the name its certificate carries, so that the
     * TLS levels verify and secure can check it.
     */
    static String ofSink(int port) {
        return "[" + SandboxTls.SINK_HOST_NAME + "]:" + port;
    }
}
