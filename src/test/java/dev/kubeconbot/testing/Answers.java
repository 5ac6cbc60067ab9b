package dev.kubeconbot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.Trend;
import dev.kubeconbot.answer.Trends;

/** The parts of an answer tests look at, failing clearly when the answer is of another kind. */
public final class Answers {

  private Answers() {}

  /** The content of {@code answer}, which must be of {@code kind}. */
  public static <T extends Answer.Content> T content(Answer answer, Class<T> kind) {
    assertThat(answer.content()).as("content of " + answer.query()).isInstanceOf(kind);
    return kind.cast(answer.content());
  }

  /** The figures of a /trends answer. */
  public static Trends trends(Answer answer) {
    return content(answer, Answer.EditionTrends.class).trends();
  }

  /** The trend of a /trend answer. */
  public static Trend trend(Answer answer) {
    return content(answer, Answer.TopicTrend.class).trend();
  }

  /** The one-line hint of an answer with quotes or a trend; {@code null} if it has none. */
  public static String hint(Answer answer) {
    return switch (answer.content()) {
      case Answer.Quotes quotes -> quotes.hint().orElse(null);
      case Answer.TopicTrend trend -> trend.hint();
      case Answer.EditionTrends trends -> null;
      case Answer.Message message -> null;
      case Answer.Listing listing -> null;
    };
  }
}
