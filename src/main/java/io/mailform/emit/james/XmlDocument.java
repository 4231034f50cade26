package io.mailform.emit.james;

import io.mailform.emit.OutputFile;
import java.nio.charset.StandardCharsets;

/** A whole XML configuration file: the declaration, the generated-by comment, the root element. */
final class XmlDocument {
    private XmlDocument() {
    }

    static OutputFile file(Header header, XmlElement root, int mode) {
        StringBuilder out = new StringBuilder(1024);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<!-- ").append(XmlEscaper.comment(header.firstLine()));
        for (String line : header.about()) {
            out.append("\n     ").append(XmlEscaper.comment(line));
        }
        out.append(" -->\n");
        root.write(out, 0);
        return new OutputFile(out.toString().getBytes(StandardCharsets.UTF_8), mode);
    }
}
