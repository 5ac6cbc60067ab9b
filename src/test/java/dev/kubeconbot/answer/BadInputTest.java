package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.Seeds;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Any input gets an answer or a clear message: never an exception, never silence. */
class BadInputTest {

  private final AnswerEngine engine = Seeds.engine();

  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ", "AND ( \"", "*:*", "title:wasm AND (", "\\", "\"\"\"", "😀🎉🚀", "\u0000\u0007\u001b[31m",
      "/", "//", "/topic", "/topic *:*", "/ask", "/ask ( ) [ ] { }", "/takeaways", "/takeaways 2019 2020",
      "/takeaways 99999999999999999999", "/sources extra words", "/help me", "/nonsense command",
      "topic \u202eevil", "/topic name:", "/takeaways year: region:", "/ask question: :", "/trend topic:：", "ask <@everyone> @here", "takeaways -1", "wasm OR 1=1; DROP TABLE",
      "/ask \u0001\u0002", "/topic \u0007", "/trend \u001b", "/trends \u200b", "/takeaways \u0001", "\u0001 \u0002"})
  void answersEveryInput(String input) {
    Answer answer = engine.answer(input, null);
    assertThat(answer).isNotNull();
    assertThat(answer.title()).as("title").isNotBlank().doesNotContain("“”", "「」");
    assertThat(answer.foundNothing() ? answer.message() : "quotes or articles").isNotBlank();
  }

  /**
   * A slash command's option arrives split: control characters only leave nothing to name in the
   * title, which still says something (a blank edition is the latest one, with its own title).
   */
  @ParameterizedTest
  @ValueSource(strings = {"ask:question", "topic:name", "trend:topic", "takeaways:year", "trends:edition"})
  void aBlankOptionStillGetsATitleInEveryLanguage(String commandAndOption) {
    String[] parts = commandAndOption.split(":");
    for (Lang lang : Lang.values()) {
      Answer answer = engine.answer(parts[0], Map.of(parts[1], "\u0001\u0002 \u0007"), "/" + parts[0], lang);
      assertThat(answer.title()).as(lang + " " + commandAndOption).isNotBlank().doesNotContain("“”", "「」");
      assertThat(answer.foundNothing() ? answer.message() : "quotes").as(lang + " " + commandAndOption).isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1001, 10_000, 100_000})
  void hugeInputGetsAMessage(int length) {
    Answer answer = engine.answer("/ask " + "云".repeat(length), Lang.EN);
    assertThat(answer.quotes()).isEmpty();
    assertThat(answer.message()).contains("characters");
    assertThat(answer.query()).hasSizeLessThanOrEqualTo(80).startsWith("/ask 云云");
    Answer slash = engine.answer("topic", Map.of("name", "x".repeat(length)), "/topic " + "x".repeat(length), Lang.EN);
    assertThat(slash.message()).contains("characters");
    assertThat(slash.query()).hasSizeLessThanOrEqualTo(80);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/nonsense", "/"})
  void emptyOrUnknownCommandsGetHelp(String input) {
    Answer answer = engine.answer(input, Lang.EN);
    assertThat(answer.command()).isEqualTo("help");
    assertThat(answer.message()).contains("/takeaways", "/topic", "/ask", "/sources");
  }
}
