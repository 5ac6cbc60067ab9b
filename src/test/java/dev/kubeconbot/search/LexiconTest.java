package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeconbot.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {

  private static final String SMALL = """
      version: 1
      entries:
        developer: [开发者, 开发人员, 開發者]
        outdated: [过时, 過時]
        version: [版本]
        scale to zero: [缩容到零]
        scale: [扩展, 扩容]
        company: [公司, 企业]
      """;

  private static Lexicon read(String yaml) throws IOException {
    return Lexicon.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void englishWordsFindTheirRenderingsInAnyInflection() throws IOException {
    Lexicon lexicon = read(SMALL);
    assertThat(lexicon.size()).isEqualTo(6);
    assertThat(lexicon.chinese("developers")).containsExactly("开发者", "开发人员", "開發者");
    assertThat(lexicon.chinese("Outdated")).containsExactly("过时", "過時");
    assertThat(lexicon.chinese("blockchain")).isEmpty();
  }

  /**
   * Porter gives "organizations", "organizer" and "organize" one stem: a word takes the renderings
   * of the headword it is a form of, and a stem shared by other senses decides only when none is.
   */
  @Test
  void aWordTakesTheSenseOfItsOwnHeadwordNotOfAnotherWithTheSameStem() throws IOException {
    Lexicon lexicon = read("""
        version: 1
        entries:
          organizer: [组织者, 主办方]
          organization: [组织, 机构]
          develop: [开发, 发展]
          developer: [开发者]
          new: [新]
          news: [新闻]
          attend: [参加]
          likely: [可能]
        """);
    assertThat(lexicon.chinese("organizations")).containsExactly("组织", "机构");
    assertThat(lexicon.chinese("Organizers")).containsExactly("组织者", "主办方");
    assertThat(lexicon.chinese("developers")).containsExactly("开发者");
    assertThat(lexicon.chinese("news")).containsExactly("新闻");
    assertThat(lexicon.chinese("attending")).containsExactly("参加");
    assertThat(lexicon.chinese("developing")).contains("开发");
    // Porter's "like" is also the stem of "likely": a stem finds no headword longer than the word written
    assertThat(lexicon.chinese("like")).isEmpty();
    assertThat(lexicon.chinese("likely")).containsExactly("可能");
    assertThat(lexicon.matches("which organizations' developers attended"))
        .extracting(Lexicon.Match::translations)
        .containsExactly(List.of("组织", "机构"), List.of("开发者"), List.of("参加"));
  }

  @Test
  void chineseWordsFindTheirHeadwordsTraditionalToo() throws IOException {
    Lexicon lexicon = read(SMALL);
    assertThat(lexicon.english("过时")).containsExactly("outdated");
    assertThat(lexicon.english("開發者")).containsExactly("developer");
    assertThat(lexicon.english("区块链")).isEmpty();
  }

  @Test
  void theLongestEntryWinsInBothLanguages() throws IOException {
    Lexicon lexicon = read(SMALL);
    assertThat(lexicon.matches("can it scale to zero like knative"))
        .extracting(Lexicon.Match::written).containsExactly("scale to zero");
    assertThat(lexicon.matches("能缩容到零吗？很多公司运行过时的版本"))
        .extracting(Lexicon.Match::written).containsExactly("缩容到零", "公司", "过时", "版本");
    Lexicon.Match match = lexicon.matches("Why do companies run outdated versions").get(1);
    assertThat(match.written()).isEqualTo("outdated");
    assertThat(match.translations()).contains("过时");
  }

  @Test
  void anEntryWithoutRenderingsOrAFileWithoutEntriesIsRefused() {
    assertThatThrownBy(() -> read("version: 1\nentries:\n  developer: []\n")).hasMessageContaining("developer");
    assertThatThrownBy(() -> read("version: 1\n")).hasMessageContaining("entries");
  }

  @Test
  void theShippedLexiconHasAtLeast3000Headwords() {
    Lexicon lexicon = Seeds.lexicon();
    assertThat(lexicon.size()).isGreaterThanOrEqualTo(3000);
    assertThat(lexicon.chinese("future")).contains("未来");
    assertThat(lexicon.chinese("attend")).contains("参加", "出席");
    // a conference's networking is 社交, a cluster's 网络; 更关心 is "more interested in"
    assertThat(lexicon.english("社交")).contains("networking");
    assertThat(lexicon.english("网络")).contains("network", "networking");
    assertThat(lexicon.chinese("interested")).contains("感兴趣", "关心");
  }
}
