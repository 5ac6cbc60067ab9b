package dev.kubeconbot.search;

import dev.kubeconbot.content.Scripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The English words the passages use, to correct a question's typo ("wihtout" → without,
 * "alocation" → allocation) against what is really there, as Lucene's spell checkers do: the
 * closest indexed word, then the most common. Only for words no passage has, and only for the
 * slips typing makes: a letter left out, doubled or swapped with its neighbour (two of those in
 * long words), first and last letters right. A real word the articles do not use is another word,
 * not a typo: "planet" must not become "plane", nor "staring" "start", nor "france" "frank".
 */
final class Vocabulary {

  /** Shorter words have too many neighbours one edit away ("hole" → home, "hong" → hung) to correct safely. */
  private static final int MIN_LENGTH = 5;
  /** From this length two edits are allowed ("opentelemtry"). */
  private static final int TWO_EDITS_FROM = 8;
  /** The first letter is rarely the one mistyped, and keeping it makes the lookup cheap. */
  private static final int PREFIX = 1;

  private final PassageIndex index;
  private final ConceptQueries queries;

  Vocabulary(PassageIndex index, ConceptQueries queries) {
    this.index = index;
    this.queries = queries;
  }

  /**
   * The indexed word closest to {@code word}, in the form it is indexed in (stemmed: "organ" for
   * organizations), if {@code word} is one Latin word that no passage has and a close one exists.
   */
  Optional<String> closest(String word) {
    List<Analyzers.Token> tokens = queries.tokens(Analyzers.TEXT_BIGRAMS, word);
    if (tokens.size() != 1 || Scripts.hasHan(word)) {
      return Optional.empty();
    }
    String term = tokens.getFirst().term();
    if (word.length() < MIN_LENGTH || !term.chars().allMatch(Character::isLetter)
        || index.docFreq(Analyzers.TEXT_BIGRAMS, term) > 0) {
      return Optional.empty();
    }
    try {
      Terms terms = MultiTerms.getTerms(index.searcher().getIndexReader(), Analyzers.TEXT_BIGRAMS);
      if (terms == null) {
        return Optional.empty();
      }
      int edits = term.length() >= TWO_EDITS_FROM ? 2 : 1;
      FuzzyTermsEnum near = new FuzzyTermsEnum(terms, new Term(Analyzers.TEXT_BIGRAMS, term), edits, PREFIX, true);
      String best = null;
      float bestBoost = -1;
      int bestCount = 0;
      for (BytesRef candidate = near.next(); candidate != null; candidate = near.next()) {
        String found = candidate.utf8ToString();
        float boost = near.getBoost();
        int count = near.docFreq();
        if (found.chars().allMatch(Character::isLetter) && isSlipOf(found, term, edits)
            && (boost > bestBoost || (boost == bestBoost && count > bestCount))) {
          best = found;
          bestBoost = boost;
          bestCount = count;
        }
      }
      // The correction is searched as a word again, so it must analyse to itself.
      String correction = best;
      return Optional.ofNullable(correction)
          .filter(c -> queries.tokens(Analyzers.TEXT_BIGRAMS, c).stream().map(Analyzers.Token::term).toList().equals(List.of(c)));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the index's words failed", e);
    }
  }

  /**
   * Whether {@code typed} is {@code word} mistyped: same last letter (the first is shared by the
   * lookup), and one letter left out, added or swapped with its neighbour; or, where two edits are
   * allowed, any two. One letter put for another is how different words differ ("tire", "time").
   */
  static boolean isSlipOf(String word, String typed, int edits) {
    if (word.isEmpty() || typed.isEmpty() || word.charAt(word.length() - 1) != typed.charAt(typed.length() - 1)) {
      return false;
    }
    if (edits > 1) {
      return true;
    }
    if (Math.abs(word.length() - typed.length()) == 1) {
      return true;
    }
    if (word.length() != typed.length()) {
      return false;
    }
    int first = 0;
    while (first < word.length() && word.charAt(first) == typed.charAt(first)) {
      first++;
    }
    return first + 1 < word.length() && word.charAt(first) == typed.charAt(first + 1)
        && word.charAt(first + 1) == typed.charAt(first) && word.substring(first + 2).equals(typed.substring(first + 2));
  }
}
