package dev.kubeconbot.search;

import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.content.EventCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an answer is made from: the indexed corpus, the glossary-aware query planner and the
 * event calendar. One immutable snapshot; a reload builds a new library and swaps it in whole.
 */
public record Library(
    PassageIndex index, QueryPlanner planner, EventCalendar calendar, Map<Glossary.Topic, Integer> topicCounts) {

  public Library {
    topicCounts = Map.copyOf(topicCounts);
  }

  /** Indexes {@code corpus} and counts how many passages discuss each glossary topic. */
  public static Library of(Corpus corpus, Glossary glossary, EventCalendar calendar) {
    PassageIndex index = PassageIndex.build(corpus);
    Map<Glossary.Topic, Integer> counts = new HashMap<>();
    for (Glossary.Topic topic : glossary.topics()) {
      counts.put(topic, index.count(new Concept(topic.label(), topic.names(), topic)));
    }
    return new Library(index, new QueryPlanner(glossary), calendar, counts);
  }

  /** Passages that discuss {@code topic}. */
  public int count(Glossary.Topic topic) {
    return topicCounts.getOrDefault(topic, 0);
  }

  public Corpus corpus() {
    return index.corpus();
  }

  public Glossary glossary() {
    return planner.glossary();
  }

  /**
   * Loads {@code events.yaml} and {@code glossary.yaml} from {@code configDir} (or the copies built
   * into the jar when the folder lacks them), then the articles under {@code contentDirs}, and indexes them.
   *
   * @throws ContentException if a content folder or a configuration file cannot be used
   */
  public static Library load(Path configDir, List<Path> contentDirs) throws ContentException {
    EventCalendar calendar;
    Glossary glossary;
    try (InputStream events = configFile(configDir, "events.yaml");
        InputStream terms = configFile(configDir, "glossary.yaml")) {
      calendar = EventCalendar.read(events);
      glossary = Glossary.read(terms);
    } catch (IOException e) {
      throw new ContentException("configuration cannot be read: " + e.getMessage(), e);
    }
    return of(new ContentLoader(calendar).load(contentDirs), glossary, calendar);
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
