package dev.kubeconbot.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

  @Test
  void splitsChineseAndEnglishSentencesKeepingClosingQuotes() {
    assertThat(Sentences.split("“拥有 15，000 个节点的集群已经成为现实。”tyczynski 说。Really? Yes. Version 1.0 is out."))
        .containsExactly("“拥有 15，000 个节点的集群已经成为现实。”", "tyczynski 说。", "Really?", "Yes.", "Version 1.0 is out.");
  }

  @Test
  void cutsAtTheLastSentenceEndThatFits() {
    String text = "第一句话。第二句话比较长一些。第三句。";
    assertThat(Sentences.cut(text, 100)).isEqualTo(text);
    assertThat(Sentences.cut(text, 16)).isEqualTo("第一句话。第二句话比较长一些。…");
    assertThat(Sentences.cut(text, 10)).isEqualTo("第一句话。…");
  }

  @Test
  void aSentenceTooLongIsCutAtAClauseNeverInsideAWordOrCharacter() {
    String chinese = "没有句号的很长的中文句子，在逗号处可以断开，但不能在字中间断开";
    String cut = Sentences.cut(chinese, 20);
    assertThat(cut).isEqualTo("没有句号的很长的中文句子，…");
    String english = "a sentence without any end that goes on and on";
    assertThat(Sentences.cut(english, 20)).isEqualTo("a sentence without…");
  }

  @Test
  void neverSplitsASurrogatePair() {
    String emoji = "😀".repeat(30);
    String cut = Sentences.cut(emoji, 11);
    assertThat(cut).endsWith(Sentences.ELLIPSIS);
    String kept = cut.substring(0, cut.length() - 1);
    assertThat(kept.codePoints()).allMatch(c -> c == "😀".codePointAt(0));
    assertThat(cut.length()).isLessThanOrEqualTo(11);
  }
}
