package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.testing.Answers;
import dev.kubeconbot.testing.Seeds;
import dev.kubeconbot.testing.TrendsCorpus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrendsCommandTest {

  private final AnswerEngine corpus = TrendsCorpus.engine();
  private final AnswerEngine seeds = Seeds.engine();

  private static Map<String, Trends.Status> statuses(Trends trends) {
    return trends.topics().stream().collect(Collectors.toMap(Trends.TopicShift::topic, Trends.TopicShift::status));
  }

  private static Trends.TopicShift topic(Trends trends, String name) {
    return trends.topics().stream().filter(t -> t.topic().startsWith(name)).findFirst().orElseThrow();
  }

  @Test
  void withoutAnEditionTheLatestIsComparedWithAllBefore() {
    Trends trends = Answers.trends(corpus.answer("/trends", Lang.EN));
    assertThat(trends.selection()).isEqualTo(new Edition("EU", 2022));
    assertThat(trends.against()).isNull();
    assertThat(trends.selected()).isEqualTo(new Trends.Sample(1, 3, 12));
    assertThat(trends.baseline().editions()).isEqualTo(3);
    assertThat(trends.baseline().articles()).isEqualTo(6);
  }

  @Test
  void aTopicOnlyInTheLatestEditionIsNewAndOneThatWasFrequentAndDisappearsIsFading() {
    Trends trends = Answers.trends(corpus.answer("/trends", Lang.EN));
    assertThat(topic(trends, "WebAssembly").status()).isEqualTo(Trends.Status.NEW);
    assertThat(topic(trends, "platform engineering").status()).isEqualTo(Trends.Status.NEW);
    Trends.TopicShift mesh = topic(trends, "service mesh");
    assertThat(mesh.status()).isEqualTo(Trends.Status.FADING);
    assertThat(mesh.matches()).isZero();
    assertThat(mesh.beforeMatches()).isGreaterThanOrEqualTo(6);
    // Sorted by change, largest rise first; every figure consistent with its counts.
    assertThat(trends.topics()).isSortedAccordingTo((a, b) -> Double.compare(b.change(), a.change()));
    assertThat(trends.topics()).allSatisfy(t -> {
      assertThat(t.share()).isEqualTo((double) t.matches() / trends.selected().passages());
      assertThat(t.before()).isEqualTo((double) t.beforeMatches() / trends.baseline().passages());
      assertThat(t.articles()).isBetween(t.matches() == 0 ? 0 : 1, t.matches());
    });
  }

  @Test
  void aSinglePassageIsNeverATrend() {
    for (AnswerEngine engine : List.of(corpus, seeds)) {
      for (String query : List.of("/trends", "/trends EU 2021", "/trends NA 2020", "/trends 2022 vs 2019")) {
        Trends trends = Answers.trends(engine.answer(query, Lang.EN));
        assertThat(trends.topics()).as(query)
            .filteredOn(t -> t.status() == Trends.Status.RISING || t.status() == Trends.Status.NEW)
            .allSatisfy(t -> assertThat(t.matches()).isGreaterThanOrEqualTo(TrendsCommand.MIN_PASSAGES));
        assertThat(trends.topics()).as(query).filteredOn(t -> t.status() == Trends.Status.FADING)
            .allSatisfy(t -> assertThat(t.beforeMatches()).isGreaterThanOrEqualTo(TrendsCommand.MIN_PASSAGES));
      }
    }
  }

  @Test
  void aMadeUpProjectNameRepeatedInOneEditionSurfacesAsAName() {
    Answer answer = corpus.answer("/trends", Lang.EN);
    Trends trends = Answers.trends(answer);
    assertThat(trends.words()).extracting(Trends.WordShift::word).containsExactly("Kubeflux");
    Trends.WordShift kubeflux = trends.words().getFirst();
    assertThat(kubeflux.matches()).isEqualTo(3);
    assertThat(kubeflux.articles()).isEqualTo(3);
    assertThat(kubeflux.beforeMatches()).isZero();
    assertThat(Answers.content(answer, Answer.EditionTrends.class).highlights())
        .filteredOn(h -> h.label().equals("Kubeflux"))
        .singleElement()
        .satisfies(h -> assertThat(h.quote().text()).contains("Kubeflux"));
    // Ordinary words used more often are not names: none on the seeds, whose Chinese articles repeat many.
    for (String query : List.of("/trends", "/trends EU 2021", "/trends 2020")) {
      assertThat(Answers.trends(seeds.answer(query, Lang.EN)).words()).as(query).isEmpty();
    }
  }

  @Test
  void risingAndNewTopicsAreQuotedVerbatimFromDifferentArticlesWherePossible() {
    Answer.EditionTrends content = Answers.content(corpus.answer("/trends", Lang.EN), Answer.EditionTrends.class);
    List<Trends.Highlight> topics = content.highlights().stream()
        .filter(h -> h.status() == Trends.Status.RISING || h.status() == Trends.Status.NEW)
        .filter(h -> !h.label().equals("Kubeflux"))
        .toList();
    assertThat(topics).extracting(Trends.Highlight::label)
        .contains("WebAssembly", "platform engineering · 平台工程");
    assertThat(topics.stream().map(h -> h.quote().title()).distinct().count()).isEqualTo(3); // all three articles
    assertThat(content.highlights()).allSatisfy(h -> {
      assertThat(h.quote().edition()).isEqualTo(new Edition("EU", 2022));
      assertThat(TrendsCorpus.library().corpus().passages()).anyMatch(p -> p.text().equals(h.quote().text()));
    });
    assertThat(content.summary()).startsWith("KubeCon EU 2022 (3 articles, 12 passages) against the 3 editions before it")
        .contains("New — WebAssembly (5 of 12 passages, 42 %; 0 % before)", "Fading — service mesh", "Kubeflux");
  }

  @Test
  void vsComparesWithOneNamedEdition() {
    Trends trends = Answers.trends(corpus.answer("/trends EU 2022 vs EU 2019", Lang.EN));
    assertThat(trends.against()).isEqualTo(new Edition("EU", 2019));
    assertThat(trends.baseline()).isEqualTo(new Trends.Sample(1, 2, 8));
    assertThat(statuses(trends)).containsEntry("service mesh · 服务网格", Trends.Status.FADING);
    Answer slash = corpus.answer("trends", Map.of("edition", "2022", "vs", "2019"), "/trends 2022 vs 2019", Lang.EN);
    assertThat(Answers.content(slash, Answer.EditionTrends.class).summary())
        .startsWith("KubeCon 2022 (3 articles, 12 passages) against KubeCon 2019 (2 articles, 8 passages).");
  }

  @Test
  void theFirstEditionHasNothingToCompareWith() {
    Answer answer = corpus.answer("/trends 2019", Lang.EN);
    Trends trends = Answers.trends(answer);
    assertThat(trends.topics()).allSatisfy(t -> assertThat(t.status()).isEqualTo(Trends.Status.STEADY));
    assertThat(Answers.content(answer, Answer.EditionTrends.class).summary())
        .contains("is the first edition with articles", "Most discussed: service mesh");
  }

  @Test
  void anEditionWithOneArticleSaysSo() {
    Answer answer = seeds.answer("/trends EU 2022", Lang.EN);
    assertThat(Answers.trends(answer).selected().articles()).isEqualTo(1);
    assertThat(Answers.content(answer, Answer.EditionTrends.class).summary())
        .contains("Only one article covers KubeCon EU 2022: this is what that article stresses, not a trend");
    assertThat(Answers.content(seeds.answer("/trends EU 2021", Lang.EN), Answer.EditionTrends.class).summary())
        .doesNotContain("Only one article");
  }

  @Test
  void theSeedsLatestEditionIsEu2022WithWasmRising() {
    Trends trends = Answers.trends(seeds.answer("/trends", Lang.EN));
    assertThat(trends.selection()).isEqualTo(new Edition("EU", 2022));
    assertThat(topic(trends, "WebAssembly").status()).isEqualTo(Trends.Status.RISING);
    assertThat(statuses(Answers.trends(seeds.answer("/trends EU 2021", Lang.EN)))).containsEntry("GitOps", Trends.Status.NEW);
  }

  @Test
  void unknownOrEmptyEditionsGetAMessage() {
    assertThat(corpus.answer("/trends Atlantis", Lang.EN).message()).contains("“Atlantis”", "EU 2019", "EU 2022");
    assertThat(corpus.answer("/trends 2017", Lang.EN).message()).contains("KubeCon 2017", "EU 2019");
    assertThat(corpus.answer("/trends 2022 vs 2030", Lang.EN).message()).contains("KubeCon 2030");
  }

  @Test
  void wordsAfterTheCommandNameTheEditionAndWhatItIsComparedWith() {
    TrendsCommand command = new TrendsCommand();
    assertThat(command.parseWords("2024")).isEqualTo(Map.of("edition", "2024"));
    assertThat(command.parseWords("EU 2021 vs 2019")).isEqualTo(Map.of("edition", "EU 2021", "vs", "2019"));
    assertThat(command.parseWords("EU 2021 vs. NA 2019")).isEqualTo(Map.of("edition", "EU 2021", "vs", "NA 2019"));
    assertThat(command.parseWords("2022 对比 2019")).isEqualTo(Map.of("edition", "2022", "vs", "2019"));
    assertThat(command.parseWords("")).isEmpty();
  }

  @Test
  void chineseMessagesAndTheChineseCommandName() {
    Answer answer = corpus.answer("热点 2022", null);
    assertThat(answer.command()).isEqualTo("trends");
    assertThat(answer.title()).isEqualTo("KubeCon 2022 的热点");
    assertThat(Answers.content(answer, Answer.EditionTrends.class).summary())
        .contains("对比之前的 3 届", "新出现 — WebAssembly（12 个段落中有 5 个，42%；之前 0%）");
    assertThat(corpus.answer("熱點 2022", Lang.ZH_TW).title()).isEqualTo("KubeCon 2022 的熱點");
  }

  @Test
  void autocompleteOffersYearsAndEditionsNewestFirst() {
    List<String> values = corpus.complete("trends", "edition", "").stream().map(Choice::value).toList();
    assertThat(values).containsExactly("2022", "EU 2022", "2021", "EU 2021", "2020", "NA 2020", "2019", "EU 2019");
    assertThat(corpus.complete("trends", "vs", "na").stream().map(Choice::value)).containsExactly("NA 2020");
  }

  @Test
  void logLikelihoodIsZeroForEqualSharesAndGrowsWithTheDifference() {
    assertThat(TrendsCommand.logLikelihood(5, 50, 10, 100)).isZero();
    assertThat(TrendsCommand.logLikelihood(3, 12, 0, 24)).isGreaterThan(TrendsCommand.logLikelihood(3, 12, 1, 24));
  }
}
