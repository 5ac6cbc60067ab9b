package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.Seeds;
import org.junit.jupiter.api.Test;

class QueryPlannerTest {

  private final QueryPlanner planner = new QueryPlanner(Seeds.glossary(), Seeds.lexicon(), Seeds.shortForms(), word -> 1);

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
    QueryPlanner byNumber = new QueryPlanner(Seeds.glossary(), Seeds.lexicon(), Seeds.shortForms(),
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

  @Test
  void questionScaffoldingIsNeverAConcept() {
    assertThat(planner.plan("Is chaos engineering mentioned?").concepts()).extracting(Concept::label)
        .doesNotContain("mentioned", "Is").isNotEmpty();
    assertThat(planner.plan("tell me about Envoy, please").concepts()).extracting(Concept::label)
        .containsExactly("Envoy · 特使");
    assertThat(planner.plan("关于可观测性说了什么？").concepts()).extracting(Concept::label)
        .containsExactly("observability · 可观测性");
    assertThat(planner.plan("西雅图有多少人参加了吗").concepts()).extracting(Concept::label)
        .doesNotContain("多少", "有多少", "吗", "了吗");
  }

  @Test
  void chineseOpinionQuestionsKeepOnlyTheirTopic() {
    assertThat(planner.plan("大家对 GitOps 怎么看").concepts()).extracting(Concept::label)
        .containsExactly("GitOps");
    assertThat(planner.plan("服务网格还有必要吗").concepts()).extracting(Concept::label)
        .containsExactly("service mesh · 服务网格");
    assertThat(planner.plan("Is a service mesh still necessary?").concepts()).extracting(Concept::label)
        .containsExactly("service mesh · 服务网格");
    assertThat(planner.plan("Is Istio still relevant?").concepts()).extracting(Concept::label)
        .containsExactly("Istio");
  }

  /** "so", 这么, "like" and 有人 say how much, how or whether, never what: no passage need hold them, and none is named as missing. */
  @Test
  void wordsOfDegreeAndOfWhetherAreScaffolding() {
    assertThat(planner.plan("why is kubernetes so hard to use").concepts()).extracting(Concept::label)
        .doesNotContain("so").contains("hard", "use");
    assertThat(planner.plan("Kubernetes 为什么这么复杂").concepts()).extracting(Concept::label)
        .doesNotContain("这么").isNotEmpty();
    assertThat(planner.plan("休息室里有人吗").concepts()).extracting(Concept::label)
        .containsExactly("休息室");
    assertThat(planner.plan("why do teams like wasm").concepts()).extracting(Concept::label)
        .containsExactly("WebAssembly", "teams");
  }

  @Test
  void lexiconWordsCarryTheirTranslationsBothWays() {
    QueryPlan english = planner.plan("Why do companies run outdated Kubernetes versions?");
    assertThat(english.concepts()).extracting(Concept::label).contains("companies", "outdated", "versions");
    Concept outdated = english.concepts().stream().filter(c -> c.label().equals("outdated")).findFirst().orElseThrow();
    assertThat(outdated.variants()).containsExactly("outdated");
    assertThat(outdated.translations()).contains("过时");
    Concept future = planner.plan("未来会怎样").concepts().getFirst();
    assertThat(future.label()).isEqualTo("未来");
    assertThat(future.translations()).contains("future");
  }

  @Test
  void howManyQuestionsAskForAFigure() {
    assertThat(planner.plan("How many developers use Kubernetes?").asksHowMany()).isTrue();
    assertThat(planner.plan("有多少开发者使用 Kubernetes").asksHowMany()).isTrue();
    assertThat(planner.plan("Why do developers use Kubernetes?").asksHowMany()).isFalse();
  }

  /** A question for a purpose hints at how answers state one, and its frame ("used for", 有什么用) is no concept. */
  @Test
  void purposeQuestionsHintAtAGoalWithoutAskingForOne() {
    QueryPlan flux = planner.plan("what is Flux used for?");
    assertThat(flux.concepts()).extracting(Concept::label).containsExactly("Flux");
    assertThat(flux.hints()).containsExactly(QueryPlanner.PURPOSE);
    assertThat(planner.plan("WebAssembly 有什么用").concepts()).extracting(Concept::label).containsExactly("WebAssembly");
    assertThat(planner.plan("what is OpenTelemetry trying to do").hints()).containsExactly(QueryPlanner.PURPOSE);
    assertThat(planner.plan("Flux 是做什么的").hints()).containsExactly(QueryPlanner.PURPOSE);
    assertThat(planner.plan("who uses Flux for GitOps").hints()).isEmpty();
    assertThat(planner.plan("WebAssembly 的未来").hints()).isEmpty();
    assertThat(QueryPlanner.PURPOSE.weight()).isLessThan(1f);
  }

  /** A date is a figure: "when" that opens a question, "what year", 什么时候 and 哪一年 want one. */
  @Test
  void whenQuestionsAskForAFigure() {
    assertThat(planner.plan("When was the first commit of Kubernetes?").asksHowMany()).isTrue();
    assertThat(planner.plan("which year did Envoy graduate").asksHowMany()).isTrue();
    assertThat(planner.plan("Kubernetes 第一次提交是什么时候").asksHowMany()).isTrue();
    assertThat(planner.plan("Envoy 哪一年毕业").asksHowMany()).isTrue();
    assertThat(planner.plan("what happens when a node fails").asksHowMany()).isFalse();
  }
}
