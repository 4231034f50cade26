package io.mailform.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailform.emit.postfix.PostfixTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reading of $ expressions, held to postconf's: it stops exactly where postconf does, and finds its references. */
class MacroReferencesTest {
    private static final Pattern UNDEFINED = Pattern.compile("undefined parameter: ([A-Za-z0-9_]+)");

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"$ref", "${ref}", "$(ref)", "${ref?x}", "${ref:x}", "$$ref", "$myhostname", "a$", "${ref",
        "$1abc", "$_x", "${ref?{x}}", "foo$", "$ref.x", "${}", "$()", "${myhostname?x", "${myhostname?{x}}",
        "${myhostname:{x}}", "${myhostname?{x}:{y}}", "${{a} == {b}?{x}:{y}}", "${myhostname x}", "${my-host}",
        "$(myhostname}", "${myhostname}}", "${myhostname?${ref}}", "${myhostname?$ref}", "${a{b}}", "$ ", "$-x",
        "$myhostname$", "plain text", "100$$", "$mydomain, ${myorigin}, $(mail_name) $$"})
    void readsAsPostconfDoes(String value) throws IOException {
        Files.writeString(directory.resolve("main.cf"), "smtpd_banner = " + value + "\n");
        Files.copy(PostfixTools.debianMasterCf(), directory.resolve("master.cf"));
        PostfixTools.backdate(directory);
        PostfixTools tools = PostfixTools.locate();
        PostfixTools.Result postconf = tools.run(List.of(tools.postconf.toString(), "-c", directory.toString(), "-n"));

        MacroReferences references = MacroReferences.of(value);
        boolean fatal = postconf.stderr().contains("macro processing error");
        assertEquals(fatal, references.problem().isPresent(), postconf + "\nours: " + references.problem());
        if (!fatal) {
            TreeSet<String> undefined = new TreeSet<>();
            Matcher matcher = UNDEFINED.matcher(postconf.stderr());
            while (matcher.find()) {
                undefined.add(matcher.group(1));
            }
            TreeSet<String> ours = new TreeSet<>(references.names());
            ours.removeIf(KnownParameters::contains);
            assertEquals(undefined, ours, postconf.toString());
        }
    }
}
