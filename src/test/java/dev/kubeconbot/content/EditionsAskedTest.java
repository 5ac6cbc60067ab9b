package dev.kubeconbot.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditionsAskedTest {

  private final EventCalendar calendar = Seeds.calendar();

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "What was special about KubeCon Paris?   | EU    | 2024",
      "巴黎那届 kubernetes 十周年               | EU    | 2024",
      "ebpf talks in San Diego                 | NA    | 2019",
      "圣地亚哥的可观测性                       | NA    | 2019",
      "What happened at KubeCon 2017?          | -     | 2017",
      "欧洲 2019 的服务网格                     | EU    | 2019",
      "GitOps at KubeCon Europe 2021           | EU    | 2021",
      "北美 2020 的可观测性                     | NA    | 2020",
      "salt lake city attendance               | NA    | 2024",
      "how does wasm run outside the browser   | -     | 0"})
  void aQuestionNamesItsEditionHoweverItIsWritten(String question, String region, int year) {
    assertThat(calendar.editionsAsked(question)).containsExactly(new Edition(region, year));
  }

  @ParameterizedTest
  @CsvSource({"Seattle keynotes", "西雅图那届贡献者峰会"})
  void aCityThatHostedTwoEditionsMeansBoth(String question) {
    assertThat(calendar.editionsAsked(question)).containsExactly(new Edition("NA", 2016), new Edition("NA", 2018));
  }

  @ParameterizedTest
  @CsvSource({"KubeCon Paris keynotes, KubeCon keynotes", "巴黎 有多少人, 有多少人", "San Diego 2019 helm, helm"})
  void editionWordsLeaveTheQuestion(String question, String left) {
    assertThat(calendar.withoutEditionWords(question).replaceAll("\\s+", " ").strip()).isEqualTo(left);
  }
}
