package io.mailform.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Reading, navigating and writing the configuration's XML files with the JDK's DOM. */
final class XmlFiles {
    private XmlFiles() {
    }

    static Document read(Path file) throws StartupException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new StartupException(file + ": not well-formed XML: " + e.getMessage(), e);
        }
    }

    static void write(Document document, Path file) throws StartupException {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            Files.createDirectories(file.getParent());
            transformer.transform(new DOMSource(document), new StreamResult(file.toFile()));
        } catch (TransformerException | IOException e) {
            throw new StartupException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    static List<Element> descendants(Document document, String name) {
        var nodes = document.getElementsByTagName(name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    static String childText(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }

    /** Sets the text of the first child element {@code name}, creating it when absent. */
    static void setChildText(Element parent, String name, String text) {
        List<Element> found = children(parent, name);
        Element child = found.isEmpty() ? parent.getOwnerDocument().createElement(name) : found.get(0);
        if (found.isEmpty()) {
            parent.appendChild(child);
        }
        child.setTextContent(text);
    }

    static void removeChildren(Element parent, String name) {
        children(parent, name).forEach(parent::removeChild);
    }
}
