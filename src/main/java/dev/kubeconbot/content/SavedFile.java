package dev.kubeconbot.content;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;

/**
 * A file of what was derived from the content (parsed articles, warm-up results) kept beside the
 * index so that a restart need not derive it again. Its body ends with a CRC-32 of everything before
 * it; it is written aside and moved into place, so a reader — another process on the same folder —
 * sees the old file or the new one, never half of one. Losing it only costs the next start the work:
 * every failure is logged once and answered with "not saved", never thrown.
 */
public final class SavedFile {

  private static final int BUFFER = 1 << 16;

  /** Reads a body; returns empty when the file holds something else (another format or key). */
  @FunctionalInterface
  public interface Reader<T> {
    Optional<T> read(DataInputStream in) throws IOException;
  }

  /** Writes a body. */
  @FunctionalInterface
  public interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private final Path file;
  private final String what;
  private final Logger log;

  private SavedFile(Path file, String what, Logger log) {
    this.file = file;
    this.what = what;
    this.log = log;
  }

  /** {@code file}, named {@code what} in the warnings {@code log} writes ("saved warm-up"). */
  public static SavedFile at(Path file, String what, Logger log) {
    return new SavedFile(file, what, log);
  }

  /**
   * What the file holds: empty if it is missing, if {@code reader} says it holds something else, or if
   * it cannot be read or its checksum does not match (then with a warning ending in {@code otherwise}).
   */
  public <T> Optional<T> read(Reader<T> reader, String otherwise) {
    CRC32 crc = new CRC32();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc))) {
      Optional<T> body = reader.read(in);
      if (body.isPresent()) {
        long computed = crc.getValue();
        if (in.readLong() != computed) {
          throw new IOException("checksum mismatch");
        }
      }
      return body;
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      log.warn("{} in {} cannot be read ({}); {}", what, file, e.toString(), otherwise);
      return Optional.empty();
    }
  }

  /** Saves what {@code writer} writes; on failure warns, ending in {@code otherwise}, and leaves no file behind. */
  public void write(Writer writer, String otherwise) {
    Path temporary = null;
    try {
      Files.createDirectories(file.getParent());
      temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      CRC32 crc = new CRC32();
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temporary), BUFFER);
          DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc))) {
        writer.write(out);
        out.flush();
        out.writeLong(crc.getValue());
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      log.warn("cannot save the {} in {} ({}); {}", what, file, e.toString(), otherwise);
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // Nothing more to do: the folder is failing.
        }
      }
    }
  }
}
