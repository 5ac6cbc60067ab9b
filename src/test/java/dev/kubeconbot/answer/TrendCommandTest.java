package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.testing.Seeds;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrendCommandTest {

  private final AnswerEngine engine = Seeds.engine();

  private Map<Edition, Integer> matches(String query) {
    Trend trend = engine.answer(query, Lang.EN).trend();
    assertThat(trend).isNotNull();
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
    assertThat(answer.trend().points()).extracting(Trend.Point::edition).containsExactly(
        new Edition("EU", 2019), new Edition("NA", 2020), new Edition("EU", 2021), new Edition("EU", 2022));
    assertThat(answer.trend().points()).allSatisfy(p -> {
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
    assertThat(answer.trend()).isNull();
    assertThat(answer.quotes()).isEmpty();
    assertThat(answer.message()).contains("quantum computing");
  }

  @Test
  void jsonCarriesTheTrend() throws Exception {
    JsonNode json = new ObjectMapper().readTree(AnswerJson.of(engine.answer("/trend wasm", Lang.EN)));
    JsonNode trend = json.get("trend");
    assertThat(trend).hasSize(4);
    assertThat(trend.get(3).fieldNames()).toIterable().containsExactly("event", "year", "region", "matches", "share");
    assertThat(trend.get(3).get("event").asText()).isEqualTo("KubeCon EU 2022");
    assertThat(trend.get(0).get("matches").asInt()).isZero();
    assertThat(new ObjectMapper().readTree(AnswerJson.of(engine.answer("/topic wasm", Lang.EN))).has("trend")).isFalse();
  }

  @Test
  void takeawaysAndTopicsCarryAOneLineTrendHint() {
    assertThat(engine.answer("/takeaways 2019", Lang.EN).hint())
        .startsWith("Also discussed at other editions:").contains("multi-cloud — NA 2020");
    assertThat(engine.answer("/topic GitOps", Lang.EN).hint()).contains("EU 2021 (");
  }
}
