package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.testing.Answers;
import dev.kubeconbot.testing.Seeds;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicCommandTest {

  private final AnswerEngine engine = Seeds.engine();
  private static final Pattern WASM = Pattern.compile("(?i)wasm|webassembly|wasi|krustlet");

  @Test
  void everyQuoteIsAboutTheTopicAtMostTwoPerArticleNewestFirst() {
    Answer answer = engine.answer("/topic wasm", Lang.EN);
    assertThat(answer.quotes()).isNotEmpty().allSatisfy(q -> assertThat(WASM.matcher(q.text()).find()).isTrue());
    Map<String, Long> perArticle = answer.quotes().stream().collect(Collectors.groupingBy(Quote::title, Collectors.counting()));
    assertThat(perArticle.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
    assertThat(answer.quotes().getFirst().edition()).isEqualTo(new Edition("EU", 2022));
    assertThat(Answers.hint(answer)).contains("EU 2021 (", "EU 2022 (", "/trend wasm").doesNotContain("2019", "2020");
  }

  @Test
  void chineseAndEnglishNamesOfATopicFindTheSamePassages() {
    Function<String, java.util.List<String>> texts = q -> engine.answer(q, Lang.EN).quotes().stream().map(Quote::text).toList();
    assertThat(texts.apply("/topic 可观测性")).isNotEmpty().isEqualTo(texts.apply("/topic observability"));
    assertThat(texts.apply("/topic 服务网格")).isNotEmpty().isEqualTo(texts.apply("/topic service mesh"));
    assertThat(texts.apply("/topic Envoy")).isNotEmpty().allSatisfy(t -> assertThat(t).contains("特使"));
  }

  @Test
  void anUnknownTopicSaysSoWithSuggestionsInsteadOfWeakPassages() {
    Answer answer = engine.answer("/topic quantum computing", Lang.EN);
    assertThat(answer.quotes()).isEmpty();
    assertThat(answer.message()).contains("quantum computing").contains("Try:");
    Answer misspelt = engine.answer("/topic obervability", Lang.EN);
    assertThat(misspelt.quotes()).isEmpty();
    assertThat(misspelt.message()).contains("observability");
  }

  @Test
  void autocompleteOffersGlossaryTopicsDiscussedFirst() {
    assertThat(engine.complete("topic", "name", "wa")).extracting(Choice::value).startsWith("WebAssembly");
    assertThat(engine.complete("topic", "name", "可观")).extracting(Choice::value).containsExactly("observability");
    assertThat(engine.complete("topic", "name", "")).hasSize(25)
        .allSatisfy(c -> assertThat(c.label().length()).isLessThanOrEqualTo(100));
  }
}
