package io.mailform.emit.postfix;

import io.mailform.diag.Code;
import io.mailform.emit.EmitContext;
import io.mailform.model.MailSystem;
import io.mailform.model.RelayAuth;
import io.mailform.model.SecretSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads relay passwords at compile time: the first line of a file (relative to the description's directory) or an
 * environment variable. A password that cannot be had is reported at the node that names its source.
 */
final class SecretReader {
    private final EmitContext context;
    private final Reporter reporter;

    SecretReader(EmitContext context, Reporter reporter) {
        this.context = context;
        this.reporter = reporter;
    }

    /** The credentials of every relay and route with {@code auth}, in description order; unreadable ones are left out. */
    List<Credentials> credentials(MailSystem system) {
        List<Credentials> all = new ArrayList<>();
        for (RelayAt at : RelayAt.all(system)) {
            if (at.relay().auth().isEmpty()) {
                continue;
            }
            RelayAuth auth = at.relay().auth().get();
            String authPointer = at.child("auth");
            String passwordPointer = authPointer + "/" + sourceKey(auth.password());
            password(auth.password(), passwordPointer).ifPresent(password -> all.add(new Credentials(
                    at.relay().postfixNextHop(), auth.username(), password, authPointer + "/username",
                    passwordPointer)));
        }
        return all;
    }

    private static String sourceKey(SecretSource source) {
        return source instanceof SecretSource.File ? "password_file" : "password_env";
    }

    private Optional<String> password(SecretSource source, String pointer) {
        if (source instanceof SecretSource.File file) {
            return fromFile(file.path(), pointer);
        }
        return fromEnvironment(((SecretSource.Environment) source).variable(), pointer);
    }

    private Optional<String> fromEnvironment(String variable, String pointer) {
        String value = context.environment().get(variable);
        if (value == null) {
            reporter.atValue(Code.SECRET_UNAVAILABLE, pointer,
                    "the environment variable " + variable + " that holds the relay password is not set",
                    "set " + variable + " in the environment of mailform (e.g. from your CI's secret store), "
                            + "or use password_file instead");
            return Optional.empty();
        }
        if (value.isEmpty()) {
            reporter.atValue(Code.SECRET_UNAVAILABLE, pointer,
                    "the environment variable " + variable + " that holds the relay password is empty",
                    "set " + variable + " to the password");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<String> fromFile(String name, String pointer) {
        Path path = context.baseDirectory().resolve(name);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (NoSuchFileException missing) {
            return unavailable(pointer, name, path, "does not exist",
                    "create it with the password on its first line and mode 0600, or use password_env");
        } catch (AccessDeniedException denied) {
            return unavailable(pointer, name, path, "is not readable by mailform",
                    "let the user running mailform read it (it should stay mode 0600), or use password_env");
        } catch (CharacterCodingException notUtf8) {
            return unavailable(pointer, name, path, "is not UTF-8 text", "write the password as UTF-8 text");
        } catch (IOException e) {
            return unavailable(pointer, name, path, "cannot be read (" + e.getMessage() + ")",
                    "check the path, which is relative to the description's directory");
        }
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        // A file saved with CRLF line ends still holds the password without the CR.
        if (firstLine.endsWith("\r")) {
            firstLine = firstLine.substring(0, firstLine.length() - 1);
        }
        if (firstLine.isEmpty()) {
            return unavailable(pointer, name, path, "has an empty first line",
                    "put the password on the first line of the file");
        }
        return Optional.of(firstLine);
    }

    private Optional<String> unavailable(String pointer, String name, Path path, String problem, String help) {
        reporter.atValue(Code.SECRET_UNAVAILABLE, pointer,
                "the relay password file " + name + " (" + path.toAbsolutePath().normalize() + ") " + problem, help);
        return Optional.empty();
    }
}
