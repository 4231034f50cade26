package io.mailform.runtime.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a survey keeps its findings: for the first input of each new signature, the input itself (as Jazzer reads
 * it) and {@code NAME.txt} with its signatures and what both servers did, the format of the open findings; and the
 * first input of each class of transaction the servers agree on.
 */
final class FindingStore {
    private final Path directory;
    private final Set<String> signatures = new HashSet<>();
    private final Set<String> agreements = new HashSet<>();
    private int kept;

    private FindingStore(Path directory) {
        this.directory = directory;
    }

    static FindingStore in(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new FindingStore(directory);
    }

    Path directory() {
        return directory;
    }

    int kept() {
        return kept;
    }

    /** Keeps the input if one of its divergences has a signature not kept yet. */
    void keep(byte[] input, ProbeResult result, List<Divergence> fresh) {
        List<Divergence> unseen = fresh.stream().filter(divergence -> !signatures.contains(divergence.signature()))
            .toList();
        if (unseen.isEmpty()) {
            return;
        }
        Divergence first = unseen.get(0);
        String name = first.stage().toLowerCase(Locale.ROOT) + "-" + first.client().side() + "-"
            + hash(first.signature());
        StringBuilder text = new StringBuilder();
        unseen.forEach(divergence -> text.append(OpenFindings.SIGNATURE).append(divergence.signature()).append('\n')
            .append(OpenFindings.ANSWERS).append(divergence.answers()).append('\n'));
        text.append('\n').append(result.report());
        try {
            Files.write(directory.resolve(name), input);
            Files.writeString(directory.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        unseen.forEach(divergence -> signatures.add(divergence.signature()));
        kept++;
    }

    /**
     * Keeps the first input of each class of transaction on which the servers agree, in {@code agreeing/}: the
     * candidates for the regression inputs.
     */
    void keepAgreement(byte[] input, String transactionClass) {
        if (!agreements.add(transactionClass)) {
            return;
        }
        try {
            Path agreeing = Files.createDirectories(directory.resolve("agreeing"));
            Files.write(agreeing.resolve(hash(transactionClass)), input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String signature) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(signature.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
