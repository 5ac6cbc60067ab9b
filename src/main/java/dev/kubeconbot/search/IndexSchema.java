package dev.kubeconbot.search;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.Passage;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * What a passage's Lucene document holds: its position in the corpus, its text under both analyses
 * ({@link Analyzers}), its section heading and article title, and its article's year and region as
 * filters. Building and searching the
 * index both go through here, so the two cannot disagree on a field.
 */
final class IndexSchema {

  /**
   * The passage's article (its file) and its position among the article's passages: the way back from
   * a hit to its passage, stable while other articles change, so an index can be updated article by
   * article.
   */
  static final String ARTICLE = "article";
  static final String ORDINAL = "ordinal";
  static final String YEAR = "year";
  static final String REGION = "region";
  /** Present, with the value {@value #YES}, on passages that state a figure: they answer "how many" questions. */
  static final String HAS_FIGURE = "figure";
  static final String YES = "y";
  /**
   * Digits, or a Chinese numeral with a unit or counter (三千人, 六次, 两万): "一个" is too common to
   * count, so 一 alone does not.
   */
  private static final Pattern FIGURE = Pattern.compile("\\d|[两二三四五六七八九十百千万亿]+[十百千万亿次个位家人名场项届]");
  /** Both analyses of the passage text: Chinese words for precision, bigrams for recall. */
  static final List<String> TEXT_FIELDS = List.of(Analyzers.TEXT_WORDS, Analyzers.TEXT_BIGRAMS);

  private IndexSchema() {}

  /** The document of {@code passage}, the {@code ordinal}-th of its article. */
  static Document document(Passage passage, int ordinal) {
    Document doc = new Document();
    doc.add(new StringField(ARTICLE, passage.article().file(), Field.Store.NO));
    doc.add(new SortedDocValuesField(ARTICLE, new BytesRef(passage.article().file())));
    doc.add(new NumericDocValuesField(ORDINAL, ordinal));
    doc.add(new TextField(Analyzers.TEXT_WORDS, passage.text(), Field.Store.NO));
    doc.add(new TextField(Analyzers.TEXT_BIGRAMS, passage.text(), Field.Store.NO));
    doc.add(new TextField(Analyzers.HEADING, passage.section(), Field.Store.NO));
    doc.add(new TextField(Analyzers.TITLE, passage.article().title(), Field.Store.NO));
    if (!passage.linkWords().isEmpty()) {
      doc.add(new TextField(Analyzers.LINKS, passage.linkWords(), Field.Store.NO));
    }
    if (hasFigure(passage.text())) {
      doc.add(new KeywordField(HAS_FIGURE, YES, Field.Store.NO));
    }
    addEdition(doc, passage);
    return doc;
  }

  /** The passage's year and region, to filter on: the lexical and the vector index both hold them. */
  static void addEdition(Document doc, Passage passage) {
    doc.add(new IntField(YEAR, passage.article().edition().year(), Field.Store.NO));
    if (passage.article().edition().region() != null) {
      doc.add(new KeywordField(REGION, passage.article().edition().region(), Field.Store.NO));
    }
  }

  /** Whether {@code text} states a figure, as {@link #HAS_FIGURE} marks passages. */
  static boolean hasFigure(String text) {
    return FIGURE.matcher(text).find();
  }

  /** Passages that state a figure. */
  static Query figures() {
    return KeywordField.newExactQuery(HAS_FIGURE, YES);
  }

  /** {@code query} limited to the passages of {@code scope} (its year and region, where known); {@code null} for all. */
  static Query within(Query query, Edition scope) {
    Query filter = editionFilter(scope);
    if (filter == null) {
      return query;
    }
    return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
  }

  /** The passages of {@code scope} (its year and region, where known), or {@code null} for no limit. */
  static Query editionFilter(Edition scope) {
    if (scope == null || !scope.isKnown()) {
      return null;
    }
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    if (scope.hasYear()) {
      filter.add(IntField.newExactQuery(YEAR, scope.year()), BooleanClause.Occur.FILTER);
    }
    if (scope.region() != null) {
      filter.add(KeywordField.newExactQuery(REGION, scope.region()), BooleanClause.Occur.FILTER);
    }
    return filter.build();
  }
}
