package io.mailform.runtime.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.mailform.runtime.config.StartupException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes every message the capture sinks receive into one directory, for readers outside the JVM: the message as
 * {@code NNNNNN-SINK.eml} with the exact bytes the sink received, then a line of {@code index.jsonl} with its envelope.
 * Numbers count from 000001 in arrival order across all sinks, so that names sort as the messages came. Each file is
 * written beside its final name and renamed into place, and its index line is appended only then, so that a reader
 * polling the directory never sees half a message and never a line whose file is missing.
 *
 * <p>The directory must be new or empty: it then holds one run's mail and nothing else, so that a test reading it
 * cannot pass on a message an earlier run left.
 */
public final class CaptureDirectory implements CaptureListener, AutoCloseable {
    public static final String INDEX = "index.jsonl";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT)
        .withZone(ZoneOffset.UTC);
    private static final int LISTED_ENTRIES = 3;

    private final Path directory;
    private final boolean created;
    private final OutputStream index;
    private int count;
    private boolean closed;

    private CaptureDirectory(Path directory, boolean created, OutputStream index) {
        this.directory = directory;
        this.created = created;
        this.index = index;
    }

    /** Creates {@code directory} (and its parents) if it does not exist, and {@value #INDEX} in it, empty. */
    public static CaptureDirectory open(Path directory) throws StartupException {
        boolean created = !Files.exists(directory, LinkOption.NOFOLLOW_LINKS);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StartupException(directory + ": cannot create the directory: " + describe(e, directory), e);
        }
        if (!Files.isDirectory(directory)) {
            throw new StartupException(directory + ": is not a directory; give a new or empty directory");
        }
        checkEmpty(directory);
        try {
            return new CaptureDirectory(directory, created, Files.newOutputStream(directory.resolve(INDEX),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new StartupException(directory + ": cannot write in the directory: " + describe(e, directory), e);
        }
    }

    private static void checkEmpty(Path directory) throws StartupException {
        List<String> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path entry : stream) {
                entries.add(entry.getFileName().toString());
            }
        } catch (IOException e) {
            throw new StartupException(directory + ": cannot read the directory: " + describe(e, directory), e);
        }
        if (!entries.isEmpty()) {
            entries.sort(null);
            String listed = String.join(", ", entries.subList(0, Math.min(LISTED_ENTRIES, entries.size())))
                + (entries.size() > LISTED_ENTRIES ? ", ..." : "");
            throw new StartupException(directory + ": holds " + entries.size() + (entries.size() == 1 ? " entry" :
                " entries") + " (" + listed + "); captured mail goes to a new or empty directory, so that it holds "
                + "this run's mail only: remove them or give another directory");
        }
    }

    /** Subscribes to each sink; messages they already hold are written first. */
    public void attach(List<CaptureSink> sinks) throws IOException {
        for (CaptureSink sink : sinks) {
            sink.subscribe(this);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Called by the sinks' sessions, several at a time: one lock keeps numbers, files and index lines in step. */
    @Override
    public synchronized void received(CapturedMessage message) throws IOException {
        if (closed) {
            throw new IOException("the capture directory " + directory + " is closed: the runtime is stopping");
        }
        count++;
        String name = String.format(Locale.ROOT, "%06d-%s.eml", count, safe(message.sink()));
        Path file = directory.resolve(name);
        // A dot-file, so that a reader listing *.eml never takes it for a message.
        Path temporary = directory.resolve("." + name + ".tmp");
        try {
            Files.write(temporary, message.data(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot write " + file + ": " + describe(e, file), e);
        }
        try {
            // One write per line, so that a reader never sees a line in pieces.
            index.write(indexLine(name, message));
            index.flush();
        } catch (IOException e) {
            // The sink refuses the message and the sender sends it again: without its line, the file must go too.
            Files.deleteIfExists(file);
            throw new IOException("cannot append to " + directory.resolve(INDEX) + ": " + describe(e, file), e);
        }
    }

    /** The index line: JSON of the envelope, ending in a newline; addresses as UTF-8, escaped where JSON needs it. */
    static byte[] indexLine(String file, CapturedMessage message) {
        ObjectNode line = JSON.objectNode();
        line.put("file", file);
        line.put("sink", message.sink());
        line.put("mail_from", message.sender());
        ArrayNode recipients = line.putArray("rcpt_to");
        message.recipients().forEach(recipients::add);
        if (message.authenticatedAs().isPresent()) {
            line.put("login", message.authenticatedAs().get());
        } else {
            line.putNull("login");
        }
        line.put("tls", message.tls());
        line.put("helo", message.helo());
        line.put("size", message.data().length);
        line.put("time", TIME.format(message.received()));
        return (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A sink's name in a file name: letters, digits, dots and hyphens; anything else (the colon of host:port) is _. */
    static String safe(String sink) {
        return sink.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    /** Undoes {@link #open} after a start that failed, when nothing was captured: a second try finds DIR as before. */
    public synchronized void abandon() {
        close();
        if (count == 0) {
            try {
                Files.deleteIfExists(directory.resolve(INDEX));
                if (created) {
                    Files.deleteIfExists(directory);
                }
            } catch (IOException e) {
                // What is left is an empty index, which the error message of the next try names.
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            index.close();
        } catch (IOException e) {
            // Every line was flushed when it was written.
        }
    }

    /** The reason, and the file it concerns when that is not {@code subject}, which the message names already. */
    private static String describe(IOException e, Path subject) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
            : e instanceof NoSuchFileException ? "no such file or directory"
            : e instanceof FileSystemException system && system.getReason() != null ? system.getReason()
            : e.getMessage();
        String file = e instanceof FileSystemException system ? system.getFile() : null;
        return file == null || Path.of(file).equals(subject) ? reason : file + ": " + reason;
    }
}
