package dev.kubeconbot.search;

import dev.kubeconbot.content.Scripts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * Turns user text into a {@link QueryPlan}: glossary topics first (each with all its names), then
 * the words and fixed phrases of the question in the order written, those the lexicon knows with
 * their translations. Question scaffolding in English and Chinese is dropped so that "what did
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
      "要点", "趋势", "话题", "主题", "年", "都", "也", "就", "对", "被", "把", "从", "给", "吗？", "哪", "还",
      "is", "are", "was", "were", "am", "there", "anyone", "really", "special", "mentioning", "discussing",
      "talking", "saying", "told", "hear", "heard", "wondering", "curious", "kind", "sort", "trying",
      "多少", "有多少", "谁", "是谁", "哪里", "哪儿", "哪届", "那届", "这届", "那次", "那年", "了吗", "能", "可以",
      "是否", "时候", "什么时候", "一下", "到底", "嘛", "么", "呢？", "怎么样", "哪一", "咋", "过", "着", "得", "地",
      // the Chinese of "people", "think" and "still": "大家怎么看", "还有必要吗"
      "大家", "人们", "人們", "还有", "還有", "看", "看法",
      // words that say how much ("why is it so hard", "为什么这么复杂"), not about what
      "so", "very", "too", "quite", "这么", "這麼", "那么", "那麼", "如此", "非常", "很", "太",
      // "what was it like", "tools like Argo", "why do teams like wasm": a comparison or a liking, not a topic
      "like",
      // "is anyone there", "有人吗": asks whether, not about whom
      "有人", "有没有", "有沒有",
      // "is X still necessary", "还有必要吗": asks for a verdict on X, which passages give in their own words
      "necessary", "relevant", "still", "anymore", "必要", "有必要");

  /**
   * A question for a number or a date ("how many", "多少", "when was", "什么时候"): its answer is a
   * passage with figures in it, such as a year or a month and year. Only "when" that opens a question
   * asks for a date: "what happens when a node fails" does not.
   */
  private static final Pattern HOW_MANY = Pattern.compile(
      "(?i)\\bhow (many|much|big|large)\\b|\\bnumber of\\b|多少|几个|几位|几家|几次|幾個|幾位|幾家|幾次"
          + "|^\\W*(since )?when (is|was|were|did|does|do|will|has|had)\\b|\\b(what|which) year\\b|\\bin what year\\b"
          + "|什么时候|什麼時候|何时|何時|哪一年|哪年|几月|幾月|哪天");

  /**
   * A question for what something is for ("what is OpenTelemetry trying to do", "what is SMI for",
   * "Flux 是做什么的", "WebAssembly 有什么用"): the answer usually says "its goal is …", "aims to …",
   * "旨在 …", which {@link #PURPOSE} hints at. The words of the frame are scaffolding: this pattern
   * matches them alone, so they can be blanked out ("used" of "used for" is not the topic).
   */
  private static final Pattern PURPOSE_FRAME = Pattern.compile(
      "(?i)\\btrying to (do|achieve|solve)\\b|\\b(meant|supposed|designed) to do\\b|\\bused for\\b|\\bgood for\\b"
          + "|\\b(purpose|goal|aim) of\\b"
          + "|有什么用|有啥用|有何用|是做什么的|是干什么的|用来做什么|用来干什么|做什么用|的目的是|的目标是|的作用是");
  /** Purpose questions whose frame is fillers already ("what does OpenCost do", "what is SMI for"): nothing to blank. */
  private static final Pattern PURPOSE_QUESTION = Pattern.compile("(?i)^\\W*what (is|are|was|were) .{1,40} for\\W*$|^\\W*what does .{1,40} do\\W*$");
  /** How a purpose is written: weighs less than a word the user wrote, since they did not write it. */
  static final Concept PURPOSE = new Concept("purpose",
      List.of("goal", "aim", "purpose", "designed to", "intended to", "so that", "in order to",
          "目标", "目的", "旨在", "为了", "用于", "作用", "目標", "為了", "用於"),
      List.of(), null, 0.5f);

  /**
   * The most Lucene queries a plan may turn into. Each variant or translation of a concept becomes at
   * most one query per field (two text fields, the heading and the title), and Lucene refuses a search of more than 1,024 clauses in all;
   * half of that leaves room for the edition filters and whatever a search adds around the plan.
   */
  static final int MAX_CLAUSES = 512;
  private static final int FIELDS_PER_VARIANT = 4;

  /** How many passages contain a word; rarer words say more about what the user wants. */
  @FunctionalInterface
  interface WordRarity {
    int passagesWith(String word);
  }

  private final Glossary glossary;
  private final Lexicon lexicon;
  private final ShortForms shortForms;
  private final WordRarity rarity;
  private final Analyzer words;
  private final Analyzer bigrams;

  QueryPlanner(Glossary glossary, Lexicon lexicon, ShortForms shortForms, WordRarity rarity) {
    this.glossary = glossary;
    this.lexicon = lexicon;
    this.shortForms = shortForms;
    this.rarity = rarity;
    this.words = Analyzers.words();
    this.bigrams = Analyzers.bigrams();
  }

  Glossary glossary() {
    return glossary;
  }

  Lexicon lexicon() {
    return lexicon;
  }

  QueryPlan plan(String text) {
    // "how many ppl came" is planned as "how many people came": short forms as the articles write them.
    String written = shortForms.expand(text);
    Map<String, Concept> topics = new LinkedHashMap<>();
    // What is taken is blanked out, so that positions stay positions in the text.
    char[] rest = written.toCharArray();
    Matcher frame = PURPOSE_FRAME.matcher(written);
    List<Concept> hints = new ArrayList<>();
    if (frame.find()) {
      hints.add(PURPOSE);
      Arrays.fill(rest, frame.start(), frame.end(), ' ');
    } else if (PURPOSE_QUESTION.matcher(written).find()) {
      hints.add(PURPOSE);
    }
    for (Glossary.Mention mention : glossary.mentions(written)) {
      topics.putIfAbsent("topic:" + mention.topic().name(), Concept.of(mention.topic()));
      Arrays.fill(rest, mention.start(), mention.end(), ' ');
    }
    TreeMap<Integer, Concept> byPosition = new TreeMap<>();
    for (Lexicon.Match match : lexicon.matches(new String(rest))) {
      if (!isScaffolding(match.written())) {
        byPosition.put(match.start(), Concept.translated(match.written(), match.translations()));
      }
      Arrays.fill(rest, match.start(), match.end(), ' ');
    }
    String remaining = new String(rest);
    List<String> words = words(remaining);
    int at = 0;
    for (String word : words) {
      int position = remaining.indexOf(word, at);
      at = position < 0 ? at : position + word.length();
      // A Chinese character smartcn leaves alone is mostly a particle (更, 前): a concept only when it is all there is.
      if (!isLoneHan(word) || (words.size() == 1 && byPosition.isEmpty() && topics.isEmpty())) {
        byPosition.put(position < 0 ? remaining.length() + byPosition.size() : position, Concept.word(word));
      }
    }
    Map<String, Concept> plainWords = new LinkedHashMap<>();
    byPosition.values().forEach(c -> plainWords.putIfAbsent(c.label().toLowerCase(Locale.ROOT), c));
    return new QueryPlan(text, bounded(List.copyOf(topics.values()), List.copyOf(plainWords.values())),
        HOW_MANY.matcher(written).find(), hints);
  }

  private static boolean isLoneHan(String word) {
    return word.codePointCount(0, word.length()) == 1 && Scripts.isHan(word.codePointAt(0));
  }

  /** A question word or filler, or a word the analysis drops entirely (stop words, punctuation). */
  private boolean isScaffolding(String word) {
    return FILLERS.contains(word.toLowerCase(Locale.ROOT)) || Analyzers.tokens(bigrams, Analyzers.TEXT_BIGRAMS, word).isEmpty();
  }

  /**
   * The concepts that fit in {@link #MAX_CLAUSES}, in the order asked: glossary topics first (chosen
   * names, the strongest signal), then the words in rarity order, so that a question of 500 distinct
   * Chinese characters still searches its most distinctive ones instead of failing. The order of the
   * kept concepts stays the user's.
   */
  private List<Concept> bounded(List<Concept> topics, List<Concept> plainWords) {
    int total = topics.stream().mapToInt(QueryPlanner::clauses).sum() + plainWords.stream().mapToInt(QueryPlanner::clauses).sum();
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
    // A translation of several English words is also searched as its words apart, one clause each.
    int looseWords = ConceptQueries.translations(concept).stream()
        .mapToInt(t -> Scripts.hasHan(t) ? 0 : t.split("[\\s-]+").length)
        .filter(words -> words > 1)
        .sum();
    return (concept.variants().size() + Math.min(concept.translations().size(), ConceptQueries.MAX_TRANSLATIONS))
        * FIELDS_PER_VARIANT + looseWords;
  }

  /**
   * The searchable words of {@code text}: segmented by smartcn (which keeps Latin words whole), minus
   * fillers and anything the bigram analysis drops entirely (stop words, punctuation).
   */
  private List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String piece : surfaceWords(text)) {
      if (!isScaffolding(piece)) {
        words.add(piece);
      }
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
