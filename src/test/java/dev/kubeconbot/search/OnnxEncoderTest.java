package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.testing.Seeds;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real models on the seed articles (all Chinese): routing, instructions, and no padding. */
class OnnxEncoderTest {

  private static Library library;

  @BeforeAll
  static void embedSeeds() throws Exception {
    library = TestVectors.hybrid(Library.load(Seeds.CONFIG, List.of(Seeds.CONTENT)));
  }

  @Test
  void questionsGetTheModelsInstructionAndVectorsAreUnitLength() {
    Encoder chinese = TestVectors.model(VectorLang.ZH);
    float[] asPassage = chinese.passage("服务网格接口");
    float[] asQuestion = chinese.query("服务网格接口");
    assertThat(asPassage).hasSize(512);
    assertThat(norm(asPassage)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(asQuestion).isNotEqualTo(asPassage);
  }

  @Test
  void aChineseQuestionFindsTheChinesePassageThatAnswersIt() {
    List<VectorIndex.Hit> hits = library.vectors().search("哪家公司宣布了服务网格接口", 3, null);
    assertThat(hits).isNotEmpty();
    assertThat(hits.getFirst().passage().article().id()).isEqualTo("2019-eu-top-10-takeaways");
    assertThat(hits.getFirst().similarity()).isGreaterThan((float) VectorLang.ZH.floor());
  }

  @Test
  void anEnglishQuestionIsNeverSearchedAmongChinesePassages() {
    assertThat(library.hybrid()).isTrue();
    assertThat(library.vectors().search("Who announced the Service Mesh Interface?", 10, null)).isEmpty();
  }

  @Test
  void aQuestionTheArticlesCannotAnswerGetsNoPassage() {
    AnswerEngine engine = new AnswerEngine(CommandRegistry.standard(), library);
    for (String question : List.of("怎么做红烧肉", "明天北京天气怎么样", "如何学习钢琴")) {
      Answer answer = engine.answer(question, null);
      assertThat(answer.quotes()).as(question).isEmpty();
    }
  }

  private static double norm(float[] v) {
    double sum = 0;
    for (float f : v) {
      sum += f * f;
    }
    return Math.sqrt(sum);
  }
}
