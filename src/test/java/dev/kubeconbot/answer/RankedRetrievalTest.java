package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.testing.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heading inheritance, answering sentence first and trailing boilerplate, on two small test articles. */
class RankedRetrievalTest {

  @TempDir
  static Path dir;
  private static AnswerEngine engine;

  @BeforeAll
  static void load() throws IOException, ContentException {
    Files.writeString(dir.resolve("2019-eu-notes.md"), """
        ---
        title: Barcelona notes
        event: KubeCon EU 2019
        source: https://example.com/barcelona-notes
        ---
        # Barcelona notes

        ## 1. eBPF is going to have a massive impact

        It lets small programs run inside the kernel, and several talks showed it replacing iptables rules.

        ## 2. Storage is still hard

        Stateful workloads were the most common complaint at the booths. Backups came up in every
        conversation. Velero was the tool most teams named for restoring a whole namespace.
        Click here to read the full discussion.
        """);
    Files.writeString(dir.resolve("2020-na-notes.md"), """
        ---
        title: Virtual notes
        event: KubeCon NA 2020
        source: https://example.com/virtual-notes
        ---
        The event was online. Attendance was high and the chat was busy. Operators and GitOps were popular topics.
        """);
    Corpus corpus = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES).load(List.of(dir));
    engine = new AnswerEngine(CommandRegistry.standard(),
        Library.of(corpus, Seeds.glossary(), Seeds.lexicon(), Seeds.shortForms(), Seeds.calendar()));
  }

  @Test
  void aPassageInheritsItsHeadingsWords() {
    for (String query : List.of("/topic ebpf", "What was said about eBPF?")) {
      List<Quote> quotes = engine.answer(query, null).quotes();
      assertThat(quotes).as(query).isNotEmpty();
      assertThat(quotes.getFirst().text()).as(query).startsWith("It lets small programs");
      assertThat(quotes.getFirst().section()).contains("eBPF");
    }
  }

  @Test
  void theAnsweringSentenceLeadsAndTrailingBoilerplateIsDropped() {
    Quote quote = engine.answer("which tool restores a namespace?", null).quotes().getFirst();
    assertThat(quote.text()).startsWith("…Velero was the tool").endsWith("namespace.…");
    assertThat(quote.text()).doesNotContain("Click here");
    Quote first = engine.answer("stateful workloads complaints", null).quotes().getFirst();
    assertThat(first.text()).startsWith("Stateful workloads");
  }

  @Test
  void everyWordIsOptionalButTheBestPassageHasMostOfThem() {
    List<Quote> quotes = engine.answer("were operators and gitops popular online?", null).quotes();
    assertThat(quotes).isNotEmpty();
    assertThat(quotes.getFirst().title()).isEqualTo("Virtual notes");
  }

  @Test
  void aWordFoundNowhereIsNamedButScaffoldingNever() {
    Answer answer = engine.answer("Is Velero mentioned for restoring backups of a whole namespace in zanzibar?", null);
    assertThat(answer.quotes()).isNotEmpty();
    assertThat(answer.message()).contains("“zanzibar”").doesNotContain("mentioned", "“Is”");
    Answer nothing = engine.answer("Is blockchain mentioned?", null);
    assertThat(nothing.quotes()).isEmpty();
    assertThat(nothing.message()).contains("Try a topic").doesNotContain("“mentioned”");
  }
}
