package io.mailform.runtime.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.code_intelligence.jazzer.api.SilentCloseable;

/**
 * AddressFuzzTest's target for Jazzer's own command line, with a divergence planted: the James configuration compiled
 * from the same description lacks the local domain {@value #PLANTED}, which Postfix still takes as local. Run by
 * {@link PlantedDivergenceTest}, which expects the fuzzer to report it.
 */
public final class PlantedDivergenceTarget {
    static final String PLANTED = "example.info";
    private static AddressFuzzing fuzzing;

    private PlantedDivergenceTarget() {
    }

    public static void fuzzerInitialize() throws Exception {
        // Starting the servers connects to them on loopback, which Jazzer's detector would take for a forgery.
        try (SilentCloseable loopback = BugDetectors.allowNetworkConnections(AddressFuzzTest::isLoopback)) {
            fuzzing = AddressFuzzing.start(AddressFuzzTest.DESCRIPTION, PlantedDivergenceTarget::withoutPlantedDomain,
                AddressFuzzTest.FINDINGS, Optional.empty());
        }
    }

    public static void fuzzerTestOneInput(byte[] input) throws Exception {
        try (SilentCloseable loopback = BugDetectors.allowNetworkConnections(AddressFuzzTest::isLoopback)) {
            fuzzing.probe(input);
        }
    }

    public static void fuzzerTearDown() {
        System.err.println(fuzzing.summary());
        try (SilentCloseable loopback = BugDetectors.allowNetworkConnections(AddressFuzzTest::isLoopback)) {
            fuzzing.close();
        }
    }

    /**
     * James's domain list without the planted domain, and its provisioning without the aliases in that domain, which
     * James would refuse for a domain it does not have; Postfix's mydestination keeps it.
     */
    static Path withoutPlantedDomain(Path compiled) {
        Path domainList = compiled.resolve("james/conf/domainlist.xml");
        Path provisioning = compiled.resolve("james/provisioning.json");
        try {
            String original = Files.readString(domainList);
            String edited = original.replace("<domainname>" + PLANTED + "</domainname>", "");
            if (edited.equals(original)) {
                throw new IllegalStateException(domainList + " does not list " + PLANTED + ":\n" + original);
            }
            Files.writeString(domainList, edited);
            ObjectMapper json = new ObjectMapper();
            ObjectNode document = (ObjectNode) json.readTree(provisioning.toFile());
            Iterator<JsonNode> aliases = document.withArray("aliases").elements();
            while (aliases.hasNext()) {
                if (aliases.next().path("source").asText().endsWith("@" + PLANTED)) {
                    aliases.remove();
                }
            }
            json.writerWithDefaultPrettyPrinter().writeValue(provisioning.toFile(), document);
            return compiled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
