package io.mailform.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailform.diag.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/diagnostics.md's table of codes is what users filter on: it must list exactly the codes that exist. */
class DiagnosticCodesPageTest {
    @Test
    void listsEveryDiagnosticCodeWithItsSeverity() throws Exception {
        String page = Files.readString(Path.of("../docs/diagnostics.md"));
        Matcher row = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (error|warning) \\|", Pattern.MULTILINE).matcher(page);
        List<String> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2));
        }
        List<String> codes = new ArrayList<>();
        for (Code code : Code.values()) {
            codes.add(code.id() + " " + code.severity().label());
        }
        assertEquals(codes, documented);
    }
}
