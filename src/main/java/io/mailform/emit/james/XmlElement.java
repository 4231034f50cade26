package io.mailform.emit.james;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One element of a configuration file under construction: attributes in the order given, then either text or child
 * elements. Written out by {@link #write}, always the same way, so that the same model gives the same bytes.
 */
final class XmlElement {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlElement> children = new ArrayList<>();
    private String text;

    private XmlElement(String name) {
        this.name = Objects.requireNonNull(name);
    }

    static XmlElement of(String name) {
        return new XmlElement(name);
    }

    /** {@code <name>text</name>}. */
    static XmlElement of(String name, String text) {
        return new XmlElement(name).text(text);
    }

    XmlElement attribute(String attributeName, String value) {
        attributes.put(attributeName, Objects.requireNonNull(value));
        return this;
    }

    XmlElement text(String value) {
        if (!children.isEmpty()) {
            throw new IllegalStateException("<" + name + "> has child elements; mixed content is not written");
        }
        text = Objects.requireNonNull(value);
        return this;
    }

    XmlElement add(XmlElement child) {
        if (text != null) {
            throw new IllegalStateException("<" + name + "> has text; mixed content is not written");
        }
        children.add(child);
        return this;
    }

    /** Adds {@code <childName>value</childName>}. */
    XmlElement add(String childName, String value) {
        return add(of(childName, value));
    }

    XmlElement addAll(List<XmlElement> elements) {
        elements.forEach(this::add);
        return this;
    }

    String name() {
        return name;
    }

    /** Two spaces per level; an element without content is written empty ({@code <listeners/>}). */
    void write(StringBuilder out, int depth) {
        String indent = "  ".repeat(depth);
        out.append(indent).append('<').append(name);
        attributes.forEach((key, value) -> out.append(' ').append(key).append("=\"")
                .append(XmlEscaper.attribute(value)).append('"'));
        if (text != null) {
            out.append('>').append(XmlEscaper.text(text)).append("</").append(name).append(">\n");
        } else if (children.isEmpty()) {
            out.append("/>\n");
        } else {
            out.append(">\n");
            for (XmlElement child : children) {
                child.write(out, depth + 1);
            }
            out.append(indent).append("</").append(name).append(">\n");
        }
    }
}
