package dev.kubeconbot.cli;

import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.Quote;
import dev.kubeconbot.content.Edition;
import java.util.stream.Collectors;

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
      quote.text().lines().forEach(line -> text.append("   > ").append(line).append('\n'));
      text.append("   ").append(quote.url() == null ? "(no source link)" : quote.url()).append('\n');
    }
    if (!answer.mentions().isEmpty()) {
      text.append('\n').append(answer.mentions().stream().map(Edition::label).collect(Collectors.joining(", ")))
          .append('\n');
    }
    if (answer.message() != null) {
      text.append('\n').append(answer.message()).append('\n');
    }
    return text.toString();
  }
}
