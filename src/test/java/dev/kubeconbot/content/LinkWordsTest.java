package dev.kubeconbot.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The words of a link's target are searchable beside the passage, never part of its text. */
class LinkWordsTest {

  @Test
  void theLastPathSegmentWithLettersGivesTheWords() {
    assertThat(LinkWords.of("https://www.cncf.io/blog/2020/11/17/in-memoriam-dan-kohn/")).isEqualTo("in memoriam dan kohn");
    assertThat(LinkWords.of("https://www.linkedin.com/in/lizrice")).isEqualTo("lizrice");
    assertThat(LinkWords.of("https://example.com/notes/kubecon_recap.html?x=1#top")).isEqualTo("kubecon recap");
    assertThat(LinkWords.of("https://example.com/wiki/%E5%BA%93")).isEqualTo("库");
    for (String none : List.of("https://example.com/", "https://www.youtube.com/watch?v=169w6QlWhmo", "mailto:a@b.c", "#top", "not a url")) {
      assertThat(LinkWords.of(none)).as(none).isEmpty();
    }
  }

  @Test
  void aPassageGetsTheWordsOfTheLinksInItsOwnText() {
    List<Block> blocks = MarkdownText.parse("""
        # Notes

        以及[丹·科恩](https://www.cncf.io/blog/2020/11/17/in-memoriam-dan-kohn/)的早逝，他是云原生计算基金会的前执行董事。
        他在很多方面都为社区付出了巨大的努力，大家都会记住他为云原生生态所做的一切贡献和工作。

        ## Other

        This paragraph links to [nothing special](https://example.com/) and is long enough to be its own passage, surely.
        """).blocks();
    Article article = new Article("a", "a.md", "Notes", null, Edition.UNKNOWN, "zh", List.of(), blocks);
    List<Passage> passages = Corpus.of(List.of(article), List.of()).passages();
    assertThat(passages.getFirst().text()).contains("丹·科恩").doesNotContain("kohn").doesNotContain("https");
    assertThat(passages.getFirst().linkWords()).isEqualTo("in memoriam dan kohn");
    assertThat(passages.getLast().linkWords()).isEmpty();
  }
}
