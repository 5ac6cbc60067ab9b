package dev.kubeconbot.render;

import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.answer.Messages;
import dev.kubeconbot.answer.Trend;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.AxesChartStyler.TextAlignment;
import org.knowm.xchart.style.CategoryStyler;

/**
 * Renders the "trend" command's bar chart (one bar per KubeCon edition, in the given order) as a
 * PNG small enough for a Discord attachment.
 *
 * <p>All text is drawn with the bundled WenQuanYi Micro Hei font ({@code /fonts/wqy-microhei.ttc},
 * Apache-2.0, see {@code fonts/NOTICE.txt}) because the JRE's logical fonts show empty boxes for
 * Chinese on machines without system CJK fonts, such as a bare CI or server image. That one font
 * also has proper Latin glyphs, so mixed titles like "可观测性 / observability" need no fallback.
 *
 * <p>The class forces {@code java.awt.headless=true} (unless the property is already set) before
 * it touches AWT, since the bot runs without a display. Code that uses AWT earlier must set it
 * itself.
 */
public final class TrendChart {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Default size: wide enough for 20 editions, and shown unscaled in a Discord embed. */
  public static final int WIDTH = 800;

  public static final int HEIGHT = 400;

  /** Fill colour of the bars (Kubernetes blue); package-private so tests can find the bars. */
  static final Color BAR_COLOR = new Color(0x32, 0x6C, 0xE5);

  static final Color TEXT_COLOR = new Color(0x33, 0x33, 0x33);
  private static final Font FONT = loadFont("/fonts/wqy-microhei.ttc");
  static final Font TITLE_FONT = FONT.deriveFont(Font.BOLD, 20f);
  static final Font TICK_FONT = FONT.deriveFont(13f);
  /** Values and ticks are percentages: the sign is quoted, or DecimalFormat would multiply by 100. */
  static final String PERCENT_PATTERN = "#,##0.#'%'";
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final int X_LABEL_ROTATION = 45;
  /** Wider x labels are shortened: XChart drops a rotated label that would cross the left edge. */
  private static final double MAX_LABEL_WIDTH = 130;

  /**
   * One bar: an edition label such as "KubeCon EU 2019" and its value, a percentage (labelled "30%").
   */
  public record Bar(String label, double value) {
    public Bar {
      Objects.requireNonNull(label, "label");
      if (!Double.isFinite(value) || value < 0) {
        throw new IllegalArgumentException("bar value must be finite and >= 0: " + label + "=" + value);
      }
    }
  }

  private TrendChart() {}

  /** The chart of a {@link Trend}: each edition's share of passages about the topic, in percent. */
  public static byte[] png(Trend trend, Lang lang) {
    List<Bar> bars = trend.points().stream()
        .map(p -> new Bar(p.edition().shortLabel(), Math.round(p.share() * 1000) / 10.0))
        .toList();
    return png(Messages.get(lang, "trend.chartTitle", trend.topic()), Messages.get(lang, "trend.axis"), bars);
  }

  /** Renders {@code bars} at the default {@value #WIDTH}×{@value #HEIGHT} size. */
  public static byte[] png(String title, String yAxisTitle, List<Bar> bars) {
    return png(title, yAxisTitle, bars, WIDTH, HEIGHT);
  }

  /**
   * Renders a bar chart as PNG bytes. Each bar is labelled with its value; x labels are rotated
   * when they would not fit side by side, and a title or label too wide to fit is shortened in
   * the middle with "…".
   *
   * @param title chart title, usually the topic (any language)
   * @param yAxisTitle e.g. "share of passages"
   * @param bars one bar per edition, left to right in the given order; must not be empty
   * @throws IllegalArgumentException if {@code bars} is empty or a size is not positive
   */
  public static byte[] png(String title, String yAxisTitle, List<Bar> bars, int width, int height) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(yAxisTitle, "yAxisTitle");
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("bars must not be empty: a trend chart needs at least one edition");
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("width and height must be positive: " + width + "x" + height);
    }
    List<String> labels = bars.stream().map(b -> fit(b.label(), TICK_FONT, MAX_LABEL_WIDTH)).toList();
    List<Double> values = bars.stream().map(Bar::value).toList();
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();

    CategoryChart chart =
        new CategoryChartBuilder()
            .width(width)
            .height(height)
            .title(fit(title, TITLE_FONT, width - 100)) // centred over the plot, not the chart
            .yAxisTitle(yAxisTitle)
            .build();
    CategoryStyler styler = chart.getStyler();
    style(styler);
    styler.setPlotGridVerticalLinesVisible(false);
    styler.setSeriesColors(new Color[] {BAR_COLOR});
    // Bars get 70% of their slot, but few bars stay ~80 px wide (at 800 px) instead of huge.
    styler.setAvailableSpaceFill(Math.min(0.7, 0.12 * bars.size()));
    styler.setXAxisTitleVisible(false);
    // Room above the tallest bar for its value label; an all-zero chart still gets a 0..1 axis.
    styler.setYAxisMin(0.0);
    styler.setYAxisMax(max > 0 ? max * 1.15 : 1.0);
    styler.setYAxisDecimalPattern(PERCENT_PATTERN);
    styler.setAxisTitleFont(FONT.deriveFont(14f));
    styler.setLabelsVisible(true);
    styler.setLabelsPosition(1.05); // just above the bar
    styler.setLabelsFont(FONT.deriveFont(12f));
    styler.setLabelsFontColorAutomaticEnabled(false);
    styler.setLabelsFontColor(TEXT_COLOR);
    // XChart hides x labels closer than this hint (default ~74 px); ours never overlap: they are
    // rotated when they would not fit side by side, and then 24 px apart is enough.
    styler.setXAxisTickMarkSpacingHint(24);
    if (labelsOverflow(labels, width)) {
      styler.setXAxisLabelRotation(X_LABEL_ROTATION);
      styler.setXAxisLabelAlignment(TextAlignment.Right); // label ends under its bar
    }
    chart.addSeries("share", labels, values);

    return encode(BitmapEncoder.getBufferedImage(chart));
  }

  /** What every chart of the bot shares: white, no legend or frame, the bundled font in dark grey. */
  static void style(AxesChartStyler styler) {
    styler.setLegendVisible(false);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setChartTitleFont(TITLE_FONT);
    styler.setAxisTickLabelsFont(TICK_FONT);
    styler.setChartFontColor(TEXT_COLOR);
    styler.setAxisTickLabelsColor(TEXT_COLOR);
  }

  static byte[] encode(BufferedImage image) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundled font at size 1; callers derive the size they need. */
  static Font font() {
    return FONT;
  }

  /** True if the x labels, laid side by side, would not fit in ~80% of the chart width. */
  private static boolean labelsOverflow(List<String> labels, int width) {
    double slot = width * 0.8 / labels.size();
    return labels.stream().anyMatch(l -> textWidth(l, TICK_FONT) + 8 > slot);
  }

  /**
   * Returns {@code text}, or if it is wider than {@code maxWidth} pixels a copy with its middle
   * replaced by "…" (keeping e.g. the year at the end of an edition name). XChart neither wraps
   * nor shrinks text: an over-long title is clipped at both chart edges.
   */
  static String fit(String text, Font font, double maxWidth) {
    if (textWidth(text, font) <= maxWidth) {
      return text;
    }
    int[] cps = text.codePoints().toArray();
    // Binary search for the most code points to keep; keeping 0 (just "…") is the floor.
    int lo = 0;
    int hi = cps.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      if (textWidth(elide(cps, mid), font) <= maxWidth) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return elide(cps, lo);
  }

  /** The first and last {@code keep / 2} code points (the first gets the odd one) around "…". */
  private static String elide(int[] cps, int keep) {
    return new String(cps, 0, (keep + 1) / 2) + "…" + new String(cps, cps.length - keep / 2, keep / 2);
  }

  static double textWidth(String text, Font font) {
    return font.getStringBounds(text, FRC).getWidth();
  }

  private static Font loadFont(String resource) {
    try (InputStream in = TrendChart.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font resource missing from classpath: " + resource);
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException("cannot load font " + resource, e);
    }
  }
}
