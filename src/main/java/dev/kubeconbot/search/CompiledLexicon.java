package dev.kubeconbot.search;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled lexicon, analysed by the build: the file's bytes, then each headword with its
 * renderings and its keys under each reduction ({@link Lexicon.Headword}). A start whose
 * {@code lexicon.yaml} is byte for byte the bundled one takes the headwords from here, instead of
 * parsing 4,000 lines and analysing every headword three ways, work a cold JVM does mostly in the
 * interpreter: reading the lexicon took 0.46 s of a thread's CPU at start-up, 0.11–0.14 s this way. Any other lexicon (an edited
 * copy, an older or newer one) is parsed and analysed as it always was, so this changes no lookup:
 * {@code CompiledLexiconTest} checks both ways give the same headwords.
 *
 * <p>Laid out for a cold JVM, which interprets every loop it runs: the ~30,000 distinct words are
 * one block of characters cut at stored ends, and the headwords are one block of numbers (string
 * indexes), each block read in bulk rather than field by field.
 *
 * <p>Written by {@link Library#main} in the build's {@code process-classes} phase (pom.xml), with the
 * very analyzers the jar then runs, so there is no version to keep in step.
 */
final class CompiledLexicon {

  /** Where the build puts it, beside this class. */
  static final String RESOURCE = "lexicon-compiled.bin";
  /** Bumped whenever what is written changes. */
  private static final int FORMAT = 4;
  private static final int KEYS = Analyzers.Reduction.values().length;

  private CompiledLexicon() {}

  /** The analysed headwords of the lexicon file {@code yaml}, if it is the one this jar was built with. */
  static Optional<List<Lexicon.Headword>> of(byte[] yaml) {
    try (InputStream resource = CompiledLexicon.class.getResourceAsStream(RESOURCE)) {
      // Missing when the classes were built without the build's process-classes step (an IDE, say).
      return resource == null ? Optional.empty() : read(resource.readAllBytes(), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("the jar's compiled lexicon cannot be read", e);
    }
  }

  /**
   * The headwords {@code compiled} holds, if it was compiled from {@code yaml}.
   *
   * @throws IOException if it is cut short or longer than what it says it holds
   */
  static Optional<List<Lexicon.Headword>> read(byte[] compiled, byte[] yaml) throws IOException {
    try {
      ByteBuffer in = ByteBuffer.wrap(compiled);
      if (in.getInt() != FORMAT) {
        return Optional.empty();
      }
      int sourceLength = in.getInt();
      if (sourceLength != yaml.length
          || !Arrays.equals(compiled, in.position(), in.position() + sourceLength, yaml, 0, yaml.length)) {
        return Optional.empty();
      }
      in.position(in.position() + sourceLength);
      String[] strings = strings(in);
      int[] numbers = FlatArrays.ints(in);
      if (in.hasRemaining()) {
        throw new IOException("bytes left after the compiled lexicon");
      }
      List<Lexicon.Headword> headwords = new ArrayList<>();
      for (int at = 0; at < numbers.length; ) {
        String headword = strings[numbers[at++]];
        String[] chinese = new String[numbers[at++]];
        for (int i = 0; i < chinese.length; i++) {
          chinese[i] = strings[numbers[at++]];
        }
        String[] keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
          keys[i] = strings[numbers[at++]];
        }
        headwords.add(new Lexicon.Headword(headword, List.of(chinese), List.of(keys)));
      }
      return Optional.of(headwords);
    } catch (BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new IOException("the compiled lexicon is cut short or damaged", e);
    }
  }

  /** Parses and analyses the lexicon file {@code yaml} and writes its compiled form to {@code out}. */
  static void write(Path yaml, Path out) throws IOException {
    byte[] compiled = compile(Files.readAllBytes(yaml));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, compiled);
  }

  /**
   * The compiled form of the lexicon file {@code source}.
   *
   * @throws IOException if it is not a lexicon ({@link Lexicon#entries})
   */
  static byte[] compile(byte[] source) throws IOException {
    Map<String, Integer> strings = new LinkedHashMap<>();
    List<Integer> numbers = new ArrayList<>();
    for (Lexicon.Headword headword : Lexicon.analyse(Lexicon.entries(source))) {
      numbers.add(index(strings, headword.headword()));
      numbers.add(headword.chinese().size());
      headword.chinese().forEach(chinese -> numbers.add(index(strings, chinese)));
      headword.keys().forEach(key -> numbers.add(index(strings, key)));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeInt(source.length);
      out.write(source);
      List<Integer> ends = new ArrayList<>(strings.size());
      StringBuilder chars = new StringBuilder();
      for (String string : strings.keySet()) {
        chars.append(string);
        ends.add(chars.length());
      }
      FlatArrays.writeInts(out, ends);
      FlatArrays.writeChars(out, chars);
      FlatArrays.writeInts(out, numbers);
    }
    return bytes.toByteArray();
  }

  private static int index(Map<String, Integer> strings, String string) {
    return strings.computeIfAbsent(string, s -> strings.size());
  }

  /** The strings' ends, then their characters end to end. */
  private static String[] strings(ByteBuffer in) throws IOException {
    int[] ends = FlatArrays.ints(in);
    String all = new String(FlatArrays.chars(in));
    if (ends.length > 0 && ends[ends.length - 1] != all.length()) {
      throw new IOException("the compiled lexicon's strings do not add up");
    }
    String[] strings = new String[ends.length];
    for (int i = 0, start = 0; i < ends.length; start = ends[i++]) {
      strings[i] = all.substring(start, ends[i]);
    }
    return strings;
  }
}
