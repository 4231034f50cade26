package io.mailform.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailform.diag.Code;
import io.mailform.diag.Diagnostic;
import io.mailform.emit.postfix.PostfixTools;
import io.mailform.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main.cf reader reads what postconf reads, and knows the line of each setting. */
class MainCfReaderTest {
    private static final String MAIN_CF = String.join("\n",
            "# a comment",
            "myhostname=mail.example.org",
            "mydestination = $myhostname,",
            "    example.org,",
            "   # a comment between a line and its continuation",
            "",
            "\tlocalhost",
            "smtpd_banner = $myhostname ESMTP # not a comment   ",
            "mynetworks =",
            "  127.0.0.0/8",
            "relayhost =",
            "relayhost = [smtp.example.net]:587",
            "recipient_delimiter  =  +-",
            "");

    @TempDir
    Path work;

    @Test
    void readsWhatPostconfReads() throws IOException {
        PostfixTools tools = PostfixTools.locate();
        Path directory = Files.createDirectories(work.resolve("cfg"));
        Files.writeString(directory.resolve("main.cf"), MAIN_CF);
        Files.copy(PostfixTools.debianMasterCf(), directory.resolve("master.cf"), StandardCopyOption.REPLACE_EXISTING);
        PostfixTools.backdate(directory);
        PostfixTools.Result postconf = tools.run(List.of(tools.postconf.toString(), "-c", directory.toString(), "-n"));
        assertEquals(0, postconf.exitCode(), postconf::toString);
        Map<String, String> expected = new TreeMap<>();
        for (String line : postconf.stdout().lines().toList()) {
            int equals = line.indexOf(" =");
            String value = line.substring(equals + 2);
            expected.put(line.substring(0, equals), value.startsWith(" ") ? value.substring(1) : value);
        }
        expected.remove("config_directory");

        MainCfFile read = MainCfReader.read(new SourceFile("main.cf", MAIN_CF));
        Map<String, String> actual = new TreeMap<>();
        read.effective().forEach((name, setting) -> actual.put(name, setting.value()));
        assertEquals(expected, actual);
        assertEquals(List.of(), read.diagnostics());

        Map<String, Integer> lines = new LinkedHashMap<>();
        read.effective().forEach((name, setting) -> lines.put(name, setting.line()));
        assertEquals(Map.of("myhostname", 2, "mydestination", 3, "smtpd_banner", 8, "mynetworks", 9,
                "relayhost", 12, "recipient_delimiter", 13), lines);
    }

    @Test
    void reportsLinesPostfixCannotRead() {
        MainCfFile read = MainCfReader.read(new SourceFile("main.cf",
                "  leading = continuation\nmyhostname = mail.example.org\nthis line has no equals sign\n"));
        assertEquals(List.of("import-syntax 1:1", "import-syntax 3:1"), read.diagnostics().stream()
                .map(diagnostic -> diagnostic.code().id() + " " + diagnostic.span().start()).toList());
        assertEquals(List.of("myhostname"), read.settings().stream().map(MainCfSetting::name).toList());
        Diagnostic missing = read.diagnostics().get(1);
        assertEquals(Code.IMPORT_SYNTAX, missing.code());
    }
}
