package dev.kubeconbot.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads queries.tsv: a header line, then group, split, query, article, phrase separated by tabs.
 * A query that several passages answer equally well lists them as {@code id1|id2} and
 * {@code phrase1|phrase2}, paired in order.
 */
final class EvalQueries {

  static final String HEADER = "group\tsplit\tquery\tarticle\tphrase";

  private EvalQueries() {}

  /** The queries of {@code file}; a malformed line fails loudly with its number, since a silent skip would shift the figures. */
  static List<EvalQuery> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
      throw new IllegalArgumentException(file + ": the first line must be the header: " + HEADER);
    }
    List<EvalQuery> queries = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      int number = i + 1;
      if (fields.length != 5 || fields[2].isBlank() || fields[3].isBlank() || fields[4].isBlank()) {
        throw new IllegalArgumentException(file + ":" + number + ": expected 5 non-empty tab-separated fields: " + line);
      }
      try {
        queries.add(new EvalQuery(number, EvalQuery.Group.of(fields[0]), EvalQuery.Split.of(fields[1]),
            fields[2], answers(fields[3], fields[4])));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
      }
    }
    return queries;
  }

  private static List<EvalQuery.Answer> answers(String articles, String phrases) {
    String[] ids = articles.split("\\|", -1);
    String[] texts = phrases.split("\\|", -1);
    if (ids.length != texts.length) {
      throw new IllegalArgumentException(ids.length + " articles but " + texts.length + " phrases");
    }
    List<EvalQuery.Answer> answers = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      answers.add(new EvalQuery.Answer(ids[i].strip(), texts[i].strip()));
    }
    return answers;
  }
}
