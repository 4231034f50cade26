package io.mailform.output;

import io.mailform.emit.OutputFile;
import io.mailform.emit.OutputTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record of one compilation, written beside the files: what produced them and a digest of each. Its presence
 * marks a directory as mailform's, so that compile replaces only directories it wrote itself. No timestamps: the
 * same description gives the same bytes.
 */
public final class Manifest {
    public static final String FILE_NAME = "mailform-manifest.json";

    private Manifest() {
    }

    /** The digest the manifest records of a description: taken when it is read, so its bytes need not be kept. */
    public static String sourceDigest(byte[] sourceBytes) {
        return sha256(sourceBytes);
    }

    public static byte[] describe(OutputTree tree, String generator, String sourceName, String sourceDigest) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("generator", generator);
        root.put("source", sourceName);
        root.put("source_sha256", sourceDigest);
        ArrayNode files = root.putArray("files");
        for (Map.Entry<String, OutputFile> entry : tree.files().entrySet()) {
            OutputFile file = entry.getValue();
            ObjectNode item = files.addObject();
            item.put("path", entry.getKey());
            item.put("mode", String.format("%04o", file.mode()));
            item.put("size", file.content().length);
            item.put("sha256", sha256(file.content()));
        }
        String text = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
