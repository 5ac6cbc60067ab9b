package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Question words the passages do not have as written: typos corrected against the words they use
 * (real words left alone), and phrase translations found as their words apart.
 */
class QueryWordRepairTest {

  @TempDir
  static Path dir;
  private static Library library;

  @BeforeAll
  static void load() throws IOException {
    Files.writeString(dir.resolve("2023-eu-notes.md"), """
        ---
        title: Amsterdam notes
        event: KubeCon EU 2023
        ---
        Teams described running Kubernetes without pods for control planes. Dynamic allocation of
        devices was announced, and the plane home started at the hotel. 平台团队讨论了资源分配。
        """);
    Files.writeString(dir.resolve("2025-eu-notes.md"), """
        ---
        title: London notes
        event: KubeCon EU 2025
        ---
        European attendees cared about energy more than others did, since electricity prices are higher
        on their side of the Atlantic and the bills arrive every month for every cluster they run.

        The keynotes opened with a short history of the project: the first public commit was made in
        June 2014, and the foundation that hosts it was founded a year later in San Francisco.

        Energy consumption of clusters was measured by the sustainability group, which presented its
        guidance for reporting the carbon footprint of workloads to the people who pay for them.
        """);
    library = Seeds.load(dir);
  }

  @Test
  void aMistypedWordBecomesTheWordThePassagesUseWeighingLess() {
    Concept corrected = library.respelled(Concept.word("wihtout"));
    assertThat(corrected.variants()).containsExactly("without");
    assertThat(corrected.weight()).isLessThan(1f);
    assertThat(library.mayContain(corrected)).isTrue();
    assertThat(library.respelled(Concept.word("alocation")).variants()).containsExactly("alloc");
    assertThat(library.respelled(Concept.word("anounced")).variants()).containsExactly("announc");
  }

  @Test
  void realWordsTheArticlesDoNotUseStayAsWritten() {
    // One letter put for another, a different last letter, or a short word: another word, not a typo.
    for (String word : List.of("planet", "staring", "tired", "hole", "france")) {
      assertThat(library.respelled(Concept.word(word)).label()).as(word).isEqualTo(word);
    }
    // A word the passages have is never corrected, and a misspelt glossary topic becomes the topic.
    Concept pods = Concept.word("pods");
    assertThat(library.respelled(pods)).isSameAs(pods);
    assertThat(library.respelled(Concept.word("obsevability")).topic()).isNotNull();
  }

  @Test
  void slipsAreLettersLeftOutAddedOrSwapped() {
    assertThat(Vocabulary.isSlipOf("without", "wihtout", 1)).isTrue();
    assertThat(Vocabulary.isSlipOf("alloc", "aloc", 1)).isTrue();
    assertThat(Vocabulary.isSlipOf("time", "tire", 1)).isFalse();
    assertThat(Vocabulary.isSlipOf("plane", "planet", 1)).isFalse();
    assertThat(Vocabulary.isSlipOf("observability", "obsevabilty", 2)).isTrue();
  }

  @Test
  void thePhraseFirstThenItsWordsApart() {
    List<SearchHit> hits = library.search(library.plan("能耗"), Match.RANKED, null, 5);
    assertThat(hits).extracting(h -> h.passage().text()).hasSize(2);
    // The exact phrase weighs more than its words found apart.
    assertThat(hits.getFirst().passage().text()).startsWith("Energy consumption");
    assertThat(hits.get(1).passage().text()).startsWith("European attendees");
  }

  @Test
  void aWordFoundOnlyApartStillCountsAsPresent() {
    Concept firstTime = library.plan("第一次").concepts().getFirst();
    assertThat(firstTime.translations()).contains("first time");
    assertThat(library.mayContain(firstTime)).isTrue();
    assertThat(library.search(library.plan("第一次 提交"), Match.RANKED, null, 5))
        .extracting(h -> h.passage().text()).first().asString().contains("first public commit");
  }
}
