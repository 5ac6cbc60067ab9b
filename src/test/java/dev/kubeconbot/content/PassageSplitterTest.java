package dev.kubeconbot.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {

  private static Article article(Block... blocks) {
    return new Article("a", "a.md", "T", null, Edition.UNKNOWN, "zh", List.of(), List.of(blocks));
  }

  private static Block paragraph(String section, String text) {
    return new Block(Block.Kind.PARAGRAPH, text, section, "");
  }

  @Test
  void mergesShortParagraphsOfASectionButNotAcrossHeadings() {
    List<PassageSplitter.Draft> drafts = PassageSplitter.split(article(
        paragraph("", "换句话说:很复杂。"),
        paragraph("", "其结果是一个关系状态报告/治疗会议，内容是 Kubernetes 可能比云原生世界第一次爱上它时看起来更难相处，这是一个比较长的段落。"),
        new Block(Block.Kind.HEADING, "每季度更新的挑战", "每季度更新的挑战", ""),
        paragraph("每季度更新的挑战", "短段落。")));
    assertThat(drafts).hasSize(2);
    assertThat(drafts.get(0).text()).startsWith("换句话说:很复杂。\n其结果是");
    assertThat(drafts.get(0).section()).isEmpty();
    assertThat(drafts.get(1)).isEqualTo(new PassageSplitter.Draft("每季度更新的挑战", "短段落。", ""));
  }

  @Test
  void aPassageThatIsOneParagraphSharesTheParagraphsTextInsteadOfCopyingIt() {
    Block whole = paragraph("", "其结果是一个关系状态报告/治疗会议，内容是 Kubernetes 可能比云原生世界第一次爱上它时看起来更难相处，这是一个比较长的段落。");
    List<PassageSplitter.Draft> drafts = PassageSplitter.split(article(whole, paragraph("", "换句话说:很复杂。")));
    assertThat(drafts).hasSize(1);
    assertThat(drafts.getFirst().text()).isEqualTo(whole.text() + "\n换句话说:很复杂。");
    List<PassageSplitter.Draft> alone = PassageSplitter.split(article(whole));
    assertThat(alone.getFirst().text()).isSameAs(whole.text());
  }

  @Test
  void splitsLongParagraphsAtSentenceEnds() {
    String sentence = "这是一个用来测试的句子，它大约有三十个字符那么长。";
    List<PassageSplitter.Draft> drafts = PassageSplitter.split(article(paragraph("", sentence.repeat(40))));
    assertThat(drafts).hasSizeGreaterThan(2);
    assertThat(drafts).allSatisfy(d -> {
      assertThat(d.text().length()).isLessThanOrEqualTo(PassageSplitter.MAX);
      assertThat(d.text()).endsWith("。");
    });
    assertThat(String.join("", drafts.stream().map(PassageSplitter.Draft::text).toList())).isEqualTo(sentence.repeat(40));
  }

  @Test
  void seedPassagesAreMostlyWithinBounds() {
    List<dev.kubeconbot.content.Passage> passages = Seeds.library().corpus().passages();
    assertThat(passages).hasSizeGreaterThan(40);
    long within = passages.stream()
        .filter(p -> p.text().length() >= 40 && p.text().length() <= PassageSplitter.MAX)
        .count();
    assertThat(within).isGreaterThanOrEqualTo(passages.size() * 9 / 10);
  }
}
