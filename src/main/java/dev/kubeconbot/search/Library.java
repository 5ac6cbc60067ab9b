package dev.kubeconbot.search;

import dev.kubeconbot.content.Article;
import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.EventCalendar;
import dev.kubeconbot.content.Passage;
import dev.kubeconbot.content.Scripts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.ScoreDoc;

/**
 * Everything an answer is made from, and the one way commands search: the indexed corpus, the
 * glossary and lexicon, the event calendar, turning text into a {@link QueryPlan} and running it. One immutable
 * snapshot, safe to share between threads; a reload builds a new library and swaps it in whole.
 */
public final class Library implements AutoCloseable {

  /** Matches from which a search is split among the cores: about 5 ms of scoring on one. */
  private static final long HEAVY_MATCHES = 50_000;
  private final PassageIndex index;
  private final QueryPlanner planner;
  private final EventCalendar calendar;
  private final ConceptQueries queries;
  private final Coverage coverage;
  private final Vocabulary vocabulary;
  /** The passages' vectors once {@link SemanticSearch} has them all; until then answers are lexical only. */
  private volatile VectorIndex vectors;
  /** How questions merge lexical and semantic hits; the eval compares the ways. */
  private volatile Fusion fusion = Fusion.HYBRID;
  private final SentenceScorer sentences;
  /**
   * Per glossary topic and edition, the matching passages and the best of them: computed once, on
   * first use or by {@link #prepare} (the warm-up before readiness), since topics come back in query
   * after query and a trend of a common topic visits thousands of passages.
   */
  private volatile Map<Glossary.Topic, TopicMatches> topicMatches;
  /** Passages per word and edition, for /trends only: computed on its first use. */
  private volatile WordStats words;

  private Library(PassageIndex index, Glossary glossary, Lexicon lexicon, ShortForms shortForms, EventCalendar calendar) {
    this.index = index;
    this.calendar = calendar;
    this.queries = new ConceptQueries(index.analyzer(), index.searcher());
    this.coverage = new Coverage(index, queries);
    this.vocabulary = new Vocabulary(index, queries);
    // Long questions keep their rarest words: the planner asks this index how common each is.
    this.planner = new QueryPlanner(glossary, lexicon, shortForms, word -> coverage.estimatedCount(Concept.word(word)));
    this.sentences = new SentenceScorer(coverage, index.size());
  }

  /** Indexes {@code corpus} in memory; the glossary, lexicon, short forms and calendar are used as given. */
  public static Library of(Corpus corpus, Glossary glossary, Lexicon lexicon, ShortForms shortForms, EventCalendar calendar) {
    return of(PassageIndex.build(corpus), glossary, lexicon, shortForms, calendar);
  }

  static Library of(PassageIndex index, Glossary glossary, Lexicon lexicon, ShortForms shortForms, EventCalendar calendar) {
    return new Library(index, glossary, lexicon, shortForms, calendar);
  }

  /** {@link #load(Path, List, long)} with the default size cap for content files. */
  public static Library load(Path configDir, List<Path> contentDirs) throws ContentException {
    return load(configDir, contentDirs, ContentLoader.DEFAULT_MAX_FILE_BYTES);
  }

  /**
   * Loads {@code events.yaml}, {@code glossary.yaml}, {@code lexicon.yaml} and {@code shortforms.yaml} from {@code configDir} (or the copies built
   * into the jar when the folder lacks them), then the articles under {@code contentDirs} of at most
   * {@code maxFileBytes} each, and indexes them. The Chinese dictionaries load on another core meanwhile.
   *
   * @throws ContentException if a content folder or a configuration file cannot be used
   */
  public static Library load(Path configDir, List<Path> contentDirs, long maxFileBytes) throws ContentException {
    ConfigFiles config = ConfigFiles.await(ConfigFiles.readInBackground(configDir).files());
    return of(PassageIndex.build(read(config.calendar(), contentDirs, maxFileBytes, new ContentLoader.Memory())), config);
  }

  /**
   * Like {@link #load(Path, List, long)}, with the index kept in {@code indexFolder} (created if
   * missing): reopened in a fraction of a second when the content is unchanged since it was written,
   * updated article by article when some files changed, built from all cores otherwise. In memory,
   * with a warning, if the folder cannot be written. Close the library when it is no longer used.
   * Files unchanged since the last load with {@code memory} are not parsed again (see
   * {@link ContentLoader.Memory}), and index segments it opened are shared: give each reload the memory of the start.
   */
  public static Library loadPersisted(Path configDir, List<Path> contentDirs, long maxFileBytes, Path indexFolder,
      Memory memory) throws ContentException {
    return loadPersisted(ConfigFiles.readInBackground(configDir), contentDirs, maxFileBytes, indexFolder, memory);
  }

  /**
   * {@link #loadPersisted(Path, List, long, Path, Memory)} with the configuration files
   * already being read ({@link ConfigFiles#readInBackground}): start-up begins that before it has
   * parsed its own settings, which say where the content and the index are.
   */
  public static Library loadPersisted(ConfigFiles.Reading config, List<Path> contentDirs, long maxFileBytes,
      Path indexFolder, Memory memory) throws ContentException {
    memory.articles.readAhead();
    // The first load opens and verifies the folder's latest commit while the articles are read; a
    // reload instead shares the live index's segments with the next one.
    try (IndexStore.Peek peek = memory.index == null ? IndexStore.Peek.at(indexFolder) : IndexStore.Peek.NONE) {
      // The index needs only the calendar; the lexicon and the dictionaries, the slowest files, load meanwhile.
      Corpus corpus = read(ConfigFiles.await(config.calendar()), contentDirs, maxFileBytes, memory.articles);
      PassageIndex index = PassageIndex.open(indexFolder, corpus, memory.index, peek);
      ConfigFiles files;
      try {
        files = ConfigFiles.await(config.files());
      } catch (ContentException | RuntimeException | Error e) {
        index.close();
        throw e;
      }
      memory.index = index;
      return of(index, files);
    }
  }

  /**
   * What the last {@link #loadPersisted} with it read and opened, for the next one (a reload): the
   * parsed articles, and the index, whose unchanged segments the next index shares rather than
   * opening a second copy of them beside the live one.
   */
  public static final class Memory {
    private final ContentLoader.Memory articles;
    /** The index last opened: the live one, unless the reload that opened it was refused (then closed). */
    private volatile PassageIndex index;

    /** A memory whose parsed articles are {@code articles} (see {@link ContentLoader.Memory#savedIn}). */
    public Memory(ContentLoader.Memory articles) {
      this.articles = articles;
    }
  }

  /**
   * The configuration files a library is made with besides the content: {@code events.yaml},
   * {@code glossary.yaml}, {@code lexicon.yaml} and {@code shortforms.yaml} from a folder, or the copies
   * built into the jar where the folder lacks them.
   */
  public record ConfigFiles(EventCalendar calendar, Glossary glossary, Lexicon lexicon, ShortForms shortForms) {

    /**
     * The files being read: the calendar, which the content needs, on its own, and all of them. Each
     * future fails with what {@link #await} turns into a {@link ContentException} if a file cannot be
     * read or parsed.
     */
    public record Reading(CompletableFuture<EventCalendar> calendar, CompletableFuture<ConfigFiles> files) {}

    /**
     * Starts reading them from {@code configDir} on other threads, the calendar, the lexicon (the
     * largest) and the rest each on its own; the Chinese dictionaries start loading too, and the
     * files are complete when they are.
     */
    public static Reading readInBackground(Path configDir) {
      ReadAhead ahead = READ_AHEAD.getAndSet(null);
      return ahead != null && ahead.folder().equals(folderOf(configDir)) ? ahead.files() : read(configDir);
    }

    /**
     * Starts {@link #readInBackground} of {@code configDir} before anyone asks for it: an entry point
     * does this with its default folder from its first instant, while it parses its arguments (which
     * may name another folder). The next readInBackground takes what was read if it asks for the same
     * folder, and drops it otherwise; later ones (reloads) read the files again.
     */
    public static void readAhead(Path configDir) {
      READ_AHEAD.set(new ReadAhead(folderOf(configDir), read(configDir)));
    }

    /** What {@link #readAhead} started, until a {@link #readInBackground} takes it. */
    private static final AtomicReference<ReadAhead> READ_AHEAD = new AtomicReference<>();

    private record ReadAhead(Path folder, Reading files) {}

    private static Path folderOf(Path configDir) {
      return configDir.toAbsolutePath().normalize();
    }

    private static Reading read(Path configDir) {
      CompletableFuture<Void> dictionaries = CompletableFuture.runAsync(Library::warmUp, ConfigFiles::onItsOwnThread);
      CompletableFuture<EventCalendar> calendar = readOnItsOwnThread(configDir, "events.yaml", EventCalendar::read);
      CompletableFuture<Lexicon> lexicon = readOnItsOwnThread(configDir, "lexicon.yaml", Lexicon::read);
      CompletableFuture<Glossary> glossary = readOnItsOwnThread(configDir, "glossary.yaml", Glossary::read);
      CompletableFuture<ShortForms> shortForms = readOnItsOwnThread(configDir, "shortforms.yaml", ShortForms::read);
      CompletableFuture<ConfigFiles> files = CompletableFuture.allOf(calendar, lexicon, glossary, shortForms, dictionaries)
          .thenApply(all -> new ConfigFiles(calendar.join(), glossary.join(), lexicon.join(), shortForms.join()));
      return new Reading(calendar, files);
    }

    /** How a configuration file is parsed. */
    private interface Parser<T> {
      T parse(InputStream file) throws IOException;
    }

    private static <T> CompletableFuture<T> readOnItsOwnThread(Path configDir, String name, Parser<T> parser) {
      return CompletableFuture.supplyAsync(() -> {
        try (InputStream file = configFile(configDir, name)) {
          try {
            return parser.parse(file);
          } catch (IOException e) {
            // The parsers name the line and column, not the file.
            throw new IOException(configDir.resolve(name) + ": " + e.getMessage(), e);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, ConfigFiles::onItsOwnThread);
    }

    /**
     * Not the common pool: on two cores it has one thread, and the dictionaries' task would hold it
     * while another thread loads them (start-up begins that first), queueing the files behind it.
     */
    private static void onItsOwnThread(Runnable task) {
      Thread.ofPlatform().daemon().name("read-config").start(task);
    }

    /** What {@code reading} read, or a {@link ContentException} saying why it could not. */
    static <T> T await(CompletableFuture<T> reading) throws ContentException {
      try {
        return reading.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
        throw new ContentException("configuration cannot be read: " + cause.getMessage(), cause);
      }
    }
  }

  private static Library of(PassageIndex index, ConfigFiles config) {
    return of(index, config.glossary(), config.lexicon(), config.shortForms(), config.calendar());
  }

  /** The articles under {@code contentDirs}, their editions told by {@code calendar}. */
  private static Corpus read(EventCalendar calendar, List<Path> contentDirs, long maxFileBytes, ContentLoader.Memory memory)
      throws ContentException {
    return new ContentLoader(calendar, maxFileBytes, memory).load(contentDirs);
  }

  /**
   * The build's step after compiling (pom.xml, {@code process-classes}): writes into the folder
   * {@code args[1]} the bundled lexicon {@code args[0]} analysed ({@link CompiledLexicon}) and
   * smartcn's dictionary in a flat copy ({@link CompiledDictionary}), which a start then reads
   * instead of doing that work again.
   */
  public static void main(String[] args) throws IOException, ReflectiveOperationException {
    Path folder = Path.of(args[1]);
    CompiledLexicon.write(Path.of(args[0]), folder.resolve(CompiledLexicon.RESOURCE));
    CompiledDictionary.write(folder.resolve(CompiledDictionary.RESOURCE));
  }

  /**
   * Loads the Chinese word dictionaries, about a second of a cold start, so that start-up can do it
   * on a second core while it reads configuration and content. Later libraries share the loaded copies.
   */
  public static void warmUp() {
    Analyzers.warmUp();
  }

  /** Whether questions are searched semantically too (the vectors of every passage are in). */
  public boolean hybrid() {
    return vectors != null;
  }

  VectorIndex vectors() {
    return vectors;
  }

  void useVectors(VectorIndex index) {
    vectors = index;
  }

  void fuseWith(Fusion way) {
    fusion = way;
  }

  /**
   * The passages nearest to a free question in meaning, once the vectors are in, being looked up
   * while the caller runs the lexical search: {@link Nearby#fuse} merges them with the lexical hits.
   * For {@code /ask}, direct messages and mentions ({@code /topic} and {@code /trend} promise that the
   * topic's words are in every quote, so they stay lexical). The question is embedded in its own
   * language and searched among that language's passages only; a passage found by meaning alone must
   * clear the model's similarity floor.
   *
   * @param scope the edition the question names, or {@code null}
   */
  public Nearby nearby(String question, Edition scope) {
    VectorIndex index = vectors;
    Fusion way = fusion;
    if (index == null || way instanceof Fusion.LexicalOnly) {
      return Nearby.none();
    }
    return Nearby.start(way, VectorLang.ofQuery(question), () -> index.search(question, Fusion.NEAREST, scope),
        index.lookups());
  }

  public Corpus corpus() {
    return index.corpus();
  }

  public EventCalendar calendar() {
    return calendar;
  }

  public Glossary glossary() {
    return planner.glossary();
  }

  public Lexicon lexicon() {
    return planner.lexicon();
  }

  /**
   * What {@code text} asks about: glossary topics first (each with all its names), then its other
   * words with their lexicon translations, question words and fillers of either language dropped.
   * Never fails; the plan may be empty, and is bounded however long the text.
   */
  public QueryPlan plan(String text) {
    return planner.plan(text);
  }

  /**
   * The best {@code limit} passages for {@code plan}, best first, each with the rarity-weighted share
   * of the plan's concepts it contains. Empty for an empty plan, unless it is a ranked search that
   * asks how many: then passages with figures ("how many came to KubeCon Paris?", within the scope).
   *
   * @param match whether a passage must contain every concept, or is ranked on any of them
   * @param scope only passages of this edition (its year and region, where known), or {@code null} for all
   */
  public List<SearchHit> search(QueryPlan plan, Match match, Edition scope, int limit) {
    if (plan.isEmpty() && !(plan.asksHowMany() && match == Match.RANKED)) {
      return List.of();
    }
    ScoreDoc[] top = new ScoreDoc[0];
    for (int required = match.generator.required(match.generator.concepts(plan)); required >= 1 && top.length == 0; required--) {
      Query query = IndexSchema.within(match.generator.generate(plan, queries, required), scope);
      top = isHeavy(plan) ? index.topShared(query, limit) : index.top(query, limit);
      if (match == Match.ALL) {
        break;
      }
    }
    List<Query> concepts = plan.concepts().stream().map(queries::of).toList();
    double[] covered = match == Match.ALL || concepts.size() == 1
        ? Coverage.full(top.length)
        : coverage.of(plan, concepts, top);
    List<SearchHit> hits = new ArrayList<>(top.length);
    for (int i = 0; i < top.length; i++) {
      hits.add(new SearchHit(index.passage(top[i].doc), top[i].score, covered[i]));
    }
    return hits;
  }

  /**
   * Whether a search for {@code plan} has enough matches to score to be worth splitting among the
   * cores: several concepts (one is a single list, a glossary topic's kept or one word's) that
   * together may match {@link #HEAVY_MATCHES} times or more. "为什么组织经常运行过时的 Kubernetes 版本？"
   * on 10,000 articles: six concepts, 170,000 matches, 12 ms on one core.
   */
  private boolean isHeavy(QueryPlan plan) {
    return plan.concepts().size() > 1
        && plan.concepts().stream().mapToLong(coverage::estimatedCount).sum() >= HEAVY_MATCHES;
  }

  /**
   * Which of {@code sentences} (of one passage) answers {@code plan} best: the first that has about
   * as much of its concepts as the best one, rarer ones counting more, translations less.
   */
  public int bestSentence(QueryPlan plan, List<String> sentences) {
    return this.sentences.best(plan, sentences);
  }

  /**
   * {@code concept}, or if no passage has it, what the user probably meant: a glossary topic it
   * misspells ("opentelemtry"), else the closest word the passages use ("wihtout" → without), which
   * weighs less than the user's own words. Unchanged if nothing is close.
   */
  public Concept respelled(Concept concept) {
    if (concept.topic() != null || mayContain(concept)) {
      return concept;
    }
    Optional<Glossary.Topic> topic = glossary().misspelled(concept.label());
    if (topic.isPresent()) {
      return Concept.of(topic.get());
    }
    return vocabulary.closest(concept.label())
        .map(word -> Concept.corrected(word, lexicon().chinese(word)))
        .orElse(concept);
  }

  /**
   * Whether some passage may contain {@code concept}, from term statistics (cheap): {@code false}
   * means that no passage has it in its text or heading, as written or translated.
   */
  public boolean mayContain(Concept concept) {
    return coverage.estimatedCount(concept) > 0;
  }

  /** How rare {@code concept} is: BM25's idf of the passages that may contain it (highest for none). */
  public double rarity(Concept concept) {
    return Coverage.idf(coverage.estimatedCount(concept), index.size());
  }

  /** How many passages contain {@code concept} (exact: walks every match). */
  public int countPassages(Concept concept) {
    return index.count(queries.of(concept));
  }

  /** How many passages discuss {@code topic}. */
  public int count(Glossary.Topic topic) {
    return mentions(topic).values().stream().mapToInt(Mentions::passages).sum();
  }

  /** How many passages discuss {@code topic}, per edition with articles, editions in time order. */
  public Map<Edition, Integer> editionCounts(Glossary.Topic topic) {
    TopicMatches matches = topicMatches().get(topic);
    return matches == null ? Map.of() : matches.counts();
  }

  /** How many passages and articles discuss {@code topic}, per edition with articles, in time order. */
  public Map<Edition, Mentions> mentions(Glossary.Topic topic) {
    TopicMatches matches = topicMatches().get(topic);
    return matches == null ? Map.of() : matches.mentions();
  }

  /**
   * Every Latin-script word of the passage text (glossary names and host cities aside) in at least {@code min}
   * passages of the editions {@code selection} accepts, with its passages there and in the editions
   * {@code baseline} accepts. Words in fewer than three passages of the whole corpus are not counted.
   */
  public List<WordCount> wordCounts(Predicate<Edition> selection, Predicate<Edition> baseline, int min) {
    return wordStats().words(selection, baseline, min);
  }

  private WordStats wordStats() {
    WordStats stats = words;
    if (stats == null) {
      synchronized (this) {
        stats = words;
        if (stats == null) {
          words = stats = WordStats.of(index, glossary(), calendar);
        }
      }
    }
    return stats;
  }

  /**
   * Computes what answers need from the content alone, each topic's matches (with their scores, in
   * the passages and in the titles) and the word statistics, so the first answers do not pay for it.
   * With the index on disk it is read back from beside the index when it was saved for this very
   * index commit, glossary and calendar (a restart on unchanged content), and saved there when
   * computed. The warm-up runs it before readiness.
   */
  public void prepare() {
    Optional<IndexStore.Stored> stored = index.stored();
    String key = stored.map(s -> WarmState.key(s.commit(), glossary(), calendar)).orElse(null);
    Optional<WarmState.State> saved = stored.flatMap(s -> WarmState.read(s.folder(), key, corpus(), glossary(),
        index.searcher().getIndexReader().maxDoc()));
    if (saved.isPresent()) {
      synchronized (this) {
        topicMatches = saved.get().topics();
        words = saved.get().words();
      }
      queries.restore(saved.get().kept());
      return;
    }
    Map<Glossary.Topic, TopicMatches> topics = topicMatches();
    // The topics' passage matches are kept by now; their title matches are what a question's ranking adds.
    glossary().topics().forEach(topic -> queries.inTitle(Concept.of(topic)));
    WarmState.State computed = new WarmState.State(topics, wordStats(), queries.kept());
    stored.ifPresent(s -> WarmState.write(s.folder(), key, computed, corpus(), glossary()));
  }

  /** The best {@code limit} passages of {@code scope} (or all, for {@code null}) that contain an indexed word. */
  public List<SearchHit> wordPassages(String term, Edition scope, int limit) {
    Query word = new TermQuery(new Term(Analyzers.TEXT_WORDS, term));
    return Arrays.stream(index.top(IndexSchema.within(word, scope), limit))
        .map(top -> new SearchHit(index.passage(top.doc), top.score, 1.0))
        .toList();
  }

  /**
   * The indexed word {@code term} as a name, the way one of {@code texts} writes it ("Kubeflux" for
   * {@code kubeflux}): a Latin word with a capital letter where it does not start a sentence. Empty
   * if the texts use it only as an ordinary word.
   */
  public Optional<String> nameIn(String term, List<String> texts) {
    for (String text : texts) {
      for (int start : Analyzers.occurrences(index.analyzer(), Analyzers.TEXT_WORDS, text, term)) {
        String word = text.substring(start).split("[^\\p{IsLatin}\\p{Nd}]", 2)[0];
        boolean capital = word.chars().anyMatch(Character::isUpperCase);
        if (capital && word.codePoints().allMatch(c -> Scripts.isLatin(c) || Character.isDigit(c))
            && !startsSentence(text, start)) {
          return Optional.of(word);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether only spaces, quotes or brackets stand between {@code start} and a sentence end or the text's start. */
  private static boolean startsSentence(String text, int start) {
    for (int i = start - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (".!?。！？:：\n".indexOf(c) >= 0) {
        return true;
      }
      if (!Character.isWhitespace(c) && "\"“”'‘’([（「".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * For each edition of the corpus, in time order, how many of its passages contain every concept
   * of {@code plan}. Editions without articles are absent; editions with no match map to 0. One pass
   * over the matches, or none when the plan is one glossary topic (those are counted once).
   */
  public Map<Edition, Integer> countByEdition(QueryPlan plan) {
    if (plan.concepts().size() == 1 && plan.concepts().getFirst().topic() != null) {
      return editionCounts(plan.concepts().getFirst().topic());
    }
    return countAll(plan);
  }

  private Map<Edition, Integer> countAll(QueryPlan plan) {
    Map<Edition, Integer> counts = new TreeMap<>();
    corpus().passageCounts().keySet().forEach(edition -> counts.put(edition, 0));
    if (!plan.isEmpty()) {
      index.collect(new ConstantScoreQuery(allOf(plan)), false,
          (passage, score) -> counts.merge(passage.article().edition(), 1, Integer::sum));
    }
    return counts;
  }

  /**
   * Like {@link #countByEdition}, with each edition's best-scoring passage too: a trend in one pass
   * over the matches instead of one search per edition, or none when the plan is one glossary topic.
   */
  public Map<Edition, EditionMatches> matchesByEdition(QueryPlan plan) {
    if (plan.concepts().size() == 1 && plan.concepts().getFirst().topic() != null) {
      TopicMatches known = topicMatches().get(plan.concepts().getFirst().topic());
      if (known != null) {
        return new TreeMap<>(known.matches());
      }
    }
    return matchesAll(plan);
  }

  private Map<Edition, EditionMatches> matchesAll(QueryPlan plan) {
    return matchesAll(plan, passage -> { });
  }

  /** {@link #matchesAll(QueryPlan)}, handing each matching passage to {@code each} in the same pass. */
  private Map<Edition, EditionMatches> matchesAll(QueryPlan plan, Consumer<Passage> each) {
    Map<Edition, EditionMatches> matches = new TreeMap<>();
    corpus().passageCounts().keySet().forEach(edition -> matches.put(edition, new EditionMatches(0, null)));
    if (!plan.isEmpty()) {
      index.collect(allOf(plan), true, (passage, score) -> {
        each.accept(passage);
        matches.merge(passage.article().edition(), new EditionMatches(1, new SearchHit(passage, score, 1.0)),
            (seen, one) -> new EditionMatches(seen.count() + 1, better(one.best(), seen.best())));
      });
    }
    return matches;
  }

  /** The higher-scoring hit; of equal scores the first in the corpus, whatever order the index visits them in. */
  private static SearchHit better(SearchHit one, SearchHit seen) {
    if (seen == null) {
      return one;
    }
    int order = Float.compare(one.score(), seen.score());
    return order > 0 || (order == 0 && one.passage().id() < seen.passage().id()) ? one : seen;
  }

  /**
   * Closes the index files. Call it once no search can still be running on this library: a reload
   * closes the library it replaced only after answers under way have had time to finish.
   */
  @Override
  public void close() {
    index.close();
    VectorIndex semantic = vectors;
    if (semantic != null) {
      semantic.close();
    }
  }

  private Query allOf(QueryPlan plan) {
    return Match.ALL.generator.generate(plan, queries, plan.concepts().size());
  }

  private Map<Glossary.Topic, TopicMatches> topicMatches() {
    Map<Glossary.Topic, TopicMatches> known = topicMatches;
    if (known == null) {
      synchronized (this) {
        known = topicMatches;
        if (known == null) {
          Map<Glossary.Topic, TopicMatches> computed = new HashMap<>();
          for (Glossary.Topic topic : glossary().topics()) {
            // Articles are told apart by identity: each is one object in the corpus, and cheaper to hash.
            Map<Edition, Set<Article>> articles = new HashMap<>();
            Map<Edition, EditionMatches> matches = matchesAll(new QueryPlan(topic.name(), List.of(Concept.of(topic))),
                passage -> articles.computeIfAbsent(passage.article().edition(),
                    e -> Collections.newSetFromMap(new IdentityHashMap<>())).add(passage.article()));
            Map<Edition, Integer> articleCounts = new HashMap<>();
            articles.forEach((edition, ofEdition) -> articleCounts.put(edition, ofEdition.size()));
            computed.put(topic, TopicMatches.of(matches, articleCounts));
          }
          topicMatches = known = Map.copyOf(computed);
        }
      }
    }
    return known;
  }

  private static InputStream configFile(Path configDir, String name) throws IOException {
    Path file = configDir.resolve(name);
    if (Files.isRegularFile(file)) {
      return Files.newInputStream(file);
    }
    InputStream bundled = Library.class.getResourceAsStream("/config/" + name);
    if (bundled == null) {
      throw new IOException(file + " does not exist and no default is bundled");
    }
    return bundled;
  }
}
