package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubeconbot.testing.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LexiconLinesTest {

  private static final ObjectMapper YAML =
      YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** What YAML reads: the meaning {@link LexiconLines} must give the file too. */
  private static Map<String, List<String>> yaml(String text) throws IOException {
    return YAML.readValue(text, Lexicon.File.class).entries();
  }

  @Test
  void theBundledLexiconIsReadWithoutTheYamlParserToTheSameEntriesInTheSameOrder() throws IOException {
    String text = Files.readString(Seeds.CONFIG.resolve("lexicon.yaml"));
    Optional<Map<String, List<String>>> lines = LexiconLines.entries(text);
    assertThat(lines).isPresent();
    assertThat(List.copyOf(lines.get().entrySet())).isEqualTo(List.copyOf(yaml(text).entrySet()));
  }

  @Test
  void oneLineEntriesWithCommentsQuotedKeysAndALaterDuplicateReadAsYamlDoes() throws IOException {
    String text = """
        # words
        version: 1
        entries:   # the map
          developer: [开发者, 开发人员]   # people
          "q&a": [问答]

          # a comment line
          scale to zero: [缩容到零 ,扩容]
          developer: [開發者]
        """;
    assertThat(LexiconLines.entries(text)).contains(yaml(text));
    assertThat(LexiconLines.entries(text.replace("\n", "\r\n"))).contains(yaml(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "entries:\n  yes: [是]\n", // a plain key YAML 1.1 may read as a boolean
      "entries:\n  word: [null]\n", // null, not the text
      "entries:\n  word: [0x10]\n", // a number, 16
      "entries:\n  word: [2019-04-01]\n", // a date
      "entries:\n  12: [十二]\n", // a number as the key
      "entries:\n  word: [\"引号\"]\n", // a quoted rendering
      "entries:\n  \"a\\tb\": [制表]\n", // an escape
      "entries:\n  word: [一,\n    二]\n", // a list over two lines
      "entries:\n  word:\n    - 一\n", // a block list
      "entries:\n  word: [一]\n   other: [二]\n", // another indentation
      "entries:\n\tword: [一]\n", // a tab
      "entries:\n  word: [一, , 二]\n", // an empty item
      "entries: {word: [一]}\n", // a flow map
      "---\nentries:\n  word: [一]\n", // a document marker
      "other: 1\nentries:\n  word: [一]\n", // another top-level key
      "  word: [一]\n", // an entry outside 'entries'
      "version: 1\nentries:\n", // no entries at all
      "entries:\n  word: [一] trailing\n", // text after the list
      "entries:\n  word: [一]#x\n", // a '#' that is not a comment
  })
  void anythingElseIsLeftToTheYamlParser(String text) {
    assertThat(LexiconLines.entries(text)).isEmpty();
  }

  @Test
  void aFileLeftToYamlStillReadsAsAlways() throws IOException {
    Lexicon lexicon = Lexicon.read(new java.io.ByteArrayInputStream("""
        entries:
          developer:
            - 开发者
          deploy: [部署,
            上线]
        """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(lexicon.chinese("developers")).containsExactly("开发者");
    assertThat(lexicon.chinese("deploy")).containsExactly("部署", "上线");
  }
}
