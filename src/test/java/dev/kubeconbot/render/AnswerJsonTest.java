package dev.kubeconbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.testing.Seeds;
import dev.kubeconbot.testing.TrendsCorpus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final AnswerEngine engine = Seeds.engine();

  @Test
  void jsonCarriesTheTrend() throws Exception {
    JsonNode json = JSON.readTree(AnswerJson.of(engine.answer("/trend wasm", Lang.EN)));
    JsonNode trend = json.get("trend");
    assertThat(trend).hasSize(4);
    assertThat(trend.get(3).fieldNames()).toIterable().containsExactly("event", "year", "region", "matches", "share");
    assertThat(trend.get(3).get("event").asText()).isEqualTo("KubeCon EU 2022");
    assertThat(trend.get(0).get("matches").asInt()).isZero();
    assertThat(JSON.readTree(AnswerJson.of(engine.answer("/topic wasm", Lang.EN))).has("trend")).isFalse();
  }

  @Test
  void trendsAddTheirSummaryTopicsSortedByChangeAndNames() throws Exception {
    JsonNode json = JSON.readTree(AnswerJson.of(TrendsCorpus.engine().answer("/trends", Lang.EN)));
    assertThat(json.get("command").asText()).isEqualTo("trends");
    assertThat(json.get("summary").asText()).startsWith("KubeCon EU 2022 (3 articles, 12 passages)");
    JsonNode topics = json.get("topics");
    assertThat(topics.get(0).fieldNames()).toIterable()
        .containsExactly("topic", "matches", "articles", "share", "before", "change", "status");
    assertThat(topics.get(0).get("topic").asText()).isEqualTo("WebAssembly");
    assertThat(topics.get(0).get("status").asText()).isEqualTo("new");
    assertThat(topics.get(0).get("share").asDouble()).isEqualTo(0.4167);
    List<Double> changes = new ArrayList<>();
    topics.forEach(t -> changes.add(t.get("change").asDouble()));
    assertThat(changes).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(topics).extracting(t -> t.get("status").asText()).contains("rising", "new", "fading", "steady");
    assertThat(json.get("words").get(0).get("word").asText()).isEqualTo("Kubeflux");
    assertThat(json.get("answers")).isNotEmpty();
    assertThat(json.has("trend")).isFalse();
    assertThat(JSON.readTree(AnswerJson.of(engine.answer("/topic wasm", Lang.EN))).has("topics")).isFalse();
  }

  @Test
  void aListingGivesEachArticleAsAnAnswerQuotingItsTitle() throws Exception {
    JsonNode json = JSON.readTree(AnswerJson.of(engine.answer("/sources", Lang.EN)));
    assertThat(json.get("answers")).hasSize(5).allSatisfy(item -> {
      assertThat(item.get("quote").asText()).isEqualTo(item.get("title").asText());
      assertThat(item.get("score").asDouble()).isEqualTo(1.0);
    });
    assertThat(json.has("message")).isFalse();
  }
}
