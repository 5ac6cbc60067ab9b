package dev.kubeconbot.search;

import dev.kubeconbot.content.Scripts;
import java.util.ArrayList;
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

  private final Glossary glossary;
  private final Analyzer words;
  private final Analyzer bigrams;

  QueryPlanner(Glossary glossary) {
    this.glossary = glossary;
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
    for (String word : words(rest.toString())) {
      concepts.putIfAbsent("word:" + word.toLowerCase(Locale.ROOT), Concept.word(word));
    }
    return new QueryPlan(text, new ArrayList<>(concepts.values()));
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
