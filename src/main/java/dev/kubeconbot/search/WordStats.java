package dev.kubeconbot.search;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.EventCalendar;
import dev.kubeconbot.content.Scripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * For each Latin-script word of the passage text (as the segmented field indexes it: stemmed,
 * lower case), how many passages of each edition contain it, from Lucene's postings walked once. What {@code /trends}
 * compares to find words an edition used far more than others, such as a new project's name that
 * the glossary lacks. Words that name a glossary topic or a host city are left out: topics are
 * counted as topics, and a city only says where an edition was.
 */
final class WordStats {

  /** Words in fewer passages than this, corpus-wide, are never distinctive: they are not kept. */
  static final int MIN_WORD_PASSAGES = 3;

  private final List<Edition> editions;
  /** Passages per edition (by position in {@link #editions}) that contain each word. */
  private final Map<String, int[]> words;

  private WordStats(List<Edition> editions, Map<String, int[]> words) {
    this.editions = editions;
    this.words = words;
  }

  /** Statistics computed before (see {@link WarmState}): per word, its passages in each of {@code editions}. */
  static WordStats of(List<Edition> editions, Map<String, int[]> words) {
    return new WordStats(List.copyOf(editions), words);
  }

  /** Per kept word, its passages in each edition of the corpus, in time order; for {@link WarmState}. */
  Map<String, int[]> counts() {
    return words;
  }

  static WordStats of(PassageIndex index, Glossary glossary, EventCalendar calendar) {
    List<Edition> editions = List.copyOf(index.corpus().passageCounts().keySet());
    Set<String> excluded = new HashSet<>();
    List<String> names = new ArrayList<>();
    glossary.topics().forEach(t -> names.addAll(t.names()));
    calendar.events().forEach(e -> names.addAll(e.cities()));
    names.addAll(calendar.regions());
    names.forEach(name -> Analyzers.tokens(index.analyzer(), Analyzers.TEXT_WORDS, name)
        .forEach(token -> excluded.add(token.term())));
    return new WordStats(editions, words(index, editions, excluded));
  }

  private static Map<String, int[]> words(PassageIndex index, List<Edition> editions, Set<String> excluded) {
    Map<Edition, Integer> position = new HashMap<>();
    for (int i = 0; i < editions.size(); i++) {
      position.put(editions.get(i), i);
    }
    IndexReader reader = index.searcher().getIndexReader();
    try {
      int[] editionOf = new int[reader.maxDoc()];
      // Deleted documents (an updated article's old passages) count for no edition.
      for (int doc = 0; doc < editionOf.length; doc++) {
        editionOf[doc] = index.hasPassage(doc) ? position.get(index.passage(doc).article().edition()) : -1;
      }
      Map<String, int[]> words = new HashMap<>();
      Terms terms = MultiTerms.getTerms(reader, Analyzers.TEXT_WORDS);
      if (terms == null) {
        return words;
      }
      TermsEnum each = terms.iterator();
      PostingsEnum postings = null;
      for (BytesRef term = each.next(); term != null; term = each.next()) {
        if (each.docFreq() < MIN_WORD_PASSAGES) {
          continue;
        }
        String word = term.utf8ToString();
        if (!isWord(word) || excluded.contains(word)) {
          continue;
        }
        int[] counts = new int[editions.size()];
        postings = each.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
          if (editionOf[doc] >= 0) {
            counts[editionOf[doc]]++;
          }
        }
        words.put(word, counts);
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException("reading term statistics of the in-memory index failed", e);
    }
  }

  /**
   * Whether a term can be a name: a Latin word of three letters or more, no digits (years,
   * versions). Chinese articles, too, write project names in Latin letters; their Chinese words are
   * not kept, which spares most of the walk over a Chinese corpus.
   */
  private static boolean isWord(String term) {
    return term.length() >= 3 && term.codePoints().allMatch(c -> Character.isLetter(c) && Scripts.isLatin(c));
  }

  /** Every kept word with at least {@code min} passages in {@code selection}. */
  List<WordCount> words(Predicate<Edition> selection, Predicate<Edition> baseline, int min) {
    boolean[] inSelection = new boolean[editions.size()];
    boolean[] inBaseline = new boolean[editions.size()];
    for (int i = 0; i < editions.size(); i++) {
      inSelection[i] = selection.test(editions.get(i));
      inBaseline[i] = baseline.test(editions.get(i));
    }
    List<WordCount> counts = new ArrayList<>();
    words.forEach((term, perEdition) -> {
      int selected = 0;
      int base = 0;
      for (int i = 0; i < perEdition.length; i++) {
        selected += inSelection[i] ? perEdition[i] : 0;
        base += inBaseline[i] ? perEdition[i] : 0;
      }
      if (selected >= min) {
        counts.add(new WordCount(term, selected, base));
      }
    });
    return counts;
  }
}
