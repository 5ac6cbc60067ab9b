package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.Seeds;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code name:value} options in typed text, as /help's examples and Discord show them. */
class LabelledOptionsTest {

  private final AnswerEngine engine = Seeds.engine();
  private final CommandRegistry registry = CommandRegistry.standard();

  private LabelledOptions.Split split(String command, String words) {
    return LabelledOptions.of(registry.find(command).orElseThrow().spec()).split(words);
  }

  @Test
  void labelsInAnyLanguageAndTheWordsBeforeThem() {
    assertThat(split("takeaways", "year:2019 region:EU").labelled()).isEqualTo(Map.of("year", "2019", "region", "EU"));
    assertThat(split("takeaways", "Region: na YEAR： 2021").labelled()).isEqualTo(Map.of("year", "2021", "region", "na"));
    assertThat(split("takeaways", "年份:2019 地区:EU").labelled()).isEqualTo(Map.of("year", "2019", "region", "EU"));
    assertThat(split("takeaways", "2019 region:EU")).isEqualTo(new LabelledOptions.Split(Map.of("region", "EU"), "2019"));
    assertThat(split("ask", "question:How large can a Kubernetes cluster get?").labelled())
        .isEqualTo(Map.of("question", "How large can a Kubernetes cluster get?"));
    // An empty value is no value; a colon after any other word is text.
    assertThat(split("takeaways", "year: region:EU").labelled()).isEqualTo(Map.of("region", "EU"));
    assertThat(split("topic", "k8s: the basics at https://example.org")).isEqualTo(
        new LabelledOptions.Split(Map.of(), "k8s: the basics at https://example.org"));
  }

  @Test
  void everyHelpExampleAnswersAsTypedInEveryLanguage() {
    for (Command command : registry.commands()) {
      CommandSpec spec = command.spec();
      for (Lang lang : Lang.values()) {
        spec.findExample(lang).ifPresent(example -> {
          Answer answer = engine.answer(example, lang);
          assertThat(answer.command()).as(example).isEqualTo(spec.name());
          assertThat(answer.notes()).as(example).isEmpty();
          if (!spec.options().isEmpty()) {
            assertThat(answer.guides()).as(example + ": " + answer.message()).isFalse();
            assertThat(answer.foundNothing()).as(example + ": " + answer.message()).isFalse();
          }
        });
      }
    }
  }

  @Test
  void theTakeawaysExampleKeepsItsYear() {
    Answer answer = engine.answer("/takeaways year:2019 region:EU", Lang.EN);
    assertThat(answer.title()).isEqualTo("KubeCon EU 2019 — key takeaways");
    assertThat(answer.message()).doesNotContain("not a region");
    assertThat(answer.quotes()).isNotEmpty().allSatisfy(quote -> {
      assertThat(quote.edition().year()).isEqualTo(2019);
      assertThat(quote.edition().region()).isEqualTo("EU");
    });
  }

  @Test
  void aQuestionWithAColonStaysWhole() {
    Answer answer = engine.answer("The question: is wasm ready for servers?", Lang.EN);
    assertThat(answer.command()).isEqualTo("ask");
    assertThat(answer.title()).contains("The question: is wasm ready for servers?");
  }
}
