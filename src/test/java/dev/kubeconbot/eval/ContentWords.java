package dev.kubeconbot.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The stemmed content words of English text, the way an English lexical index would see them. */
final class ContentWords {

  /** Lucene's English stop words plus question words, pronouns, determiners and a few prepositions: no topic in them. */
  private static final CharArraySet STOP = stopWords();

  private ContentWords() {}

  static Set<String> of(String text) {
    Set<String> words = new TreeSet<>();
    try (EnglishAnalyzer analyzer = new EnglishAnalyzer(STOP);
        TokenStream tokens = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }

  private static CharArraySet stopWords() {
    CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    stop.addAll(Set.of(
        "what", "which", "who", "why", "how", "when", "where", "do", "does", "did", "can", "could",
        "has", "have", "were", "been", "we", "i", "you", "they", "them", "its",
        "any", "many", "much", "every", "all", "some", "one", "so", "from", "about", "before", "after"));
    return stop;
  }
}
