package io.mailform.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.mailform.model.MailSystem;
import io.mailform.pipeline.Pipeline;

/**
 * The seeds of AddressFuzzTest are committed inputs that make the grammar pick each seed form as the recipient, from a
 * client inside and one outside networks, and as the sender: this test holds each file to the choices that make its
 * probe, so that a change of the grammar's weights cannot turn them silently into other probes. After such a change,
 * {@code -Dmailform.fuzz.seeds.update=true} writes them anew.
 */
class AddressSeedsTest {
    static final Path INPUTS = AddressFuzzTest.PROJECT.resolve(
        "runtime/src/test/resources/io/mailform/runtime/fuzz/AddressFuzzTestInputs/serversAgreeOnEveryAddress");
    private static final String PREFIX = "seed-";

    /** One seed input: its file name, bytes, and the probe they must make. */
    record Seed(String name, byte[] input, ClientSide client, String sender, String recipient) {
    }

    @Test
    void everySeedInputMakesItsProbe() throws IOException {
        AddressGrammar grammar = grammar();
        List<Seed> seeds = seeds(grammar);
        if (Boolean.getBoolean("mailform.fuzz.seeds.update")) {
            write(seeds);
        }
        for (Seed seed : seeds) {
            Path file = INPUTS.resolve(seed.name());
            assertTrue(Files.exists(file), file + " is missing; write the seeds with "
                + "-Dmailform.fuzz.seeds.update=true");
            assertArrayEquals(seed.input(), Files.readAllBytes(file), seed.name());
            Probe probe = Probe.generate(grammar, new Choices(seed.input()));
            assertEquals(seed.client(), probe.client(), seed.name());
            assertEquals(seed.sender(), probe.sender().bytes(), seed.name());
            assertEquals(List.of(seed.recipient()), probe.recipients().stream().map(AddressGrammar.Generated::bytes)
                .toList(), seed.name());
        }
        try (Stream<Path> files = Files.list(INPUTS)) {
            assertEquals(seeds.size(), files.filter(file -> file.getFileName().toString().startsWith(PREFIX)).count(),
                "seed files that no seed form makes any more; write them anew");
        }
    }

    /**
     * The choices of each seed: client, one recipient, then the sender (the remote one, or the grammar's seed
     * production), then the recipient (the seed production, or the first user at the mail name).
     */
    static List<Seed> seeds(AddressGrammar grammar) {
        List<Seed> seeds = new ArrayList<>();
        List<String> forms = grammar.seeds();
        for (int index = 0; index < forms.size(); index++) {
            String bracketed = "<" + forms.get(index) + ">";
            for (ClientSide client : List.of(ClientSide.INSIDE, ClientSide.OUTSIDE)) {
                seeds.add(new Seed(String.format("%srecipient-%s-%02d", PREFIX, client.side(), index),
                    Choices.withRoom(Choices.encode(client.ordinal(), 0, SENDER_REMOTE, ARGUMENT_BRACKETED,
                        ADDRESS_SEED, index), ROOM),
                    client, "<someone@remote.example>", bracketed));
            }
            seeds.add(new Seed(String.format("%ssender-outside-%02d", PREFIX, index),
                Choices.withRoom(Choices.encode(ClientSide.OUTSIDE.ordinal(), 0, SENDER_GRAMMAR, ARGUMENT_BRACKETED,
                    ADDRESS_SEED, index, ARGUMENT_BRACKETED, ADDRESS_MAILBOX, LOCAL_NAME, NAME_USER, 0, CASE_AS_IS,
                    NO_EXTENSION, DOMAIN_LOCAL, 1, VARIANT_AS_IS), ROOM),
                ClientSide.OUTSIDE, bracketed, "<" + grammar.words().users().get(0) + "@example.org>"));
        }
        return seeds;
    }

    /** The length of a seed input: its choices at the end, filler before them (see Choices#withRoom). */
    private static final int ROOM = 128;
    // The first value of each option's range in AddressGrammar's weighted choices.
    private static final int SENDER_REMOTE = 0;
    private static final int SENDER_GRAMMAR = 65;
    private static final int ARGUMENT_BRACKETED = 0;
    private static final int ADDRESS_MAILBOX = 0;
    private static final int ADDRESS_SEED = 50;
    private static final int LOCAL_NAME = 0;
    private static final int NAME_USER = 0;
    private static final int CASE_AS_IS = 0;
    private static final int NO_EXTENSION = 0;
    private static final int DOMAIN_LOCAL = 0;
    private static final int VARIANT_AS_IS = 0;

    private static void write(List<Seed> seeds) throws IOException {
        Files.createDirectories(INPUTS);
        try (Stream<Path> files = Files.list(INPUTS)) {
            for (Path file : files.filter(file -> file.getFileName().toString().startsWith(PREFIX)).toList()) {
                Files.delete(file);
            }
        }
        for (Seed seed : seeds) {
            Files.write(INPUTS.resolve(seed.name()), seed.input());
        }
    }

    static AddressGrammar grammar() throws IOException {
        Path description = AddressFuzzTest.DESCRIPTION;
        MailSystem system = new Pipeline().validate(description.toString(), Files.readAllBytes(description))
            .mailSystem().orElseThrow();
        return new AddressGrammar(AddressVocabulary.of(system));
    }
}
