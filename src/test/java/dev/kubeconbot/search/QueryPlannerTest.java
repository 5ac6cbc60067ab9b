package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.Seeds;
import org.junit.jupiter.api.Test;

class QueryPlannerTest {

  private final QueryPlanner planner = new QueryPlanner(Seeds.glossary(), Seeds.lexicon(), word -> 1);

  @Test
  void aGlossaryTopicExpandsToAllItsNames() {
    QueryPlan plan = planner.plan("wasm");
    assertThat(plan.concepts()).hasSize(1);
    assertThat(plan.concepts().getFirst().variants()).contains("WebAssembly", "wasm", "WASI");
  }

  @Test
  void questionWordsAreDroppedInBothLanguages() {
    assertThat(planner.plan("What did KubeCon say about observability?").concepts())
        .extracting(Concept::label).containsExactly("observability · 可观测性");
    assertThat(planner.plan("关于可观测性有什么消息？").concepts())
        .extracting(Concept::label).containsExactly("observability · 可观测性", "消息");
  }

  @Test
  void plainWordsBecomeTheirOwnConcepts() {
    assertThat(planner.plan("Peloton 的健身应用").concepts()).extracting(Concept::label)
        .containsExactly("Peloton", "健身", "应用");
  }

  @Test
  void symbolSoupAndEmptyTextPlanNothing() {
    assertThat(planner.plan("AND ( \" *:* ~ ^ || {} [] -").isEmpty()).isTrue();
    assertThat(planner.plan("title:wasm^2").concepts()).extracting(Concept::label)
        .containsExactly("WebAssembly", "title", "2"); // query syntax is just text; topics come first
    assertThat(planner.plan("😀🎉").isEmpty()).isTrue();
    assertThat(planner.plan("").isEmpty()).isTrue();
    assertThat(planner.plan("what is the").isEmpty()).isTrue();
  }

  @Test
  void aHugeQuestionKeepsItsRarestWordsWithinLucenesClauseLimit() {
    StringBuilder text = new StringBuilder("wasm ");
    for (int i = 0; i < 600; i++) {
      text.append("word").append(i).append(' ');
    }
    // Each word is as common as its number, so the rarest are word0, word1, …
    QueryPlanner byNumber = new QueryPlanner(Seeds.glossary(), Seeds.lexicon(),
        word -> word.startsWith("word") ? Integer.parseInt(word.substring(4)) : 0);

    QueryPlan plan = byNumber.plan(text.toString());

    int clauses = plan.concepts().stream().mapToInt(c -> c.variants().size() * 2).sum();
    assertThat(clauses).isLessThanOrEqualTo(QueryPlanner.MAX_CLAUSES);
    assertThat(plan.concepts().getFirst().label()).isEqualTo("WebAssembly");
    assertThat(plan.concepts()).extracting(Concept::label).contains("word0", "word1", "word100")
        .doesNotContain("word599");
    // Kept in the user's order, not reordered by rarity.
    assertThat(plan.concepts().subList(1, plan.concepts().size()))
        .extracting(c -> Integer.parseInt(c.label().substring(4))).isSorted();
  }
}
