package dev.kubeconbot.render;

import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.answer.Messages;
import dev.kubeconbot.answer.Trends;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.AxesChartStyler.TextAlignment;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * The {@code /trends} heat map: the top topics (rows) × editions in time order (columns), each cell
 * the topic's share of that edition's passages, the selected editions' labels marked with ▶. Text
 * in the bundled CJK font, as {@link TrendChart}.
 */
public final class TrendsChart {

  /** The selected editions' column labels start with this. */
  static final String MARK = "▶ ";
  /** White for no mention, to the bars' Kubernetes blue for the highest share. */
  private static final Color[] RANGE = {Color.WHITE, new Color(0xC6, 0xD8, 0xF7), TrendChart.BAR_COLOR};
  private static final double MAX_TOPIC_WIDTH = 160;
  private static final double MAX_EDITION_WIDTH = 110;

  private TrendsChart() {}

  /**
   * The heat map of {@code trends} at {@link TrendChart#WIDTH}×{@link TrendChart#HEIGHT}, labelled
   * in {@code lang}.
   *
   * @throws IllegalArgumentException if there is no topic or no edition to show
   */
  public static byte[] png(Trends trends, Lang lang) {
    Trends.Heat heat = trends.heat();
    if (heat.topics().isEmpty() || heat.editions().isEmpty()) {
      throw new IllegalArgumentException("a heat map needs at least one topic and one edition");
    }
    List<String> columns = heat.editions().stream()
        .map(e -> TrendChart.fit((heat.selected().contains(e) ? MARK : "") + e.shortLabel(), TrendChart.TICK_FONT,
            MAX_EDITION_WIDTH))
        .toList();
    // The first topic on top: XChart draws the first row at the bottom.
    List<String> rows = heat.topics().reversed().stream()
        .map(t -> TrendChart.fit(t, TrendChart.TICK_FONT, MAX_TOPIC_WIDTH))
        .toList();
    List<Number[]> cells = new ArrayList<>();
    double max = 0;
    for (int t = 0; t < heat.topics().size(); t++) {
      for (int e = 0; e < heat.editions().size(); e++) {
        double percent = Math.round(heat.shares().get(t).get(e) * 1000) / 10.0;
        max = Math.max(max, percent);
        if (percent > 0) { // no mention: a blank cell, not a "0%" among the figures
          cells.add(new Number[] {e, heat.topics().size() - 1 - t, percent});
        }
      }
    }
    HeatMapChart chart = new HeatMapChartBuilder()
        .width(TrendChart.WIDTH)
        .height(TrendChart.HEIGHT)
        .title(TrendChart.fit(Messages.get(lang, "trends.chartTitle", trends.selection().label()), TrendChart.TITLE_FONT,
            TrendChart.WIDTH - 40))
        .build();
    HeatMapStyler styler = chart.getStyler();
    TrendChart.style(styler);
    styler.setRangeColors(RANGE);
    styler.setMin(0);
    styler.setMax(max > 0 ? max : 1);
    styler.setShowValue(true);
    styler.setValueFont(TrendChart.TICK_FONT.deriveFont(12f));
    styler.setValueFontColor(TrendChart.TEXT_COLOR);
    styler.setHeatMapValueDecimalPattern(TrendChart.PERCENT_PATTERN);
    // XChart leaves out labels closer than its spacing hint; every row and column has its own.
    styler.setXAxisTickMarkSpacingHint(20);
    styler.setYAxisTickMarkSpacingHint(10);
    styler.setDrawBorder(true);
    styler.setXAxisTitleVisible(false);
    styler.setYAxisTitleVisible(false);
    if (columns.size() > 6) {
      styler.setXAxisLabelRotation(45);
      styler.setXAxisLabelAlignment(TextAlignment.Right);
    }
    chart.addSeries("share", columns, rows, cells);
    return TrendChart.encode(BitmapEncoder.getBufferedImage(chart));
  }
}
