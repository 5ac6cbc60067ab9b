package dev.kubeconbot.cli;

import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.Quote;

/** An answer as plain text for a person at a terminal. */
final class AnswerText {

  private AnswerText() {}

  static String of(Answer answer) {
    StringBuilder text = new StringBuilder();
    text.append("== ").append(answer.title()).append(" ==\n");
    int number = 1;
    for (Quote quote : answer.quotes()) {
      text.append('\n').append(number++).append(". [").append(quote.edition().label()).append("] ")
          .append(quote.title());
      if (!quote.section().isEmpty()) {
        text.append(" › ").append(quote.section());
      }
      text.append('\n');
      if (!quote.text().equals(quote.title())) { // /sources lists titles: no need to say them twice
        quote.text().lines().forEach(line -> text.append("   > ").append(line).append('\n'));
      }
      text.append("   ").append(quote.url() == null ? "(no source link)" : quote.url()).append('\n');
    }
    if (answer.trend() != null) {
      text.append('\n');
      answer.trend().points().forEach(p -> text.append(String.format("   %-22s %3d of %3d passages  %5.1f%%  %s%n",
          p.edition().label(), p.matches(), p.passages(), 100 * p.share(), "#".repeat((int) Math.round(40 * p.share())))));
    }
    if (answer.hint() != null) {
      text.append('\n').append(answer.hint()).append('\n');
    }
    if (answer.message() != null) {
      text.append('\n').append(answer.message()).append('\n');
    }
    return text.toString();
  }
}
