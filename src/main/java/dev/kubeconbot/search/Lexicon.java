package dev.kubeconbot.search;

import dev.kubeconbot.content.Scripts;
import dev.kubeconbot.content.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;

/**
 * The bilingual English ↔ Chinese lexicon ({@code config/lexicon.yaml}): everyday words of writing
 * about cloud native, used at query time only, so that an English question reaches a Chinese
 * article ("outdated" → 过时) and a Chinese question an English one (过时 → outdated). An English
 * word finds the headword it is a form of: as written, else made singular ("developers" is
 * "developer"), else by its stem ("attending" is "attend"). Only when no headword has the form
 * written does the stem decide, since Porter's stems join words of other senses: "organizations"
 * and "organizer" are both "organ", but only the organizer is a 组织者, and "developers" are
 * 开发者 while "development" is also 发展. Chinese → English is the inverse map. Immutable and thread-safe.
 */
public final class Lexicon {

  /** A lexicon entry found in a text at [start, end): the words as written and their translations. */
  public record Match(String written, List<String> translations, int start, int end) {
    public Match {
      translations = List.copyOf(translations);
    }
  }

  record File(Integer version, Map<String, List<String>> entries) {}

  /** Chinese renderings shorter than this are not matched: one character is rarely one word. */
  private static final int MIN_CHINESE = 2;

  /** The reductions a word is compared by, least first: the first that finds a headword decides. */
  private static final List<Analyzers.Reduction> REDUCTIONS = List.of(Analyzers.Reduction.values());

  /** Lower-case letters, one space between words: a headword whose words are what it says. */
  private static final Pattern PLAIN = Pattern.compile("[a-z]+( [a-z]+)*");
  /** A word the plural rule may change: it ends in "s". */
  private static final Pattern PLURAL_LIKE = Pattern.compile("s\\b");

  /** The lexicon with no entries. */
  public static final Lexicon EMPTY = new Lexicon(Map.of());

  private final Map<Analyzers.Reduction, Analyzer> reducers = reducers();
  private final int headwords;
  /** A headword and its renderings. */
  private record Sense(String headword, List<String> chinese) {}

  /**
   * Per reduction, the headwords by their reduced form: as written "organization"; stemmed "organ"
   * → organization, organizer and organize.
   */
  private final Map<Analyzers.Reduction, Map<String, List<Sense>>> sensesByReduced = new EnumMap<>(Analyzers.Reduction.class);
  private final int longestHeadword;
  /** Headwords by Chinese rendering, renderings grouped by first character, longest first. */
  private final Map<String, List<String>> englishByChinese = new HashMap<>();
  private final Map<Character, List<String>> chineseByFirst;

  /**
   * A headword, its Chinese renderings, and its words under each reduction, joined by single spaces
   * (one key per {@link Analyzers.Reduction}, in its order; empty if the reduction leaves no word): what
   * the lexicon is made of once its headwords are analysed. The
   * build analyses the bundled lexicon once ({@link CompiledLexicon}); a start with that file takes the
   * result instead of analysing 4,000 headwords again.
   */
  record Headword(String headword, List<String> chinese, List<String> keys) {
    Headword {
      chinese = List.copyOf(chinese);
      keys = List.copyOf(keys);
    }
  }

  public Lexicon(Map<String, List<String>> entries) {
    this(analyse(entries));
  }

  private Lexicon(List<Headword> analysed) {
    this.headwords = analysed.size();
    for (Analyzers.Reduction reduction : REDUCTIONS) {
      sensesByReduced.put(reduction, HashMap.newHashMap(analysed.size()));
    }
    int longest = 0;
    for (Headword entry : analysed) {
      Sense sense = new Sense(entry.headword(), entry.chinese());
      for (Analyzers.Reduction reduction : REDUCTIONS) {
        String key = entry.keys().get(reduction.ordinal());
        if (!key.isEmpty()) {
          longest = Math.max(longest, wordCount(key));
          sensesByReduced.get(reduction).computeIfAbsent(key, k -> new ArrayList<>(1)).add(sense);
        }
      }
      for (String chinese : entry.chinese()) {
        if (chinese.length() >= MIN_CHINESE) {
          englishByChinese.merge(chinese, List.of(entry.headword()), Lexicon::union);
        }
      }
    }
    this.longestHeadword = longest;
    this.chineseByFirst = englishByChinese.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .collect(Collectors.groupingBy(c -> c.charAt(0)));
  }

  /** The headwords of {@code entries} with their words under each reduction, in the entries' order. */
  static List<Headword> analyse(Map<String, List<String>> entries) {
    Map<Analyzers.Reduction, Analyzer> reducers = reducers();
    List<Headword> analysed = new ArrayList<>(entries.size());
    for (Map.Entry<String, List<String>> entry : entries.entrySet()) {
      List<String> keys = new ArrayList<>(REDUCTIONS.size());
      for (Analyzers.Reduction reduction : REDUCTIONS) {
        keys.add(String.join(" ", reduce(reducers, reduction, entry.getKey())));
      }
      analysed.add(new Headword(entry.getKey(), entry.getValue(), keys));
    }
    return analysed;
  }

  /** How many words a non-empty key has: they are joined by single spaces. */
  private static int wordCount(String key) {
    int words = 1;
    for (int space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) {
      words++;
    }
    return words;
  }

  private static Map<Analyzers.Reduction, Analyzer> reducers() {
    Map<Analyzers.Reduction, Analyzer> reducers = new EnumMap<>(Analyzers.Reduction.class);
    for (Analyzers.Reduction reduction : REDUCTIONS) {
      reducers.put(reduction, Analyzers.english(reduction));
    }
    return reducers;
  }

  /**
   * Reads the lexicon file.
   *
   * @throws IOException if it is not a YAML map with an {@code entries} map of non-empty lists
   */
  public static Lexicon read(InputStream yaml) throws IOException {
    byte[] bytes = yaml.readAllBytes();
    Optional<List<Headword>> compiled = CompiledLexicon.of(bytes);
    return new Lexicon(compiled.isPresent() ? compiled.get() : analyse(entries(bytes)));
  }

  /**
   * The entries of a lexicon file, in file order, headwords lower-cased.
   *
   * @throws IOException if it is not a YAML map with an {@code entries} map of non-empty lists
   */
  static Map<String, List<String>> entries(byte[] bytes) throws IOException {
    Map<String, List<String>> written = LexiconLines.entries(new String(bytes, StandardCharsets.UTF_8)).orElse(null);
    if (written == null) {
      File file = YamlTree.bind(bytes, File.class);
      if (file == null || file.entries() == null) {
        throw new IOException("lexicon needs an 'entries' map");
      }
      written = file.entries();
    }
    Map<String, List<String>> entries = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : written.entrySet()) {
      List<String> renderings = entry.getValue() == null ? List.of()
          : entry.getValue().stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
      if (renderings.isEmpty()) {
        throw new IOException("lexicon entry '" + entry.getKey() + "' has no Chinese rendering");
      }
      entries.put(entry.getKey().strip().toLowerCase(java.util.Locale.ROOT), renderings);
    }
    return entries;
  }

  /** How many English headwords the lexicon has. */
  public int size() {
    return headwords;
  }

  /** The Chinese renderings of an English word or fixed phrase, in any inflection; empty if unknown. */
  public List<String> chinese(String english) {
    Map<Analyzers.Reduction, List<String>> reduced = new EnumMap<>(Analyzers.Reduction.class);
    for (Analyzers.Reduction reduction : REDUCTIONS) {
      reduced.put(reduction, terms(words(reduction, english)));
    }
    List<String> chinese = lookUp(reduced, 0, reduced.get(Analyzers.Reduction.NONE).size());
    return chinese == null ? List.of() : chinese;
  }

  /** The English headwords a Chinese word renders; empty if unknown. */
  public List<String> english(String chinese) {
    return englishByChinese.getOrDefault(chinese, List.of());
  }

  /**
   * The entries in {@code text}, left to right, without overlaps: English headwords (the longest
   * phrase wins) with their Chinese renderings, and Chinese renderings (the longest wins) with their
   * English headwords.
   */
  public List<Match> matches(String text) {
    List<Match> matches = new ArrayList<>();
    // Every reduction keeps one token per word, so the i-th token is the same word in each.
    Map<Analyzers.Reduction, List<String>> reduced = new EnumMap<>(Analyzers.Reduction.class);
    List<Analyzers.Token> words = List.of();
    for (Analyzers.Reduction reduction : REDUCTIONS) {
      words = words(reduction, text);
      reduced.put(reduction, terms(words));
    }
    for (int i = 0; i < words.size(); ) {
      int taken = 0;
      for (int n = Math.min(longestHeadword, words.size() - i); n >= 1 && taken == 0; n--) {
        List<Analyzers.Token> run = words.subList(i, i + n);
        List<String> chinese = consecutive(run) ? lookUp(reduced, i, i + n) : null;
        if (chinese != null) {
          int start = run.getFirst().start();
          int end = run.getLast().end();
          matches.add(new Match(text.substring(start, end), chinese, start, end));
          taken = n;
        }
      }
      i += Math.max(taken, 1);
    }
    for (int at = 0; at < text.length(); ) {
      String found = longestChineseAt(text, at);
      if (found == null) {
        at++;
      } else {
        matches.add(new Match(found, englishByChinese.get(found), at, at + found.length()));
        at += found.length();
      }
    }
    matches.sort(Comparator.comparingInt(Match::start));
    return matches;
  }

  private String longestChineseAt(String text, int at) {
    for (String chinese : chineseByFirst.getOrDefault(text.charAt(at), List.of())) {
      if (text.startsWith(chinese, at)) {
        return chinese;
      }
    }
    return null;
  }

  /** Whether the tokens follow each other with nothing but spaces or hyphens between them. */
  private static boolean consecutive(List<Analyzers.Token> run) {
    for (int i = 1; i < run.size(); i++) {
      if (run.get(i).position() != run.get(i - 1).position() + 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * The renderings of the words [from, to), by the least reduction that finds a headword; {@code null}
   * if none does. A stem finds only headwords no longer than the words written: "attending" is a
   * form of "attend", but "like" is no form of "likely", although Porter gives both the stem "like".
   */
  private List<String> lookUp(Map<Analyzers.Reduction, List<String>> reduced, int from, int to) {
    int written = String.join(" ", reduced.get(Analyzers.Reduction.NONE).subList(from, to)).length();
    for (Analyzers.Reduction reduction : REDUCTIONS) {
      List<Sense> senses = sensesByReduced.get(reduction).getOrDefault(String.join(" ", reduced.get(reduction).subList(from, to)), List.of());
      List<String> chinese = senses.stream()
          .filter(sense -> reduction != Analyzers.Reduction.STEM || sense.headword().length() <= written)
          .map(Sense::chinese)
          .reduce(Lexicon::union)
          .orElse(null);
      if (chinese != null) {
        return chinese;
      }
    }
    return null;
  }

  /**
   * The words of a headword, reduced. Most headwords are lower-case letters and spaces: as written
   * they are their words, and so are their singulars unless a word ends in "s" (the plural rule
   * touches nothing else). Only the rest are analysed, which keeps loading ~4,000 headwords to about
   * one analysis each.
   */
  private static List<String> reduce(Map<Analyzers.Reduction, Analyzer> reducers, Analyzers.Reduction reduction,
      String headword) {
    boolean plain = PLAIN.matcher(headword).matches();
    boolean unchanged = reduction == Analyzers.Reduction.NONE
        || (reduction == Analyzers.Reduction.PLURAL && !PLURAL_LIKE.matcher(headword).find());
    return plain && unchanged ? List.of(headword.split(" ")) : terms(words(reducers, reduction, headword));
  }

  /** The English words of {@code text} (Chinese characters left out), reduced as {@code reduction} says. */
  private List<Analyzers.Token> words(Analyzers.Reduction reduction, String text) {
    return words(reducers, reduction, text);
  }

  private static List<Analyzers.Token> words(Map<Analyzers.Reduction, Analyzer> reducers, Analyzers.Reduction reduction,
      String text) {
    return Analyzers.tokens(reducers.get(reduction), "q", text).stream().filter(t -> !Scripts.hasHan(t.term())).toList();
  }

  private static List<String> terms(List<Analyzers.Token> tokens) {
    return tokens.stream().map(Analyzers.Token::term).toList();
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
