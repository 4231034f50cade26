package io.mailform.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvisioningReaderTest {
    @TempDir
    Path directory;

    @Test
    void readsEveryKey() throws Exception {
        Provisioning provisioning = read("""
            {"version": 1, "comment": "generated", "mailName": "example.org", "recipientDelimiter": "+-",
             "users": [{"name": "alice", "password": "s", "maxStorageBytes": 100}, {"name": "bob"}],
             "aliases": [{"source": "info@example.org", "targets": ["alice@example.org", "x@remote.example"]}],
             "quota": {"maxStorageBytes": 5000, "maxMessages": 10}}
            """);
        assertEquals(Optional.of("example.org"), provisioning.mailName());
        assertEquals("+-", provisioning.recipientDelimiter());
        assertEquals(List.of(new Provisioning.User("alice", Optional.of("s"), OptionalLong.of(100)),
            new Provisioning.User("bob", Optional.empty(), OptionalLong.empty())), provisioning.users());
        assertEquals(List.of(new Provisioning.Alias("info@example.org", List.of("alice@example.org", "x@remote.example"))),
            provisioning.aliases());
        assertEquals(new Provisioning.Quota(OptionalLong.of(5000), OptionalLong.of(10)), provisioning.quota());
    }

    @Test
    void onlyTheVersionIsRequired() throws Exception {
        Provisioning provisioning = read("{\"version\": 1}");
        assertEquals(Optional.empty(), provisioning.mailName());
        assertEquals("", provisioning.recipientDelimiter());
        assertTrue(provisioning.users().isEmpty());
        assertEquals(Provisioning.Quota.unlimited(), provisioning.quota());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"version\": 2}                                               | /version is 2",
        "{\"version\": 1, \"user\": []}                                 | /user is not a known key",
        "{\"version\": 1, \"users\": [{\"name\": \"a\", \"password\": \"\"}]} | /users/0/password must be a non-empty string",
        "{\"version\": 1, \"users\": [{\"password\": \"p\"}]}           | /users/0/name must be a non-empty string",
        "{\"version\": 1, \"aliases\": [{\"source\": \"a@b\", \"targets\": []}]} | /aliases/0/targets must list at least one",
        "{\"version\": 1, \"quota\": {\"maxStorageBytes\": -1}}          | /quota/maxStorageBytes must be a non-negative integer",
        "[1]                                                            | / must be an object",
    })
    void refusesMistakesWithTheirPointer(String json, String expected) throws Exception {
        StartupException error = assertThrows(StartupException.class, () -> read(json));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private Provisioning read(String json) throws Exception {
        Path file = directory.resolve("provisioning.json");
        Files.writeString(file, json);
        return ProvisioningReader.read(file);
    }
}
