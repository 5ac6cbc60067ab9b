package dev.kubeconbot.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.CapturedLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A saved file reads back what was written, or nothing: never part of it, never a damaged one. */
class SavedFileTest {

  @TempDir
  Path folder;

  /** Longer than the read buffer: fields and text cross its refills. */
  private static final String LONG = "云原生 cloud native ".repeat(9_000);
  /** Longer than the read buffer too, one byte per character. */
  private static final String ASCII = "cloud native, ".repeat(6_000);

  private SavedFile file() {
    return SavedFile.at(folder.resolve("saved.bin"), "test data", LoggerFactory.getLogger(SavedFileTest.class));
  }

  private void write() {
    file().write(out -> {
      out.writeUTF("key");
      for (int i = 0; i < 30_000; i++) {
        out.writeInt(i);
        out.writeBoolean(i % 3 == 0);
      }
      out.writeInt(LONG.length());
      out.writeChars(LONG);
      out.writeLong(Long.MIN_VALUE);
      out.writeFloat(0.375f);
      out.writeByte(200);
      out.writeInt(ASCII.length());
      out.write(ASCII.getBytes(StandardCharsets.ISO_8859_1));
      out.writeInt(2);
      out.writeChars("多云");
    }, "never mind");
  }

  /** Everything {@link #write} wrote, read back; empty if the key is not "key". */
  private Optional<List<Object>> read(String key) {
    return file().read(in -> {
      if (!in.readUTF().equals(key)) {
        return Optional.empty();
      }
      long sum = 0;
      int thirds = 0;
      for (int i = 0; i < 30_000; i++) {
        sum += in.readInt();
        thirds += in.readBoolean() ? 1 : 0;
      }
      String text = in.readChars(in.readInt());
      return Optional.of(List.of(sum, thirds, text, in.readLong(), in.readFloat(), in.readUnsignedByte(),
          in.readLatin1(in.readInt()), in.readChars(in.readInt())));
    }, "computing it");
  }

  @Test
  void readsBackWhatWasWritten() {
    write();
    assertThat(read("key")).contains(List.of(449_985_000L, 10_000, LONG, Long.MIN_VALUE, 0.375f, 200, ASCII, "多云"));
    assertThat(read("another key")).isEmpty();
  }

  @Test
  void aDamagedOrCutFileIsNotReadAndSaysSo() throws IOException {
    write();
    Path saved = folder.resolve("saved.bin");
    byte[] whole = Files.readAllBytes(saved);
    try (CapturedLog log = CapturedLog.of(SavedFileTest.class)) {
      for (int at : new int[] {10, whole.length / 2, whole.length - 30, whole.length - 3}) {
        byte[] damaged = whole.clone();
        damaged[at] ^= 0x20;
        Files.write(saved, damaged);
        assertThat(read("key")).as("a byte changed at %d", at).isEmpty();
      }
      assertThat(log.messages()).hasSize(4).allMatch(m -> m.contains("checksum mismatch") && m.endsWith("computing it"));
      for (int length : new int[] {0, 5, 9, whole.length / 2, whole.length - 8, whole.length - 1}) {
        Files.write(saved, Arrays.copyOf(whole, length));
        assertThat(read("key")).as("cut at %d", length).isEmpty();
      }
      Files.write(saved, Arrays.copyOf(whole, whole.length + 1));
      assertThat(read("key")).as("a byte too many").isEmpty();
      assertThat(log.messages()).hasSize(11).allMatch(m -> m.contains("cannot be read"));
    }
  }

  @Test
  void aBodyReadOnlyInPartIsNotTaken() {
    write();
    try (CapturedLog log = CapturedLog.of(SavedFileTest.class)) {
      assertThat(file().read(in -> Optional.of(in.readUTF()), "computing it")).isEmpty();
      assertThat(log.messages()).singleElement().asString().contains("bytes left after the saved data");
    }
  }
}
