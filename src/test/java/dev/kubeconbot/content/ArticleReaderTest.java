package dev.kubeconbot.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeconbot.testing.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleReaderTest {

  private final ArticleReader reader = new ArticleReader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES);

  @TempDir
  Path dir;

  /** A seed article with all its front matter removed: only its own text is left to infer from. */
  private Article readWithoutFrontMatter(String seed) throws IOException, ContentException {
    String text = Files.readString(Seeds.CONTENT.resolve(seed + ".md"));
    String body = FrontMatter.split(text).body();
    Path file = dir.resolve(seed + ".md");
    Files.writeString(file, body);
    return reader.read(file, file.toString());
  }

  @ParameterizedTest
  @CsvSource({
      "2021-eu-3-key-takeaways, EU, 2021",   // title: KubeCon EU 2021 的 3 个关键要点
      "2019-eu-top-10-takeaways, EU, 2019",  // body: 英文原文来自 KubeCon EU 2019: Top 10 Takeaways
      "2022-eu-after-the-honeymoon, EU, 2022", // host city: 西班牙巴伦西亚
      "2020-na-cloud-native-prevails, NA, 2020" // body: Kubecon+CloudNativeCon 北美 2020
  })
  void infersTheEditionFromTheTextAlone(String seed, String region, int year) throws Exception {
    assertThat(readWithoutFrontMatter(seed).edition()).isEqualTo(new Edition(region, year));
  }

  @Test
  void theAppDeliveryArticleNamesOnlyItsRegion() throws Exception {
    // Its text says "KubeCon + CloudNativeCon EU" and no year: that is why its front matter gives 2021.
    assertThat(readWithoutFrontMatter("2021-eu-app-delivery-challenge").edition()).isEqualTo(new Edition("EU", 0));
    assertThat(reader.read(Seeds.CONTENT.resolve("2021-eu-app-delivery-challenge.md"), "seed").edition())
        .isEqualTo(new Edition("EU", 2021));
  }

  @Test
  void infersTitleAndSourceFromTheText() throws Exception {
    Article honeymoon = readWithoutFrontMatter("2022-eu-after-the-honeymoon");
    assertThat(honeymoon.title()).isEqualTo("“蜜月”结束后与库伯内特一起生活");
    assertThat(honeymoon.source()).isEqualTo("https://thenewstack.io/kubernetes-after-the-honeymoon-ends/");

    Article top10 = readWithoutFrontMatter("2019-eu-top-10-takeaways");
    assertThat(top10.source()).isEqualTo("https://blog.getambassador.io/kubecon-eu-2019-top-10-takeaways-123b5fcb30a8");
    assertThat(top10.title()).isEqualTo("2019 eu top 10 takeaways"); // no heading: the file name
  }

  @Test
  void attributionLinesAreMetadataNotQuotableText() throws Exception {
    Article article = readWithoutFrontMatter("2021-eu-3-key-takeaways");
    assertThat(article.blocks()).noneMatch(b -> b.text().contains("原文"));
    assertThat(article.blocks()).noneMatch(b -> b.text().contains("http"));
    assertThat(article.blocks()).noneMatch(b -> b.text().contains("Sketch"));
  }

  @Test
  void aBylineWithABareUrlIsTheSourceNeverAQuote() throws Exception {
    Path file = dir.resolve("byline.md");
    Files.writeString(file, """
        # KubeCon Copenhagen: what we learned

        Bob Quillin, May 8, 2018 — https://blogs.oracle.com/cloudnative/kubecon-copenhagen-recap

        Service meshes were everywhere in Copenhagen this year, and so were operators.
        """);
    Article article = reader.read(file, "byline.md");
    assertThat(article.source()).isEqualTo("https://blogs.oracle.com/cloudnative/kubecon-copenhagen-recap");
    assertThat(article.blocks()).noneMatch(b -> b.text().contains("Quillin") || b.text().contains("http"));
    assertThat(article.blocks()).anyMatch(b -> b.text().startsWith("Service meshes"));
  }

  @Test
  void aSentenceThatMentionsAYearAndALinkIsText() throws Exception {
    Path file = dir.resolve("prose.md");
    Files.writeString(file, "The 2019 survey is online and worth a read; it asked 2,000 people about Kubernetes in production.\n");
    Article article = reader.read(file, "prose.md");
    assertThat(article.source()).isNull();
    assertThat(article.blocks()).hasSize(1);
  }

  @Test
  void frontMatterWins() throws Exception {
    Path file = dir.resolve("given.md");
    Files.writeString(file, """
        ---
        title: Given title
        event: KubeCon NA 2023
        source: https://example.org/given
        ---
        # KubeCon EU 2019 in the heading

        在巴伦西亚举行的大会。
        """);
    Article article = reader.read(file, "given.md");
    assertThat(article.title()).isEqualTo("Given title");
    assertThat(article.edition()).isEqualTo(new Edition("NA", 2023));
    assertThat(article.source()).isEqualTo("https://example.org/given");
  }

  @Test
  void aTitleLikeEurope2018NamesTheEdition() throws Exception {
    Path file = dir.resolve("europe.md");
    Files.writeString(file, "# Notes from Europe 2018\n\nWe met many people.\n");
    assertThat(reader.read(file, "europe.md").edition()).isEqualTo(new Edition("EU", 2018));
  }

  @Test
  void aDateShortlyAfterAnEditionNamesIt() throws Exception {
    Path file = dir.resolve("dated.md");
    Files.writeString(file, "---\ndate: 2019-05-31\n---\nWe are back home and rested.\n");
    assertThat(reader.read(file, "dated.md").edition()).isEqualTo(new Edition("EU", 2019));
  }

  @Test
  void aCityThatHostedSeveralEditionsSettlesOnlyTheRegion() throws Exception {
    Path file = dir.resolve("shanghai.md");
    Files.writeString(file, "在上海举行的大会上，很多人谈到了服务网格。\n");
    assertThat(reader.read(file, "shanghai.md").edition()).isEqualTo(new Edition("China", 0));
  }

  @Test
  void unreadableFilesSayWhy() throws IOException {
    Path latin1 = dir.resolve("latin1.md");
    Files.write(latin1, "Caf\u00e9 na\u00efve".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> reader.read(latin1, "latin1.md")).hasMessageContaining("not UTF-8");

    Path empty = dir.resolve("empty.md");
    Files.writeString(empty, "---\ntitle: Only metadata\n---\n");
    assertThatThrownBy(() -> reader.read(empty, "empty.md")).hasMessageContaining("no text");

    Path badRegion = dir.resolve("region.md");
    Files.writeString(badRegion, "---\nregion: Atlantis\n---\nText.\n");
    assertThatThrownBy(() -> reader.read(badRegion, "region.md")).hasMessageContaining("Atlantis");

    Path contradiction = dir.resolve("contradiction.md");
    Files.writeString(contradiction, "---\nevent: KubeCon EU 2021\nyear: 2022\n---\nText.\n");
    assertThatThrownBy(() -> reader.read(contradiction, "contradiction.md")).hasMessageContaining("contradicts");
  }
}
