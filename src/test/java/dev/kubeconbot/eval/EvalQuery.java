package dev.kubeconbot.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One labelled query of the retrieval eval: the topic (what a person typed) and its relevance
 * judgment in one row, because every query has one answer, or a few equally good ones.
 *
 * @param line the line of queries.tsv it was read from, for messages
 * @param answers the passages that answer it; any one of them is a hit
 */
record EvalQuery(int line, Group group, Split split, String query, List<Answer> answers) {

  /** The phrase of an answer that any passage of its article gives, such as for {@code /takeaways 2019}. */
  static final String WHOLE_ARTICLE = "-";

  EvalQuery {
    answers = List.copyOf(answers);
    if (answers.isEmpty()) {
      throw new IllegalArgumentException("a query needs at least one answer");
    }
  }

  /** Whether a retrieved passage of {@code articleId} with {@code text} answers this query. */
  boolean isAnsweredBy(String articleId, String text) {
    return answers.stream().anyMatch(a -> a.isGivenBy(articleId, text));
  }

  /** The answers as they are written in queries.tsv, for messages. */
  String labels() {
    return answers.stream().map(a -> a.article() + " \"" + a.phrase() + "\"").collect(Collectors.joining(" or "));
  }

  /** White space folded to single spaces: passages join blocks with newlines, labels are typed on one line. */
  static String fold(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /**
   * One acceptable answer.
   *
   * @param article the id of the article that answers
   * @param phrase a short verbatim substring of the answering sentence, or {@link #WHOLE_ARTICLE}
   */
  record Answer(String article, String phrase) {

    boolean isWholeArticle() {
      return phrase.equals(WHOLE_ARTICLE);
    }

    boolean isGivenBy(String articleId, String text) {
      return article.equals(articleId) && (isWholeArticle() || fold(text).contains(fold(phrase)));
    }
  }

  /** The query groups; each measures one way people ask. */
  enum Group {
    EN_EN("en-en", true),
    EN_ZH("en-zh", true),
    ZH_EN("zh-en", true),
    KEYWORD("keyword", true),
    /** Shares no content word with its answer: only semantic search can find it, so it is printed, not asserted. */
    PARAPHRASE("paraphrase", false);

    final String label;
    final boolean asserted;

    Group(String label, boolean asserted) {
      this.label = label;
      this.asserted = asserted;
    }

    static Group of(String label) {
      return Arrays.stream(values()).filter(g -> g.label.equals(label)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown group '" + label + "'"));
    }
  }

  /** Tune queries may be looked at while improving an engine; held-out ones only at the end. */
  enum Split {
    TUNE, HELDOUT;

    static Split of(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }
}
