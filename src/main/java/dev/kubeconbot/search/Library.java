package dev.kubeconbot.search;

import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.EventCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Everything an answer is made from: the indexed corpus, the glossary-aware query planner and the
 * event calendar. One immutable snapshot; a reload builds a new library and swaps it in whole.
 */
public final class Library {

  private final PassageIndex index;
  private final QueryPlanner planner;
  private final EventCalendar calendar;
  /** Passages per glossary topic and edition: computed on first use, since start-up should not wait for it. */
  private volatile Map<Glossary.Topic, Map<Edition, Integer>> topicCounts;

  private Library(PassageIndex index, QueryPlanner planner, EventCalendar calendar) {
    this.index = index;
    this.planner = planner;
    this.calendar = calendar;
  }

  /** Indexes {@code corpus}. */
  public static Library of(Corpus corpus, Glossary glossary, EventCalendar calendar) {
    return new Library(PassageIndex.build(corpus), new QueryPlanner(glossary), calendar);
  }

  /** {@link #load(Path, List, long)} with the default size cap for content files. */
  public static Library load(Path configDir, List<Path> contentDirs) throws ContentException {
    return load(configDir, contentDirs, ContentLoader.DEFAULT_MAX_FILE_BYTES);
  }

  /**
   * Loads {@code events.yaml} and {@code glossary.yaml} from {@code configDir} (or the copies built
   * into the jar when the folder lacks them), then the articles under {@code contentDirs} of at most
   * {@code maxFileBytes} each, and indexes them. The Chinese dictionaries load on another core meanwhile.
   *
   * @throws ContentException if a content folder or a configuration file cannot be used
   */
  public static Library load(Path configDir, List<Path> contentDirs, long maxFileBytes) throws ContentException {
    CompletableFuture<Void> dictionaries = CompletableFuture.runAsync(Analyzers::warmUp);
    EventCalendar calendar;
    Glossary glossary;
    try (InputStream events = configFile(configDir, "events.yaml");
        InputStream terms = configFile(configDir, "glossary.yaml")) {
      calendar = EventCalendar.read(events);
      glossary = Glossary.read(terms);
    } catch (IOException e) {
      throw new ContentException("configuration cannot be read: " + e.getMessage(), e);
    }
    Corpus corpus = new ContentLoader(calendar, maxFileBytes).load(contentDirs);
    dictionaries.join();
    return of(corpus, glossary, calendar);
  }

  public PassageIndex index() {
    return index;
  }

  public QueryPlanner planner() {
    return planner;
  }

  public EventCalendar calendar() {
    return calendar;
  }

  public Corpus corpus() {
    return index.corpus();
  }

  public Glossary glossary() {
    return planner.glossary();
  }

  /** Passages that discuss {@code topic}. */
  public int count(Glossary.Topic topic) {
    return editionCounts(topic).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Passages that discuss {@code topic}, per edition with articles, editions in time order. */
  public Map<Edition, Integer> editionCounts(Glossary.Topic topic) {
    return topicCounts().getOrDefault(topic, Map.of());
  }

  private Map<Glossary.Topic, Map<Edition, Integer>> topicCounts() {
    Map<Glossary.Topic, Map<Edition, Integer>> counts = topicCounts;
    if (counts == null) {
      synchronized (this) {
        counts = topicCounts;
        if (counts == null) {
          counts = new HashMap<>();
          for (Glossary.Topic topic : glossary().topics()) {
            QueryPlan plan = new QueryPlan(topic.name(), List.of(new Concept(topic.label(), topic.names(), topic)));
            counts.put(topic, Collections.unmodifiableMap(index.countByEdition(plan)));
          }
          topicCounts = counts = Map.copyOf(counts);
        }
      }
    }
    return counts;
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
