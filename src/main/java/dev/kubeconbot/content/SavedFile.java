package dev.kubeconbot.content;

import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32;
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
    Optional<T> read(Input in) throws IOException;
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
   * it cannot be read, {@code reader} leaves part of the body unread, or its checksum does not match
   * (then with a warning ending in {@code otherwise}).
   */
  public <T> Optional<T> read(Reader<T> reader, String otherwise) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long body = channel.size() - Long.BYTES;
      if (body < 0) {
        throw new EOFException("shorter than a checksum");
      }
      Input in = new Input(channel, body);
      Optional<T> read = reader.read(in);
      if (read.isPresent()) {
        in.expectEnd();
        ByteBuffer sum = ByteBuffer.allocate(Long.BYTES);
        while (sum.hasRemaining()) {
          if (channel.read(sum, body + sum.position()) < 0) {
            throw new EOFException("the checksum is cut short");
          }
        }
        if (sum.getLong(0) != in.checksum()) {
          throw new IOException("checksum mismatch");
        }
      }
      return read;
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      log.warn("{} in {} cannot be read ({}); {}", what, file, e.toString(), otherwise);
      return Optional.empty();
    }
  }

  /**
   * A saved file's body, as {@link DataOutputStream} wrote it, read through one buffer that the
   * checksum is computed over as it is filled: at 10,000 articles the parsed articles are 70 MB of
   * millions of short fields, and a {@code DataInputStream} over a checked, buffered stream spent
   * more on passing each field through its layers than on decoding the text.
   */
  public static final class Input implements DataInput {
    private final FileChannel channel;
    private final CRC32 crc = new CRC32();
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).limit(0);
    /** Where {@link #readChars} puts characters before they become a string. */
    private char[] chars = new char[BUFFER / Character.BYTES];
    /** Bytes of the body not read into the buffer yet. */
    private long unread;

    private Input(FileChannel channel, long body) {
      this.channel = channel;
      this.unread = body;
    }

    /** Makes sure that {@code count} bytes are in the buffer, at most its size; fewer left in the body is an EOF. */
    private void need(int count) throws IOException {
      if (buffer.remaining() >= count) {
        return;
      }
      buffer.compact();
      while (buffer.position() < count && unread > 0) {
        int start = buffer.position();
        int read = channel.read(buffer.slice(start, (int) Math.min(buffer.remaining(), unread)));
        if (read < 0) {
          break;
        }
        crc.update(buffer.array(), start, read);
        buffer.position(start + read);
        unread -= read;
      }
      buffer.flip();
      if (buffer.remaining() < count) {
        throw new EOFException();
      }
    }

    /** The buffer, with at least {@code count} bytes in it (see {@link #need}). */
    private ByteBuffer filled(int count) throws IOException {
      need(count);
      return buffer;
    }

    /** The next {@code length} characters, written one byte each (all below 256), as text. */
    public String readLatin1(int length) throws IOException {
      if (length > BUFFER) {
        byte[] bytes = new byte[length];
        readFully(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
      }
      need(length);
      String text = new String(buffer.array(), buffer.position(), length, StandardCharsets.ISO_8859_1);
      buffer.position(buffer.position() + length);
      return text;
    }

    /**
     * The next {@code length} characters as {@link DataOutputStream#writeChars} wrote them, two bytes
     * each: copied, not decoded, into one reused array, so the only new memory is the string's own.
     */
    public String readChars(int length) throws IOException {
      if (chars.length < length) {
        chars = new char[Math.max(length, 2 * chars.length)];
      }
      for (int done = 0; done < length; ) {
        need(Character.BYTES);
        int part = Math.min(length - done, buffer.remaining() / Character.BYTES);
        buffer.asCharBuffer().get(chars, done, part);
        buffer.position(buffer.position() + part * Character.BYTES);
        done += part;
      }
      return new String(chars, 0, length);
    }

    private void expectEnd() throws IOException {
      if (buffer.hasRemaining() || unread > 0) {
        throw new IOException("bytes left after the saved data");
      }
    }

    private long checksum() {
      return crc.getValue();
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
      readFully(bytes, 0, bytes.length);
    }

    @Override
    public void readFully(byte[] bytes, int offset, int length) throws IOException {
      while (length > 0) {
        need(1);
        int part = Math.min(length, buffer.remaining());
        buffer.get(bytes, offset, part);
        offset += part;
        length -= part;
      }
    }

    @Override
    public int skipBytes(int count) throws IOException {
      int skipped = 0;
      while (skipped < count && (buffer.hasRemaining() || unread > 0)) {
        need(1);
        int part = Math.min(count - skipped, buffer.remaining());
        buffer.position(buffer.position() + part);
        skipped += part;
      }
      return skipped;
    }

    @Override
    public boolean readBoolean() throws IOException {
      return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
      return filled(1).get();
    }

    @Override
    public int readUnsignedByte() throws IOException {
      return readByte() & 0xff;
    }

    @Override
    public short readShort() throws IOException {
      return filled(Short.BYTES).getShort();
    }

    @Override
    public int readUnsignedShort() throws IOException {
      return readShort() & 0xffff;
    }

    @Override
    public char readChar() throws IOException {
      return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
      return filled(Integer.BYTES).getInt();
    }

    @Override
    public long readLong() throws IOException {
      return filled(Long.BYTES).getLong();
    }

    @Override
    public float readFloat() throws IOException {
      return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
      return Double.longBitsToDouble(readLong());
    }

    /** Not written by {@link DataOutputStream}'s methods the saved files use. */
    @Override
    public String readLine() {
      throw new UnsupportedOperationException("saved files hold no lines");
    }

    @Override
    public String readUTF() throws IOException {
      return DataInputStream.readUTF(this);
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
