package dev.kubeconbot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.answer.Trend;
import dev.kubeconbot.render.TrendChart.Bar;
import dev.kubeconbot.testing.Answers;
import dev.kubeconbot.testing.Seeds;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TrendChartTest {

  private static final String UNASSIGNED = new String(Character.toChars(0x10FFFD));

  @Test
  void pngDecodesWithDefaultAndCustomSize() throws IOException {
    BufferedImage img = decode(TrendChart.png("wasm", "% of passages", List.of(new Bar("KubeCon EU 2019", 3))));
    assertThat(img.getWidth()).isEqualTo(TrendChart.WIDTH);
    assertThat(img.getHeight()).isEqualTo(TrendChart.HEIGHT);

    BufferedImage small = decode(TrendChart.png("wasm", "passages", List.of(new Bar("NA 2020", 3)), 640, 320));
    assertThat(small.getWidth()).isEqualTo(640);
    assertThat(small.getHeight()).isEqualTo(320);
  }

  @Test
  void rendersHeadless() {
    TrendChart.png("wasm", "%", List.of(new Bar("EU 2019", 1)));
    assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
  }

  @Test
  void chartIsNotBlank() throws IOException {
    BufferedImage img = decode(TrendChart.png("wasm", "% of passages", sampleBars()));
    long barPixels = 0;
    long nonWhite = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        if (rgb != 0xFFFFFF) nonWhite++;
        if (rgb == (TrendChart.BAR_COLOR.getRGB() & 0xFFFFFF)) barPixels++;
      }
    }
    // Three non-zero bars of a chart this size cover thousands of pixels; text and axes add more.
    assertThat(barPixels).isGreaterThan(5_000);
    assertThat(nonWhite - barPixels).isGreaterThan(2_000);
  }

  @Test
  void barsAreDrawnLeftToRightInGivenOrderWithProportionalHeights() throws IOException {
    List<Bar> bars = List.of(new Bar("EU 2019", 3), new Bar("NA 2020", 9), new Bar("EU 2021", 6));
    List<Integer> heights = barHeights(decode(TrendChart.png("t", "%", bars)));

    assertThat(heights).hasSize(3);
    // y axis starts at 0, so pixel heights are proportional to the values.
    assertThat(heights.get(1) / (double) heights.get(0)).isCloseTo(3.0, within(0.1));
    assertThat(heights.get(2) / (double) heights.get(0)).isCloseTo(2.0, within(0.1));
  }

  @Test
  void manyEditionsAllGetABar() throws IOException {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      bars.add(new Bar("KubeCon " + (i % 2 == 0 ? "EU " : "NA ") + (2015 + i / 2), i + 1));
    }
    BufferedImage img = decode(TrendChart.png("many", "%", bars));
    List<Integer> heights = barHeights(img);

    assertThat(heights).hasSize(20);
    assertThat(heights).isSorted();
    // XChart draws a tick mark exactly where it draws an x label, and skips both when crowded.
    assertThat(xTickMarks(img)).as("x labels drawn").isEqualTo(20);
  }

  @Test
  void longEditionNamesAreShortenedSoThePlotKeepsItsHeight() throws IOException {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      bars.add(new Bar("KubeCon + CloudNativeCon Europe " + (2006 + i), i + 1));
    }
    List<Integer> heights = barHeights(decode(TrendChart.png("long", "%", bars)));

    assertThat(heights).hasSize(20);
    assertThat(heights.get(19)).as("tallest bar in px").isGreaterThan(TrendChart.HEIGHT * 2 / 5);
  }

  @Test
  void aTrendFromTheSeedsHasOneBarPerEditionInTimeOrder() throws IOException {
    Trend trend = Answers.trend(Seeds.engine().answer("/trend wasm", Lang.EN));
    List<Integer> heights = barHeights(decode(TrendChart.png(trend, Lang.ZH_CN)));
    // EU 2019 and NA 2020 never mention wasm: their bars have no height and are not found.
    assertThat(heights).hasSize(2);
    assertThat(heights.get(1)).isGreaterThan(heights.get(0)); // 30% at EU 2022 vs 9.5% at EU 2021
  }

  @Test
  void allZeroValuesStillRender() throws IOException {
    List<Bar> bars = List.of(new Bar("EU 2019", 0), new Bar("NA 2020", 0));
    assertThat(decode(TrendChart.png("none", "%", bars)).getWidth()).isEqualTo(TrendChart.WIDTH);
  }

  @Test
  void emptyBarsAreRejected() {
    assertThatThrownBy(() -> TrendChart.png("wasm", "%", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bars must not be empty");
  }

  @Test
  void negativeOrNonFiniteValuesAreRejected() {
    assertThatThrownBy(() -> new Bar("EU 2019", -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Bar("EU 2019", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bundledFontHasRealGlyphsForChineseAndLatin() {
    Font font = TrendChart.font().deriveFont(48f);
    String text = "可观测性可觀測性 observability KubeCon EU 2019 / % 0123456789";
    assertThat(font.canDisplayUpTo(text)).as("first char the font cannot display").isEqualTo(-1);
    assertThat(font.canDisplayUpTo(UNASSIGNED)).isEqualTo(0);

    int[] missing = renderPixels(font, UNASSIGNED);
    for (String ch : List.of("可", "观", "测", "性", "觀", "測")) {
      int[] glyph = renderPixels(font, ch);
      assertThat(Arrays.stream(glyph).filter(p -> p != 0xFFFFFF).count()).as("ink of %s", ch).isGreaterThan(50);
      assertThat(glyph).as("%s rendered like the missing glyph", ch).isNotEqualTo(missing);
    }
  }

  @Test
  void chineseTitleInChartDiffersFromMissingGlyphTitle() throws IOException {
    // With a font lacking CJK glyphs both titles come out as four identical boxes.
    List<Bar> bars = sampleBars();
    BufferedImage chinese = decode(TrendChart.png("可观测性", "%", bars));
    BufferedImage missing = decode(TrendChart.png(UNASSIGNED.repeat(4), "%", bars));

    assertThat(titleBandPixels(chinese)).isNotEqualTo(titleBandPixels(missing));
  }

  @Test
  void longTitleIsShortenedInsteadOfClipped() throws IOException {
    String title = "a very long topic 一个很长的主题标题 that would run past both edges of the chart";
    BufferedImage img = decode(TrendChart.png(title, "%", sampleBars()));
    int[] band = titleBandPixels(img);
    int w = img.getWidth();
    for (int i = 0; i < band.length; i++) {
      int x = i % w;
      if (x < 4 || x >= w - 4) {
        assertThat(band[i] & 0xFFFFFF).as("title ink at x=%d", x).isEqualTo(0xFFFFFF);
      }
    }
  }

  @Test
  void fitKeepsShortTextAndBothEndsOfLongText() {
    Font font = TrendChart.font().deriveFont(13f);
    assertThat(TrendChart.fit("KubeCon EU 2019", font, 130)).isEqualTo("KubeCon EU 2019");
    String fitted = TrendChart.fit("KubeCon + CloudNativeCon Europe 2019", font, 130);
    assertThat(fitted).startsWith("KubeCon").contains("…").endsWith("2019");
    assertThat(font.getStringBounds(fitted, new FontRenderContext(null, true, true)).getWidth()).isLessThanOrEqualTo(130);
  }

  private static List<Bar> sampleBars() {
    return List.of(
        new Bar("KubeCon EU 2019", 0),
        new Bar("KubeCon NA 2020", 4),
        new Bar("KubeCon EU 2021", 12.5),
        new Bar("KubeCon EU 2022", 9.1));
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img).as("decoded PNG").isNotNull();
    return img;
  }

  /**
   * Heights in pixels of the bars, left to right: each run of adjacent columns that contain the
   * bar colour is one bar, its height the longest stretch of bar colour in any of its columns.
   */
  private static List<Integer> barHeights(BufferedImage img) {
    int bar = TrendChart.BAR_COLOR.getRGB() & 0xFFFFFF;
    List<Integer> heights = new ArrayList<>();
    int current = 0;
    for (int x = 0; x < img.getWidth(); x++) {
      int column = 0;
      for (int y = 0; y < img.getHeight(); y++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == bar) column++;
      }
      if (column > 0) {
        current = Math.max(current, column);
      } else if (current > 0) {
        heights.add(current);
        current = 0;
      }
    }
    if (current > 0) heights.add(current);
    return heights;
  }

  /** Number of tick marks hanging below the x axis line (the first long line under the bars). */
  private static int xTickMarks(BufferedImage img) {
    int bar = TrendChart.BAR_COLOR.getRGB() & 0xFFFFFF;
    int barBottom = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == bar) barBottom = y;
      }
    }
    int axis = barBottom + 1;
    while (inkRuns(img, axis).stream().mapToInt(Integer::intValue).max().orElse(0) < img.getWidth() / 2) {
      axis++;
    }
    return inkRuns(img, axis + 2).size();
  }

  /** Lengths of the runs of non-white pixels in row {@code y}. */
  private static List<Integer> inkRuns(BufferedImage img, int y) {
    List<Integer> runs = new ArrayList<>();
    int run = 0;
    for (int x = 0; x <= img.getWidth(); x++) {
      if (x < img.getWidth() && (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
        run++;
      } else if (run > 0) {
        runs.add(run);
        run = 0;
      }
    }
    return runs;
  }

  private static int[] titleBandPixels(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), 40, null, 0, img.getWidth());
  }

  private static int[] renderPixels(Font font, String text) {
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 64, 64);
    g.setColor(Color.BLACK);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
    g.setFont(font);
    g.drawString(text, 8, 52);
    g.dispose();
    return IntStream.range(0, 64 * 64).map(i -> img.getRGB(i % 64, i / 64) & 0xFFFFFF).toArray();
  }
}
