package dev.kubeconbot.search;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * smartcn's core word dictionary, read from a flat copy the build makes of it instead of through
 * Java serialization. Lucene ships the dictionary as an {@code ObjectInputStream} of 400,000 small
 * arrays and reads it, unbuffered, through the jar's inflater: about a quarter of a second of one
 * core at every start, and more again of the JIT compiling the deserializer, which nothing else
 * needs. Here the same arrays come from two blocks, one of characters and one of numbers, read in
 * bulk: loading the dictionary in a fresh JVM takes 0.27 s of CPU instead of 0.95 s, and the bot is
 * ready about a fifth sooner with the Docker image's class cache.
 *
 * <p>Lucene offers no way in, so the arrays are put into a {@code WordDictionary} by reflection, as
 * its own loader would put them, and it becomes the instance {@code WordDictionary.getInstance()}
 * returns. That ties this class to four private fields of one Lucene version: if they are not there
 * (a Lucene upgrade renamed them), or the build's copy is missing or damaged, the dictionary loads
 * the usual way, with one line in the log, and {@code CompiledDictionaryTest} fails so that the
 * upgrade fixes it. The copy is made by the build from the very dictionary the jar then carries
 * ({@link Library#main} writes it in {@code process-classes}), and the test checks that every array
 * is equal to the one Lucene reads.
 */
final class CompiledDictionary {

  /** Where the build puts it, beside this class. */
  static final String RESOURCE = "smartcn-coredict.bin";
  private static final int FORMAT = 1;
  private static final String DICTIONARY = "org.apache.lucene.analysis.cn.smart.hhmm.WordDictionary";
  /** Marks a missing array where a length would be. */
  private static final int NONE = -1;
  /** {@code WordDictionary}'s fields: its single instance and the four arrays {@link Tables} holds. */
  private static final String INSTANCE = "singleInstance";
  private static final String WORD_INDEX = "wordIndexTable";
  private static final String CHAR_INDEX = "charIndexTable";
  private static final String WORDS = "wordItem_charArrayTable";
  private static final String FREQUENCIES = "wordItem_frequencyTable";

  /** The dictionary's arrays, as {@code WordDictionary} holds them. */
  record Tables(short[] wordIndex, char[] charIndex, char[][][] words, int[][] frequencies) {}

  private CompiledDictionary() {}

  /**
   * {@link #install} the first time it is called, in a thread-safe way; later calls return what it did.
   * {@link Analyzers#words} calls it before smartcn's first use.
   */
  static boolean installOnce() {
    return Once.INSTALLED;
  }

  /** Initialised, by the JVM's rules, once and by one thread. */
  private static final class Once {
    static final boolean INSTALLED = install();
  }

  /**
   * Makes the build's copy the dictionary smartcn uses, unless one is loaded already; otherwise (no
   * copy, or a Lucene whose dictionary is not laid out as this expects) leaves smartcn to load its own.
   *
   * @return whether the copy is now the dictionary
   */
  private static boolean install() {
    try (InputStream resource = CompiledDictionary.class.getResourceAsStream(RESOURCE)) {
      if (resource == null) {
        return false;
      }
      Tables tables = read(resource.readAllBytes());
      Class<?> type = Class.forName(DICTIONARY);
      // getInstance() is static synchronized: holding the class's lock, no other thread loads it meanwhile.
      synchronized (type) {
        Field instance = field(type, INSTANCE);
        if (instance.get(null) != null) {
          return false;
        }
        Object dictionary = newDictionary(type);
        field(type, WORD_INDEX).set(dictionary, tables.wordIndex());
        field(type, CHAR_INDEX).set(dictionary, tables.charIndex());
        field(type, WORDS).set(dictionary, tables.words());
        field(type, FREQUENCIES).set(dictionary, tables.frequencies());
        instance.set(null, dictionary);
        return true;
      }
    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
      // The logger only now: this runs first thing at start-up, before anything else has logged.
      LoggerFactory.getLogger(CompiledDictionary.class).info("smartcn's dictionary loads the slow way: its compiled copy cannot be used ({})", e.toString());
      return false;
    }
  }

  /** The arrays of the dictionary as smartcn's own loader reads them, into an instance of its own. */
  static Tables fromLucene() throws ReflectiveOperationException {
    Class<?> type = Class.forName(DICTIONARY);
    Object dictionary = newDictionary(type);
    Method load = type.getDeclaredMethod("load");
    load.setAccessible(true);
    load.invoke(dictionary);
    return tables(type, dictionary);
  }

  /** The arrays of the dictionary smartcn uses, loading it if nothing has yet. */
  static Tables inUse() throws ReflectiveOperationException {
    Class<?> type = Class.forName(DICTIONARY);
    Method getInstance = type.getDeclaredMethod("getInstance");
    getInstance.setAccessible(true);
    return tables(type, getInstance.invoke(null));
  }

  /** An empty {@code WordDictionary}, made as {@code getInstance()} makes one before it loads it. */
  private static Object newDictionary(Class<?> type) throws ReflectiveOperationException {
    Constructor<?> make = type.getDeclaredConstructor();
    make.setAccessible(true);
    return make.newInstance();
  }

  private static Tables tables(Class<?> type, Object dictionary) throws ReflectiveOperationException {
    return new Tables((short[]) field(type, WORD_INDEX).get(dictionary), (char[]) field(type, CHAR_INDEX).get(dictionary),
        (char[][][]) field(type, WORDS).get(dictionary), (int[][]) field(type, FREQUENCIES).get(dictionary));
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  /** Writes the flat copy of the dictionary smartcn loads to {@code out}. */
  static void write(Path out) throws IOException, ReflectiveOperationException {
    byte[] compiled = compile(fromLucene());
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, compiled);
  }

  /**
   * The flat form of {@code tables}: the two index tables, then every length (of each character's
   * word list, then of each word in it; {@link #NONE} for a missing one), then all the words'
   * characters end to end, then all their frequencies end to end.
   */
  static byte[] compile(Tables tables) throws IOException {
    List<Integer> lengths = new ArrayList<>();
    StringBuilder chars = new StringBuilder();
    List<Integer> frequencies = new ArrayList<>();
    for (int i = 0; i < tables.words().length; i++) {
      char[][] words = tables.words()[i];
      int[] counts = tables.frequencies()[i];
      lengths.add(words == null ? NONE : words.length);
      lengths.add(counts == null ? NONE : counts.length);
      if (words != null) {
        for (char[] word : words) {
          lengths.add(word == null ? NONE : word.length);
          if (word != null) {
            chars.append(word);
          }
        }
      }
      if (counts != null) {
        for (int count : counts) {
          frequencies.add(count);
        }
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      FlatArrays.writeShorts(out, tables.wordIndex());
      FlatArrays.writeChars(out, new String(tables.charIndex()));
      out.writeInt(tables.words().length);
      FlatArrays.writeInts(out, lengths);
      FlatArrays.writeChars(out, chars);
      FlatArrays.writeInts(out, frequencies);
    }
    return bytes.toByteArray();
  }

  /**
   * The arrays {@link #compile} wrote.
   *
   * @throws IOException if {@code compiled} is of another format, cut short or longer than it says
   */
  static Tables read(byte[] compiled) throws IOException {
    try {
      ByteBuffer in = ByteBuffer.wrap(compiled);
      if (in.getInt() != FORMAT) {
        throw new IOException("another format");
      }
      short[] wordIndex = FlatArrays.shorts(in);
      char[] charIndex = FlatArrays.chars(in);
      int entries = in.getInt();
      int[] lengths = FlatArrays.ints(in);
      char[] chars = FlatArrays.chars(in);
      int[] counts = FlatArrays.ints(in);
      if (in.hasRemaining()) {
        throw new IOException("bytes left after the dictionary");
      }
      char[][][] words = new char[entries][][];
      int[][] frequencies = new int[entries][];
      int length = 0;
      int charAt = 0;
      int countAt = 0;
      for (int i = 0; i < entries; i++) {
        int wordCount = lengths[length++];
        int countCount = lengths[length++];
        if (wordCount != NONE) {
          char[][] list = new char[wordCount][];
          for (int w = 0; w < wordCount; w++) {
            int size = lengths[length++];
            if (size != NONE) {
              list[w] = Arrays.copyOfRange(chars, charAt, charAt + size);
              charAt += size;
            }
          }
          words[i] = list;
        }
        if (countCount != NONE) {
          frequencies[i] = Arrays.copyOfRange(counts, countAt, countAt + countCount);
          countAt += countCount;
        }
      }
      if (length != lengths.length || charAt != chars.length || countAt != counts.length) {
        throw new IOException("the dictionary's parts do not add up");
      }
      return new Tables(wordIndex, charIndex, words, frequencies);
    } catch (BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new IOException("the compiled dictionary is cut short or damaged", e);
    }
  }
}
