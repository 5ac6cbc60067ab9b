package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeconbot.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortFormsTest {

  private final ShortForms small = new ShortForms(Map.of("ppl", "people", "infra", "infrastructure", "couldn't", "could not"));

  @Test
  void wholeShortWordsAreWrittenOutInAnyCase() {
    assertThat(small.expand("How many PPL run infra?")).isEqualTo("How many people run infrastructure?");
    assertThat(small.expand("why couldn’t they")).isEqualTo("why could not they");
    // Only whole words: "apple" and "infrastructure" stay as they are.
    assertThat(small.expand("apple infrastructure 基础设施")).isEqualTo("apple infrastructure 基础设施");
  }

  @Test
  void aQuestionInShortFormsIsPlannedAsIfWrittenOut() {
    QueryPlanner planner = new QueryPlanner(Seeds.glossary(), Seeds.lexicon(), Seeds.shortForms(), word -> 1);
    assertThat(planner.plan("how do devs share infra configs").concepts()).extracting(Concept::label)
        .containsExactly("developers", "share", "infrastructure", "configurations");
    // Translated like the full words, so the Chinese articles are reached as well.
    assertThat(planner.plan("infra").concepts().getFirst().translations()).contains("基础设施");
  }

  @Test
  void theShippedListDoesNotShadowGlossaryNames() {
    Glossary glossary = Seeds.glossary();
    ShortForms shipped = Seeds.shortForms();
    assertThat(shipped.size()).isGreaterThan(50);
    for (Glossary.Topic topic : glossary.topics()) {
      for (String name : topic.names()) {
        // A glossary name written in a question must still name its topic ("on-prem" may become "on-premises").
        assertThat(glossary.mentions(shipped.expand(name))).as(name).extracting(Glossary.Mention::topic).contains(topic);
      }
    }
  }

  @Test
  void aShortFormWithoutFullFormIsRefused() {
    assertThatThrownBy(() -> ShortForms.read(new ByteArrayInputStream(
        "version: 1\nentries:\n  ppl: ''\n".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining("ppl");
  }

  @Test
  void britishAndAmericanSpellingsAreBothSearched() {
    assertThat(Spellings.of("organisations")).containsExactly("organisations", "organizations");
    assertThat(Spellings.of("optimize")).containsExactly("optimize", "optimise");
    assertThat(Spellings.of("analysed")).containsExactly("analysed", "analyzed");
    assertThat(Spellings.of("centre")).containsExactly("centre", "center");
    assertThat(Spellings.of("modelling")).containsExactly("modelling", "modeling");
    assertThat(Spellings.of("cluster")).containsExactly("cluster");
    assertThat(Spellings.of("rise")).containsExactly("rise");
  }
}
