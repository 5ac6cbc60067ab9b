package dev.kubeconbot.search;

import dev.kubeconbot.content.Scripts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Turns user text into a {@link QueryPlan}: glossary topics first (each with all its names), then the
 * remaining words. Question words and fillers in English and Chinese are dropped so that "what did
 * KubeCon say about wasm" asks about wasm, not about "say". User text never reaches a query parser.
 */
final class QueryPlanner {

  /** Words that carry no topic in a question; the analyzers' own stop words are dropped as well. */
  private static final Set<String> FILLERS = Set.of(
      "what", "whats", "which", "who", "whom", "whose", "why", "how", "when", "where", "does", "did", "do",
      "done", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "has", "have",
      "had", "about", "tell", "me", "us", "say", "said", "says", "talk", "talked", "talks", "discuss",
      "discussed", "mention", "mentioned", "mentions", "think", "thought", "happen", "happened",
      "anything", "something", "thing", "things", "people", "news", "new", "latest", "happening",
      "any", "some", "our", "your", "my", "i", "you", "we", "they", "he", "she", "its", "kubecon",
      "cloudnativecon", "conference", "event", "edition", "get", "got", "know", "explain", "show",
      "give", "list", "please", "from", "all", "more", "most", "much", "many", "also", "been", "being",
      "key", "takeaway", "takeaways", "topic", "topics", "trend", "trends", "year",
      "的", "了", "是", "在", "和", "与", "及", "或", "吗", "呢", "吧", "啊", "呀", "有", "没有", "什么", "怎么",
      "怎样", "如何", "哪些", "哪个", "为什么", "关于", "一些", "这个", "那个", "这些", "那些", "我", "你", "我们",
      "你们", "他们", "说", "谈", "谈到", "提到", "讲", "讨论", "介绍", "请", "上", "中", "里", "会", "大会", "会议",
      "要点", "趋势", "话题", "主题", "年", "都", "也", "就", "对", "被", "把", "从", "给", "吗？", "哪", "还");

  /**
   * The most Lucene queries a plan may turn into. Each variant of a concept becomes at most one
   * query per text field (two fields), and Lucene refuses a search of more than 1,024 clauses in all;
   * half of that leaves room for the edition filters and whatever a search adds around the plan.
   */
  static final int MAX_CLAUSES = 512;
  private static final int FIELDS_PER_VARIANT = 2;

  /** How many passages contain a word; rarer words say more about what the user wants. */
  @FunctionalInterface
  interface WordRarity {
    int passagesWith(String word);
  }

  private final Glossary glossary;
  private final WordRarity rarity;
  private final Analyzer words;
  private final Analyzer bigrams;

  QueryPlanner(Glossary glossary, WordRarity rarity) {
    this.glossary = glossary;
    this.rarity = rarity;
    this.words = Analyzers.words();
    this.bigrams = Analyzers.bigrams();
  }

  Glossary glossary() {
    return glossary;
  }

  QueryPlan plan(String text) {
    Map<String, Concept> concepts = new LinkedHashMap<>();
    StringBuilder rest = new StringBuilder();
    int last = 0;
    for (Glossary.Mention mention : glossary.mentions(text)) {
      Glossary.Topic topic = mention.topic();
      concepts.putIfAbsent("topic:" + topic.name(), Concept.of(topic));
      rest.append(text, last, mention.start()).append(' ');
      last = mention.end();
    }
    rest.append(text.substring(last));
    Map<String, Concept> plainWords = new LinkedHashMap<>();
    for (String word : words(rest.toString())) {
      plainWords.putIfAbsent(word.toLowerCase(Locale.ROOT), Concept.word(word));
    }
    return new QueryPlan(text, bounded(List.copyOf(concepts.values()), List.copyOf(plainWords.values())));
  }

  /**
   * The concepts that fit in {@link #MAX_CLAUSES}, in the order asked: glossary topics first (chosen
   * names, the strongest signal), then the words in rarity order, so that a question of 500 distinct
   * Chinese characters still searches its most distinctive ones instead of failing. The order of the
   * kept concepts stays the user's.
   */
  private List<Concept> bounded(List<Concept> topics, List<Concept> plainWords) {
    int total = topics.stream().mapToInt(QueryPlanner::clauses).sum() + plainWords.size() * FIELDS_PER_VARIANT;
    if (total <= MAX_CLAUSES) {
      List<Concept> all = new ArrayList<>(topics);
      all.addAll(plainWords);
      return all;
    }
    Map<Concept, Integer> passages = new HashMap<>();
    plainWords.forEach(word -> passages.put(word, rarity.passagesWith(word.label())));
    List<Concept> candidates = new ArrayList<>(topics);
    plainWords.stream().sorted(Comparator.comparing(passages::get)).forEach(candidates::add);
    Set<Concept> kept = new HashSet<>();
    int budget = MAX_CLAUSES;
    for (Concept concept : candidates) {
      if (clauses(concept) <= budget) {
        kept.add(concept);
        budget -= clauses(concept);
      }
    }
    List<Concept> ordered = new ArrayList<>(topics);
    ordered.addAll(plainWords);
    ordered.removeIf(concept -> !kept.contains(concept));
    return ordered;
  }

  private static int clauses(Concept concept) {
    return concept.variants().size() * FIELDS_PER_VARIANT;
  }

  /**
   * The searchable words of {@code text}: segmented by smartcn (which keeps Latin words whole), minus
   * fillers and anything the bigram analysis drops entirely (stop words, punctuation).
   */
  private List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String piece : surfaceWords(text)) {
      String lower = piece.toLowerCase(Locale.ROOT);
      if (FILLERS.contains(lower) || Analyzers.tokens(bigrams, Analyzers.TEXT_BIGRAMS, piece).isEmpty()) {
        continue;
      }
      words.add(piece);
    }
    return words;
  }

  /**
   * Words as the user wrote them (not stemmed), so each can be analyzed per field later: Latin and
   * digit runs as they are, Chinese runs segmented by smartcn.
   */
  private List<String> surfaceWords(String text) {
    List<String> pieces = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    boolean runIsHan = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean han = Scripts.isHan(c);
      boolean wordChar = han || Character.isLetterOrDigit(c) || ((c == '-' || c == '.') && !run.isEmpty() && !runIsHan);
      if (!wordChar || (han != runIsHan && !run.isEmpty())) {
        flush(pieces, run, runIsHan);
      }
      if (wordChar) {
        runIsHan = han;
        run.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    flush(pieces, run, runIsHan);
    return pieces;
  }

  private void flush(List<String> pieces, StringBuilder run, boolean han) {
    if (run.isEmpty()) {
      return;
    }
    String piece = run.toString().replaceAll("[-.]+$", "");
    run.setLength(0);
    if (!han) {
      if (!piece.isEmpty()) {
        pieces.add(piece);
      }
      return;
    }
    for (Analyzers.Token token : Analyzers.tokens(words, Analyzers.TEXT_WORDS, piece)) {
      pieces.add(token.term());
    }
  }
}
