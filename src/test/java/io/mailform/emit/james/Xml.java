package io.mailform.emit.james;

import java.util.ArrayList;
import java.util.List;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** A generated XML file read back with the JDK's parser, queried by XPath. */
final class Xml {
    private final Document document;

    private Xml(Document document) {
        this.document = document;
    }

    static Xml of(Compiled compiled, String path) {
        try {
            return new Xml(XmlEscaperTest.parse(compiled.text(path)));
        } catch (Exception e) {
            throw new AssertionError(path + " is not well-formed XML", e);
        }
    }

    /** The text of the first node the expression selects, or "" when none. */
    String text(String expression) {
        List<String> all = texts(expression);
        return all.isEmpty() ? "" : all.get(0);
    }

    List<String> texts(String expression) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(expression, document, XPathConstants.NODESET);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent());
            }
            return texts;
        } catch (Exception e) {
            throw new AssertionError("bad XPath " + expression, e);
        }
    }

    int count(String expression) {
        return texts(expression).size();
    }
}
