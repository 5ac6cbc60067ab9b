package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.Seeds;
import org.junit.jupiter.api.Test;

/** Every command quotes a passage without the trailing boilerplate that only points elsewhere. */
class BoilerplateTest {

  @Test
  void trailingPointersAreCutAndTheCutIsMarked() {
    assertThat(Retrieval.withoutBoilerplate("嘉宾讨论了集群升级。点击此处查看整个讨论:"))
        .isEqualTo("嘉宾讨论了集群升级。…");
    assertThat(Retrieval.withoutBoilerplate("The panel was lively. Click here to read the full discussion."))
        .isEqualTo("The panel was lively.…");
  }

  @Test
  void aPassageWithoutBoilerplateStaysVerbatim() {
    String text = "Click counts are not boilerplate when the sentence is about them. Here is why.";
    assertThat(Retrieval.withoutBoilerplate(text)).isEqualTo(text);
    // A passage that is nothing but a pointer keeps it: a quote is never empty.
    assertThat(Retrieval.withoutBoilerplate("点击此处查看整个讨论:")).isEqualTo("点击此处查看整个讨论:");
  }

  @Test
  void trendsQuotesDropItToo() {
    Answer answer = Seeds.engine().answer("/trends edition:2022", null);
    assertThat(answer.quotes()).isNotEmpty();
    assertThat(answer.quotes()).allSatisfy(q -> assertThat(q.text()).doesNotContain("点击此处"));
  }
}
