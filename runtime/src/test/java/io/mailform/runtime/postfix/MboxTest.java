package io.mailform.runtime.postfix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An mbox file as local(8) writes it, split into the messages as they came over SMTP. */
class MboxTest {
    @TempDir
    Path directory;

    @Test
    void eachMessageWithoutItsFromLineAndTrailingEmptyLineWithCrlf() {
        String mbox = "From alice@example.org  Mon Nov 30 17:26:14 2026\n"
            + "Subject: one\n"
            + "\n"
            + "Body line.\n"
            + "\n"
            + "After an empty line.\n"
            + "\n"
            + "From bob@example.org  Mon Nov 30 17:26:15 2026\n"
            + "Subject: two\n"
            + "\n"
            + ">From the start of a body line, as local(8) quotes it.\n"
            + "\n";
        List<String> messages = Mbox.split(mbox.getBytes(StandardCharsets.ISO_8859_1)).stream()
            .map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1)).toList();
        assertEquals(List.of(
            "Subject: one\r\n\r\nBody line.\r\n\r\nAfter an empty line.\r\n",
            "Subject: two\r\n\r\n>From the start of a body line, as local(8) quotes it.\r\n"), messages);
    }

    @Test
    void aMissingOrEmptyFileHoldsNoMessage() throws Exception {
        assertEquals(List.of(), Mbox.read(directory.resolve("nobody")));
        Path empty = Files.createFile(directory.resolve("empty"));
        assertEquals(List.of(), Mbox.read(empty));
    }

    @Test
    void bytesOutsideAsciiAreKept() throws Exception {
        Path mailbox = directory.resolve("alice");
        byte[] latin = {'F', 'r', 'o', 'm', ' ', 'x', '\n', 'S', ':', ' ', (byte) 0xE9, '\n', '\n'};
        Files.write(mailbox, latin);
        assertEquals(1, Mbox.read(mailbox).size());
        byte[] message = Mbox.read(mailbox).get(0);
        assertEquals((byte) 0xE9, message[3]);
    }

    @Test
    void anIndexReadsOnlyWhatWasAppendedAndTheMessagesFromAnyOneOn() throws Exception {
        Path mailbox = directory.resolve("ines");
        MboxIndex index = new MboxIndex(mailbox);
        assertEquals(0, index.update(0));
        Files.writeString(mailbox, "From a  Mon Nov 30 17:26:14 2026\nSubject: one\n\nBody.\n\n");
        assertEquals(1, index.update(Files.size(mailbox)));
        Files.writeString(mailbox, "From b  Mon Nov 30 17:26:15 2026\nSubject: two\n\n>From quoted.\n\n",
            StandardOpenOption.APPEND);
        assertEquals(2, index.update(Files.size(mailbox)));
        assertEquals(List.of("Subject: two\r\n\r\n>From quoted.\r\n"), index.messagesFrom(1).stream()
            .map(bytes -> new String(bytes, StandardCharsets.US_ASCII)).toList());
        assertEquals(2, index.messagesFrom(0).size());
        assertEquals(List.of(), index.messagesFrom(2));
        Files.writeString(mailbox, "From c  Mon Nov 30 17:26:16 2026\nSubject: anew\n\n");
        assertEquals(1, index.update(Files.size(mailbox)), "a file that shrank is read from its start again");
    }
}
