package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.testing.Answers;
import dev.kubeconbot.testing.Seeds;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrendCommandTest {

  private final AnswerEngine engine = Seeds.engine();

  private Map<Edition, Integer> matches(String query) {
    Trend trend = Answers.trend(engine.answer(query, Lang.EN));
    return trend.points().stream().collect(Collectors.toMap(Trend.Point::edition, Trend.Point::matches));
  }

  @Test
  void wasmIsDiscussedAtEu2021AndEu2022Only() {
    Map<Edition, Integer> wasm = matches("/trend wasm");
    assertThat(wasm.get(new Edition("EU", 2021))).isPositive();
    assertThat(wasm.get(new Edition("EU", 2022))).isPositive();
    assertThat(wasm.get(new Edition("EU", 2019))).isZero();
    assertThat(wasm.get(new Edition("NA", 2020))).isZero();
  }

  @Test
  void gitOpsBelongsToEu2021AndObservabilityToNa2020() {
    assertThat(matches("/trend GitOps").entrySet()).filteredOn(e -> e.getValue() > 0)
        .extracting(Map.Entry::getKey).containsExactly(new Edition("EU", 2021));
    assertThat(matches("/trend 可观测性").entrySet()).filteredOn(e -> e.getValue() > 0)
        .extracting(Map.Entry::getKey).containsExactly(new Edition("NA", 2020));
  }

  @Test
  void editionsComeInTimeOrderWithSharesAndOneQuotePerMentioningEdition() {
    Answer answer = engine.answer("/trend wasm", Lang.EN);
    assertThat(Answers.trend(answer).points()).extracting(Trend.Point::edition).containsExactly(
        new Edition("EU", 2019), new Edition("NA", 2020), new Edition("EU", 2021), new Edition("EU", 2022));
    assertThat(Answers.trend(answer).points()).allSatisfy(p -> {
      assertThat(p.passages()).isPositive();
      assertThat(p.share()).isEqualTo((double) p.matches() / p.passages());
      assertThat(p.best() == null).isEqualTo(p.matches() == 0);
    });
    assertThat(answer.quotes()).extracting(Quote::edition).containsExactly(new Edition("EU", 2021), new Edition("EU", 2022));
    assertThat(answer.quotes()).allSatisfy(q -> assertThat(q.text()).containsIgnoringCase("wasm"));
  }

  @Test
  void aTopicNobodyDiscussesHasNoTrendAndSaysSo() {
    Answer answer = engine.answer("/trend quantum computing", Lang.EN);
    assertThat(answer.content()).isInstanceOf(Answer.Message.class);
    assertThat(answer.quotes()).isEmpty();
    assertThat(answer.message()).contains("quantum computing");
  }

  @Test
  void takeawaysAndTopicsCarryAOneLineTrendHint() {
    assertThat(Answers.hint(engine.answer("/takeaways 2019", Lang.EN)))
        .startsWith("Also discussed at other editions:").contains("multi-cloud — NA 2020");
    assertThat(Answers.hint(engine.answer("/topic GitOps", Lang.EN))).contains("EU 2021 (");
  }
}
