package dev.kubeconbot.render;

import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.Lang;
import java.util.Optional;

/** The chart an answer shows, if its kind has one: what Discord attaches and the PNG endpoints serve. */
public final class AnswerChart {

  private AnswerChart() {}

  /** The PNG of {@code content}, labelled in {@code lang}; empty for kinds without a chart. */
  public static Optional<byte[]> png(Answer.Content content, Lang lang) {
    return switch (content) {
      case Answer.TopicTrend trend -> trend.trend().points().isEmpty()
          ? Optional.empty() : Optional.of(TrendChart.png(trend.trend(), lang));
      case Answer.EditionTrends trends -> trends.trends().heat().topics().isEmpty()
          ? Optional.empty() : Optional.of(TrendsChart.png(trends.trends(), lang));
      case Answer.Quotes quotes -> Optional.empty();
      case Answer.Message message -> Optional.empty();
      case Answer.Listing listing -> Optional.empty();
    };
  }
}
