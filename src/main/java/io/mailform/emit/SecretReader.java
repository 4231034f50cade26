package io.mailform.emit;

import io.mailform.diag.Code;
import io.mailform.model.SecretSource;
import io.mailform.yaml.Findings;
import io.mailform.yaml.Pointers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a password at compile time, for every target alike: the first line of a file (relative to the description's
 * directory) or an environment variable of the compiling process. A password that cannot be had is reported as
 * {@link Code#SECRET_UNAVAILABLE} at the node that names its source; the password itself never enters a message.
 */
public final class SecretReader {
    private final EmitContext context;
    private final Findings findings;

    public SecretReader(EmitContext context, Findings findings) {
        this.context = context;
        this.findings = findings;
    }

    /** The pointer of the key that names the source inside {@code authPointer}: its password_file or password_env. */
    public static String sourcePointer(String authPointer, SecretSource source) {
        return Pointers.child(authPointer, source instanceof SecretSource.File ? "password_file" : "password_env");
    }

    /**
     * The password, or empty after reporting why not at {@code pointer} (the node naming the source).
     *
     * @param what the password in messages, e.g. "the relay password"
     */
    public Optional<String> read(SecretSource source, String pointer, String what) {
        if (source instanceof SecretSource.File file) {
            return fromFile(file.path(), pointer, what);
        }
        return fromEnvironment(((SecretSource.Environment) source).variable(), pointer, what);
    }

    private Optional<String> fromEnvironment(String variable, String pointer, String what) {
        String value = context.environment().get(variable);
        if (value == null) {
            return unavailable(pointer, "the environment variable " + variable + " that holds " + what + " is not set",
                    "set " + variable + " in the environment of mailform (e.g. from your CI's secret store), "
                            + "or use password_file instead");
        }
        if (value.isEmpty()) {
            return unavailable(pointer, "the environment variable " + variable + " that holds " + what + " is empty",
                    "set " + variable + " to the password");
        }
        return Optional.of(value);
    }

    private Optional<String> fromFile(String name, String pointer, String what) {
        Path path = context.baseDirectory().resolve(name);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (NoSuchFileException missing) {
            return unavailableFile(pointer, name, path, what, "does not exist",
                    "create it with the password on its first line and mode 0600, or use password_env");
        } catch (AccessDeniedException denied) {
            return unavailableFile(pointer, name, path, what, "is not readable by mailform",
                    "let the user running mailform read it (it should stay mode 0600), or use password_env");
        } catch (CharacterCodingException notUtf8) {
            return unavailableFile(pointer, name, path, what, "is not UTF-8 text", "write the password as UTF-8 text");
        } catch (IOException e) {
            return unavailableFile(pointer, name, path, what, "cannot be read (" + e.getMessage() + ")",
                    "check the path, which is relative to the description's directory");
        }
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        // A file saved with CRLF line ends still holds the password without the CR.
        if (firstLine.endsWith("\r")) {
            firstLine = firstLine.substring(0, firstLine.length() - 1);
        }
        if (firstLine.isEmpty()) {
            return unavailableFile(pointer, name, path, what, "has an empty first line",
                    "put the password on the first line of the file");
        }
        return Optional.of(firstLine);
    }

    private Optional<String> unavailableFile(String pointer, String name, Path path, String what, String problem,
            String help) {
        return unavailable(pointer, "the file " + name + " (" + path.toAbsolutePath().normalize() + ") that holds "
                + what + " " + problem, help);
    }

    private Optional<String> unavailable(String pointer, String message, String help) {
        findings.atValue(Code.SECRET_UNAVAILABLE, pointer, message, help);
        return Optional.empty();
    }
}
