package dev.kubeconbot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.answer.Messages;
import dev.kubeconbot.answer.Trends;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.testing.Answers;
import dev.kubeconbot.testing.TrendsCorpus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TrendsChartTest {

  private static final String UNASSIGNED = new String(Character.toChars(0x10FFFD));

  private static BufferedImage decode(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static Trends trends(Lang lang) {
    return Answers.trends(TrendsCorpus.engine().answer("/trends", lang));
  }

  /** The same figures with other topic labels. */
  private static Trends relabelled(Trends trends, List<String> topics) {
    Trends.Heat heat = trends.heat();
    return new Trends(trends.selection(), trends.against(), trends.selected(), trends.baseline(), trends.topics(),
        trends.words(), new Trends.Heat(heat.editions(), topics, heat.shares(), heat.selected()));
  }

  @Test
  void aHeatMapOfTheTopTopicsByEditionSizedForDiscord() throws IOException {
    Trends trends = trends(Lang.EN);
    assertThat(trends.heat().editions()).containsExactly(new Edition("EU", 2019), new Edition("NA", 2020),
        new Edition("EU", 2021), new Edition("EU", 2022));
    assertThat(trends.heat().topics()).startsWith("WebAssembly", "platform engineering · 平台工程")
        .contains("service mesh · 服务网格", "GitOps").hasSize(8);
    assertThat(trends.heat().selected()).containsExactly(new Edition("EU", 2022));
    List<Double> mesh = trends.heat().shares().get(trends.heat().topics().indexOf("service mesh · 服务网格"));
    assertThat(mesh.getLast()).isZero();
    assertThat(mesh.getFirst()).isPositive();

    byte[] png = TrendsChart.png(trends, Lang.EN);
    BufferedImage img = decode(png);
    assertThat(img.getWidth()).isEqualTo(TrendChart.WIDTH);
    assertThat(img.getHeight()).isEqualTo(TrendChart.HEIGHT);
    assertThat(png.length).isLessThan(200_000);
    long blue = 0;
    long nonWhite = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        nonWhite += rgb != 0xFFFFFF ? 1 : 0;
        blue += rgb == (TrendChart.BAR_COLOR.getRGB() & 0xFFFFFF) ? 1 : 0;
      }
    }
    assertThat(nonWhite).as("ink").isGreaterThan(20_000);
    assertThat(blue).as("the hottest cell in full colour").isGreaterThan(1_000);
  }

  @Test
  void chineseLabelsAreDrawnWithRealGlyphs() throws IOException {
    Trends trends = trends(Lang.ZH_CN);
    List<String> names = List.of("可观测性", "服务网格", "平台工程", "可扩展性", "安全", "社区", "容器", "指标");
    int rows = trends.heat().topics().size();
    BufferedImage chinese = decode(TrendsChart.png(relabelled(trends, names.subList(0, rows)), Lang.ZH_CN));
    BufferedImage boxes = decode(TrendsChart.png(
        relabelled(trends, names.subList(0, rows).stream().map(n -> UNASSIGNED.repeat(4)).toList()), Lang.ZH_CN));
    // The topic labels, left of the cells, are not a font's empty boxes.
    assertThat(chinese.getRGB(0, 60, 150, 280, null, 0, 150)).isNotEqualTo(boxes.getRGB(0, 60, 150, 280, null, 0, 150));
    assertThat(TrendChart.font().canDisplayUpTo(TrendsChart.MARK + "可观测性 熱點 %")).isEqualTo(-1);
  }

  @Test
  void chartTextsSayWhatIsShownWithoutCurlyQuotesThatTheCjkFontDrawsFullWidth() {
    for (String key : List.of("trend.axis", "trend.chartTitle", "trends.chartTitle")) {
      assertThat(Messages.get(Lang.EN, key, "wasm")).as(key).doesNotContain("’", "‘", "“", "”");
    }
    assertThat(Messages.get(Lang.EN, "trend.chartTitle", "wasm")).isEqualTo("Share of passages mentioning \"wasm\", by edition");
    assertThat(Messages.get(Lang.EN, "trend.axis")).isEqualTo("share of passages, per edition");
  }

  @Test
  void aHeatMapNeedsATopicAndAnEdition() {
    Trends trends = trends(Lang.EN);
    Trends empty = new Trends(trends.selection(), null, trends.selected(), trends.baseline(), List.of(), List.of(),
        new Trends.Heat(List.of(), List.of(), List.of(), Set.of()));
    assertThatThrownBy(() -> TrendsChart.png(empty, Lang.EN)).isInstanceOf(IllegalArgumentException.class);
  }
}
