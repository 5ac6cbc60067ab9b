package dev.kubeconbot.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON form of an answer, one object per query, shared by {@code ask --json} and
 * {@code GET /api/ask}: {@code {"query","command","answers":[{"title","url","event","year","region",
 * "quote","score"}],"message"}}. {@code message} is left out when there is none.
 */
public final class AnswerJson {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private AnswerJson() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Body(String query, String command, List<Item> answers, String message) {}

  record Item(String title, String url, String event, Integer year, String region, String quote, double score) {}

  /** One line of JSON, no trailing newline. */
  public static String of(Answer answer) {
    List<Item> items = answer.quotes().stream()
        .map(q -> new Item(q.title(), q.url(), q.edition().label(),
            q.edition().hasYear() ? q.edition().year() : null, q.edition().region(), q.text(), q.score()))
        .toList();
    try {
      return JSON.writeValueAsString(new Body(answer.query(), answer.command(), items, answer.message()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("answer could not be written as JSON", e);
    }
  }
}
