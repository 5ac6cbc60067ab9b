package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.testing.Answers;
import dev.kubeconbot.testing.TrendsCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionIntentTest {

  private final AnswerEngine engine = TrendsCorpus.engine();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "What were the big trends at KubeCon 2022?           | 2022 |      |      ",
      "What was hot at KubeCon EU 2021?                    | 2021 | EU   |      ",
      "what was new at kubecon 2020                        | 2020 |      |      ",
      "What were the hot topics in Valencia?               | 2022 | EU   |      ",
      "What are the latest trends at KubeCon?              | 2022 | EU   |      ",
      "What changed between 2019 and 2022?                 | 2022 |      | 2019 ",
      "What changed from KubeCon 2022 to 2019?             | 2022 |      | 2019 ",
      "2022 年 KubeCon 有什么趋势                           | 2022 |      |      ",
      "2021 年 KubeCon 欧洲的热点是什么？                    | 2021 | EU   |      ",
      "2019 年和 2022 年之间有什么变化？                     | 2022 |      | 2019 ",
      "2020 年與 2022 年之間有什麼變化？                     | 2022 |      | 2020 "})
  void questionsAboutWhatAnEditionTalkedAboutGoToTrends(String question, int year, String region, Integer vs) {
    Answer answer = engine.answer(question, null);
    assertThat(answer.command()).as(question).isEqualTo("trends");
    assertThat(answer.query()).isEqualTo(question);
    Trends trends = Answers.trends(answer);
    if (region != null || !question.contains(Integer.toString(year))) {
      assertThat(trends.selection()).as(question).isEqualTo(new Edition(region, year));
    } else {
      assertThat(trends.selection().year()).as(question).isEqualTo(year);
    }
    if (vs == null) {
      assertThat(trends.against()).as(question).isNull();
    } else {
      assertThat(trends.against()).as(question).isEqualTo(new Edition(null, vs));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "What was said about trends in observability?",
      "How did the service mesh change?",
      "What changes did KubeCon EU 2022 bring?",
      "How large can a Kubernetes cluster get?",
      "可观测性的趋势是什么？"})
  void otherQuestionsStayQuestions(String question) {
    assertThat(engine.answer(question, null).command()).as(question).isEqualTo("ask");
  }

  @Test
  void theChineseQuestionIsAnsweredInChinese() {
    assertThat(engine.answer("2022 年 KubeCon 有什么趋势", null).title()).isEqualTo("KubeCon 2022 的热点");
  }
}
