package dev.kubeconbot.eval;

import java.util.Arrays;
import java.util.Locale;

/**
 * One labelled query of the retrieval eval: the topic (what a person typed) and its relevance
 * judgment (the article that answers it and a verbatim phrase of the answering sentence) in one row,
 * because every query has exactly one answer.
 *
 * @param line the line of queries.tsv it was read from, for messages
 * @param phrase a short verbatim substring of the answering sentence, or {@link #WHOLE_ARTICLE}
 */
record EvalQuery(int line, Group group, Split split, String query, String article, String phrase) {

  /** The phrase of a query that any passage of its article answers, such as {@code /takeaways 2019}. */
  static final String WHOLE_ARTICLE = "-";

  /** Whether a retrieved passage of {@code articleId} with {@code text} answers this query. */
  boolean isAnsweredBy(String articleId, String text) {
    return article.equals(articleId) && (phrase.equals(WHOLE_ARTICLE) || fold(text).contains(fold(phrase)));
  }

  /** White space folded to single spaces: passages join blocks with newlines, labels are typed on one line. */
  static String fold(String text) {
    return text.replaceAll("\\s+", " ").strip();
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
