package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompiledLexiconTest {

  private static final Path BUNDLED = Path.of("config", "lexicon.yaml");

  @Test
  void theJarCarriesTheBundledLexiconAnalysedAsAStartWouldAnalyseIt() throws IOException {
    byte[] yaml = Files.readAllBytes(BUNDLED);

    List<Lexicon.Headword> compiled = CompiledLexicon.of(yaml).orElseThrow();

    assertThat(compiled).hasSizeGreaterThan(3000).isEqualTo(Lexicon.analyse(Lexicon.entries(yaml)));
    // Not only plain words: headwords with hyphens and plurals are analysed, not split.
    assertThat(compiled).anySatisfy(h -> assertThat(h.headword()).contains("-"));
  }

  @Test
  void aLexiconOtherThanTheBundledOneIsAnalysedAtLoad() throws IOException {
    byte[] yaml = Files.readAllBytes(BUNDLED);
    byte[] edited = (new String(yaml, StandardCharsets.UTF_8) + "  brand new word: [全新词]\n").getBytes(StandardCharsets.UTF_8);

    assertThat(CompiledLexicon.of(edited)).isEmpty();
    assertThat(CompiledLexicon.of(Arrays.copyOf(yaml, yaml.length - 1))).isEmpty();
    Lexicon lexicon = Lexicon.read(new java.io.ByteArrayInputStream(edited));
    assertThat(lexicon.chinese("brand new words")).containsExactly("全新词");
    assertThat(lexicon.size()).isEqualTo(Lexicon.read(Files.newInputStream(BUNDLED)).size() + 1);
  }

  @Test
  void whatIsCompiledReadsBackAsTheSameHeadwords() throws IOException {
    byte[] yaml = """
        version: 1
        entries:
          developer: [开发者, 開發者]
          organizations: [组织]
          cloud-native: [云原生]
          scale to zero: [缩容到零]
        """.getBytes(StandardCharsets.UTF_8);

    byte[] compiled = CompiledLexicon.compile(yaml);

    assertThat(CompiledLexicon.read(compiled, yaml)).contains(Lexicon.analyse(Lexicon.entries(yaml)));
    assertThat(CompiledLexicon.read(compiled, "version: 1\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }
}
