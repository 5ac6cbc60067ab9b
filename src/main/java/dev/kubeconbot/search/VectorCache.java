package dev.kubeconbot.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passage vectors on disk, one file per model, keyed by a hash of the passage text: a restart or a
 * reload embeds only passages whose text is new. The file is append-only — a header (magic,
 * dimension), then records of a 16-byte text hash and the vector's floats — so a crash mid-write
 * loses at most the record being written, which is ignored on the next open. Only the hashes and
 * their file offsets are held in memory; vectors are read from the file when a vector index is
 * built, so a large corpus does not keep every vector on the heap twice.
 *
 * <p>A cache folder that cannot be written (a read-only container image) still serves what it has;
 * new vectors are then kept in memory only, with one warning.
 */
final class VectorCache implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(VectorCache.class);
  private static final int MAGIC = 0x4b425631; // "KBV1"
  private static final int HEADER = 8;
  private static final int HASH_BYTES = 16;

  /** The first 16 bytes of the SHA-256 of a passage's text: collisions are out of reach at any corpus size. */
  record Key(long high, long low) {

    static Key of(String text) {
      try {
        ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        return new Key(digest.getLong(), digest.getLong());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }
  }

  private final Path file;
  private final int dimension;
  private final int recordBytes;
  /** Where each cached vector starts in the file. */
  private final Map<Key, Long> offsets = new HashMap<>();
  /** Vectors that could not be written (read-only folder). */
  private final Map<Key, float[]> unwritten = new HashMap<>();
  private FileChannel channel;
  private boolean readOnly;
  private String whyReadOnly;

  private VectorCache(Path file, int dimension) {
    this.file = file;
    this.dimension = dimension;
    this.recordBytes = HASH_BYTES + Float.BYTES * dimension;
  }

  /** Opens (or starts) the cache of {@code model} in {@code folder}; vectors have {@code dimension} floats. */
  static VectorCache open(Path folder, String model, int dimension) {
    VectorCache cache = new VectorCache(folder.resolve(model + ".vectors"), dimension);
    cache.load();
    return cache;
  }

  private void load() {
    try {
      Files.createDirectories(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      try {
        channel = Files.exists(file) ? FileChannel.open(file, StandardOpenOption.READ) : null;
      } catch (IOException unreadable) {
        channel = null;
      }
      // Said only when a vector is actually left unwritten: a read-only image with a complete cache is normal.
      readOnly = true;
      whyReadOnly = e.toString();
    }
    if (channel == null) {
      return;
    }
    try {
      long size = channel.size();
      if (size < HEADER || !headerMatches()) {
        if (size > 0) {
          LOG.warn("vector cache {} is not a cache of {}-dimensional vectors: starting it anew", file, dimension);
        }
        if (!readOnly) {
          channel.truncate(0);
          ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(MAGIC).putInt(dimension).flip();
          channel.write(header, 0);
        }
        return;
      }
      ByteBuffer hash = ByteBuffer.allocate(HASH_BYTES);
      long whole = HEADER + (size - HEADER) / recordBytes * recordBytes;
      for (long at = HEADER; at < whole; at += recordBytes) {
        hash.clear();
        channel.read(hash, at);
        hash.flip();
        offsets.put(new Key(hash.getLong(), hash.getLong()), at + HASH_BYTES);
      }
      if (whole < size && !readOnly) {
        // The tail of a record whose write was cut short: drop it, so the next append lines up.
        channel.truncate(whole);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the vector cache " + file + " failed", e);
    }
  }

  private boolean headerMatches() throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    channel.read(header, 0);
    header.flip();
    return header.getInt() == MAGIC && header.getInt() == dimension;
  }

  /** How many vectors the cache holds. */
  synchronized int size() {
    return offsets.size() + unwritten.size();
  }

  synchronized boolean contains(Key key) {
    return offsets.containsKey(key) || unwritten.containsKey(key);
  }

  /** The cached vector for {@code key}, or {@code null}. */
  synchronized float[] get(Key key) {
    float[] memory = unwritten.get(key);
    if (memory != null) {
      return memory.clone();
    }
    Long offset = offsets.get(key);
    if (offset == null) {
      return null;
    }
    ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES * dimension).order(ByteOrder.LITTLE_ENDIAN);
    try {
      while (bytes.hasRemaining()) {
        if (channel.read(bytes, offset + bytes.position()) < 0) {
          throw new IOException("cut short");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the vector cache " + file + " failed", e);
    }
    float[] vector = new float[dimension];
    bytes.flip().asFloatBuffer().get(vector);
    return vector;
  }

  /** Adds a vector; appended to the file at once, so another process start finds it. */
  synchronized void put(Key key, float[] vector) {
    if (vector.length != dimension) {
      throw new IllegalArgumentException("a " + dimension + "-dimensional cache got " + vector.length + " floats");
    }
    if (contains(key)) {
      return;
    }
    if (readOnly) {
      if (unwritten.isEmpty()) {
        LOG.warn("vector cache {} cannot be written ({}): new vectors are kept in memory only", file, whyReadOnly);
      }
      unwritten.put(key, vector.clone());
      return;
    }
    ByteBuffer record = ByteBuffer.allocate(recordBytes).putLong(key.high()).putLong(key.low())
        .order(ByteOrder.LITTLE_ENDIAN);
    for (float f : vector) {
      record.putFloat(f);
    }
    record.flip();
    try {
      long at = channel.size();
      while (record.hasRemaining()) {
        channel.write(record, at + record.position());
      }
      offsets.put(key, at + HASH_BYTES);
    } catch (IOException e) {
      readOnly = true;
      whyReadOnly = e.toString();
      put(key, vector);
    }
  }

  @Override
  public synchronized void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.warn("closing the vector cache {}: {}", file, e.toString());
      }
    }
  }
}
