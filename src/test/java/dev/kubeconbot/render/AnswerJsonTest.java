package dev.kubeconbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.testing.Seeds;
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
  void aListingGivesEachArticleAsAnAnswerQuotingItsTitle() throws Exception {
    JsonNode json = JSON.readTree(AnswerJson.of(engine.answer("/sources", Lang.EN)));
    assertThat(json.get("answers")).hasSize(5).allSatisfy(item -> {
      assertThat(item.get("quote").asText()).isEqualTo(item.get("title").asText());
      assertThat(item.get("score").asDouble()).isEqualTo(1.0);
    });
    assertThat(json.has("message")).isFalse();
  }
}
