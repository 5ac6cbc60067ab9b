package dev.kubeconbot.render;

import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.Quote;
import dev.kubeconbot.answer.Trends;
import dev.kubeconbot.content.Article;
import java.util.Collections;
import java.util.List;

/** An answer as plain text for a person at a terminal. */
public final class AnswerText {

  /** Topics shown in the table of a trends answer; JSON has them all. */
  private static final int TOPIC_ROWS = 12;

  private AnswerText() {}

  public static String of(Answer answer) {
    StringBuilder text = new StringBuilder();
    text.append("== ").append(answer.title()).append(" ==\n");
    switch (answer.content()) {
      case Answer.Quotes quotes -> {
        quotes(text, quotes.quotes());
        quotes.hint().ifPresent(hint -> text.append('\n').append(hint).append('\n'));
      }
      case Answer.Message message -> { } // the message is the text below
      case Answer.TopicTrend trend -> {
        quotes(text, trend.quotes());
        text.append('\n');
        trend.trend().points().forEach(p -> text.append(String.format("   %-22s %3d of %3d passages  %5.1f%%  %s%n",
            p.edition().label(), p.matches(), p.passages(), 100 * p.share(),
            "#".repeat((int) Math.round(40 * p.share())))));
        text.append('\n').append(trend.hint()).append('\n');
      }
      case Answer.EditionTrends trends -> {
        text.append('\n').append(trends.summary()).append('\n');
        List<Trends.Highlight> highlights = trends.highlights();
        quotes(text, highlights.stream().map(Trends.Highlight::quote).toList(),
            highlights.stream().map(Trends.Highlight::heading).toList());
        text.append('\n').append(String.format("   %-28s %8s %8s %8s  %s%n", "topic", "share", "before", "change", "status"));
        trends.trends().topics().stream().limit(TOPIC_ROWS).forEach(t -> text.append(String.format(
            "   %-28s %7.1f%% %7.1f%% %+7.1f  %s%n", t.topic(), 100 * t.share(), 100 * t.before(), 100 * t.change(),
            t.status().key())));
      }
      case Answer.Listing listing -> listing(text, listing.articles());
    }
    if (!answer.message().isEmpty()) {
      text.append('\n').append(answer.message()).append('\n');
    }
    return text.toString();
  }

  private static void quotes(StringBuilder text, List<Quote> quotes) {
    quotes(text, quotes, Collections.nCopies(quotes.size(), ""));
  }

  /** Numbered quotes, each after its heading ("WebAssembly (rising)"), if not empty. */
  private static void quotes(StringBuilder text, List<Quote> quotes, List<String> headings) {
    int number = 1;
    for (int i = 0; i < quotes.size(); i++) {
      Quote quote = quotes.get(i);
      text.append('\n').append(number++).append(". ");
      if (!headings.get(i).isEmpty()) {
        text.append(headings.get(i)).append(" — ");
      }
      text.append('[').append(quote.edition().label()).append("] ")
          .append(quote.title());
      if (!quote.section().isEmpty()) {
        text.append(" › ").append(quote.section());
      }
      text.append('\n');
      quote.text().lines().forEach(line -> text.append("   > ").append(line).append('\n'));
      link(text, quote.url());
    }
  }

  private static void listing(StringBuilder text, List<Article> articles) {
    int number = 1;
    for (Article article : articles) {
      text.append('\n').append(number++).append(". [").append(article.edition().label()).append("] ")
          .append(article.title()).append('\n');
      link(text, article.source());
    }
  }

  private static void link(StringBuilder text, String url) {
    text.append("   ").append(url == null ? "(no source link)" : url).append('\n');
  }
}
