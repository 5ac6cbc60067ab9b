package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The build's flat copy of smartcn's dictionary holds the very arrays smartcn reads, and is the one
 * in use. If this fails after a Lucene upgrade, the dictionary's private fields changed:
 * {@link CompiledDictionary} must follow them (start-up meanwhile loads the dictionary the slow way).
 */
class CompiledDictionaryTest {

  private static byte[] jarCopy() throws IOException {
    try (InputStream in = CompiledDictionary.class.getResourceAsStream(CompiledDictionary.RESOURCE)) {
      assertThat(in).as("the build writes " + CompiledDictionary.RESOURCE).isNotNull();
      return in.readAllBytes();
    }
  }

  private static void assertSame(CompiledDictionary.Tables actual, CompiledDictionary.Tables expected) {
    assertThat(actual.wordIndex()).isEqualTo(expected.wordIndex());
    assertThat(actual.charIndex()).isEqualTo(expected.charIndex());
    assertThat(Arrays.deepEquals(actual.words(), expected.words())).isTrue();
    assertThat(Arrays.deepEquals(actual.frequencies(), expected.frequencies())).isTrue();
  }

  @Test
  void theJarsCopyHoldsTheArraysSmartcnReads() throws Exception {
    CompiledDictionary.Tables lucene = CompiledDictionary.fromLucene();

    assertThat(lucene.words().length).isGreaterThan(6000);
    assertSame(CompiledDictionary.read(jarCopy()), lucene);
  }

  @Test
  void theCopyIsTheDictionaryInUse() throws Exception {
    Analyzers.tokens(Analyzers.words(), Analyzers.TEXT_WORDS, "可观测性");

    assertThat(CompiledDictionary.installOnce()).as("installed before smartcn loaded its own").isTrue();
    assertSame(CompiledDictionary.inUse(), CompiledDictionary.read(jarCopy()));
  }

  @Test
  void aDamagedCopyIsRefused() throws IOException {
    byte[] copy = jarCopy();

    assertThatThrownBy(() -> CompiledDictionary.read(Arrays.copyOf(copy, copy.length - 3))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> CompiledDictionary.read(Arrays.copyOf(copy, copy.length + 4))).isInstanceOf(IOException.class);
  }
}
