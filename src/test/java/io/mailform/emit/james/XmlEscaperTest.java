package io.mailform.emit.james;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailform.emit.OutputFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** XML escaping: what XML needs and nothing of HTML's, checked by reading the result back with a real parser. */
class XmlEscaperTest {
    @Test
    void escapesTheMarkupCharactersInText() {
        assertEquals("a &amp; b &lt;c&gt; \"d\" 'e'", XmlEscaper.text("a & b <c> \"d\" 'e'"));
    }

    @Test
    void escapesQuotesAndWhiteSpaceInAttributes() {
        assertEquals("&quot;x&quot; &amp; 'y' &lt; &#9;&#10;&#13;", XmlEscaper.attribute("\"x\" & 'y' < \t\n\r"));
    }

    @Test
    void isNotHtmlEscaping() {
        // An HTML escaper would write &#39; or &apos; for ', &quot; in text, and named entities XML does not know.
        assertEquals("it's \"é\" ©", XmlEscaper.text("it's \"é\" ©"));
    }

    @Test
    void keepsACarriageReturnAsAReference() {
        assertEquals("a&#13;\nb", XmlEscaper.text("a\r\nb"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\u001b", "\u007f\u0008", "\ufffe", "\uffff", "\ud800"})
    void findsWhatXmlCannotHold(String value) {
        OptionalInt invalid = XmlEscaper.firstInvalid("ok" + value);
        assertTrue(invalid.isPresent());
        assertThrows(IllegalArgumentException.class, () -> XmlEscaper.text(value));
        assertThrows(IllegalArgumentException.class, () -> XmlEscaper.attribute(value));
    }

    @Test
    void acceptsEveryOtherCharacter() {
        assertFalse(XmlEscaper.firstInvalid("\t\n\r ~\u00a0\ud7ff\ue000\ufffd\ud83d\udce7").isPresent());
        // DEL is allowed by XML 1.0, unlike the C0 controls.
        assertFalse(XmlEscaper.firstInvalid("\u007f").isPresent());
    }

    @Test
    void commentsNeverContainTwoHyphensOrEndInOne() {
        assertEquals("a- -b- ", XmlEscaper.comment("a--b-"));
        assertEquals("a- - -b", XmlEscaper.comment("a---b"));
        assertFalse(XmlEscaper.comment("x----y-").contains("--"));
    }

    @Test
    void valuesReadBackExactlyThroughAParser() throws Exception {
        String nasty = "p&ss<w>rd \"quoted\" 'single' ]]> <!-- --> &amp; \t tab \r\n crlf \u00e9\ud83d\udce7";
        XmlElement root = XmlElement.of("root").attribute("value", nasty)
                .add("text", nasty)
                .add("spaced", "  leading and trailing  ");
        OutputFile file = XmlDocument.file(Header.of("we--ird-.yaml", "about -- it"), root, OutputFile.PUBLIC);
        Document document = parse(file.content());
        Element element = document.getDocumentElement();
        assertEquals(nasty, element.getAttribute("value"));
        assertEquals(nasty, element.getElementsByTagName("text").item(0).getTextContent());
        assertEquals("  leading and trailing  ", element.getElementsByTagName("spaced").item(0).getTextContent());
        Node comment = document.getFirstChild();
        assertEquals(Node.COMMENT_NODE, comment.getNodeType());
        assertTrue(comment.getTextContent().contains("from we- -ird-.yaml for"), comment.getTextContent());
    }

    @Test
    void writesElementsTheSameWayEveryTime() {
        XmlElement root = XmlElement.of("a").attribute("x", "1").attribute("y", "2")
                .add(XmlElement.of("b"))
                .add("c", "text")
                .add(XmlElement.of("d").add(XmlElement.of("e").attribute("z", "3")));
        StringBuilder out = new StringBuilder();
        root.write(out, 0);
        assertEquals("""
                <a x="1" y="2">
                  <b/>
                  <c>text</c>
                  <d>
                    <e z="3"/>
                  </d>
                </a>
                """, out.toString());
    }

    @Test
    void refusesMixedContent() {
        assertThrows(IllegalStateException.class, () -> XmlElement.of("a", "text").add(XmlElement.of("b")));
        assertThrows(IllegalStateException.class, () -> XmlElement.of("a").add(XmlElement.of("b")).text("text"));
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static Document parse(String xml) throws Exception {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }
}
