package dev.kubeconbot.search;

import dev.kubeconbot.content.Build;
import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.EventCalendar;
import dev.kubeconbot.content.Passage;
import dev.kubeconbot.content.SavedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the warm-up computes from the content alone, saved beside a persisted index: each glossary
 * topic's matches per edition, the word statistics of {@code /trends}, and the topics' scored matches
 * ({@link ScoredMatches}, by document number: valid for this very commit only). At 10,000 articles they are
 * most of the warm-up; a restart on unchanged content reads them back in milliseconds instead. The
 * file names what it was computed from (the index commit, which changes with any content change,
 * and the glossary and calendar) and ends in a checksum: any other file is ignored and replaced.
 */
final class WarmState {

  private static final Logger LOG = LoggerFactory.getLogger(WarmState.class);
  /** In the index folder; a fresh build deletes it with the index files. */
  static final String FILE = "kubecon-bot-warm.bin";
  /** Bump when what is saved, or how, changes. */
  private static final int FORMAT = 2;

  /** The saved values, for a library of {@code corpus}. */
  record State(Map<Glossary.Topic, TopicMatches> topics, WordStats words, Map<ConceptQueries.TopicKey, ScoredMatches> kept) {}

  private WarmState() {}

  /**
   * The key of the state computed on index commit {@code commit} with {@code glossary} (the topics'
   * names are the queries) and {@code calendar} (its cities are left out of the word statistics), by this
   * {@link Build}: another build may match topics differently.
   */
  static String key(String commit, Glossary glossary, EventCalendar calendar) {
    MessageDigest digest = IndexStore.sha256();
    for (String part : List.of("format " + FORMAT, Build.id(), commit, glossary.topics().toString(),
        calendar.events().toString(), calendar.regions().toString())) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) ':');
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The state saved in {@code folder} under {@code key}, for an index of {@code maxDoc} documents; empty if
   * there is none, or another, or it is damaged.
   */
  static Optional<State> read(Path folder, String key, Corpus corpus, Glossary glossary, int maxDoc) {
    return saved(folder).read(in -> {
      if (!key.equals(in.readUTF())) {
        LOG.info("saved warm-up in {} is of other content or settings; computing it", folder);
        return Optional.empty();
      }
      List<Edition> editions = List.copyOf(corpus.passageCounts().keySet());
      List<Passage> passages = corpus.passages();
      Map<Glossary.Topic, TopicMatches> topics = new HashMap<>();
      for (Glossary.Topic topic : glossary.topics()) {
        Map<Edition, EditionMatches> matches = new TreeMap<>();
        Map<Edition, Integer> articles = new HashMap<>();
        for (Edition edition : editions) {
          int count = in.readInt();
          int best = in.readInt();
          float score = in.readFloat();
          articles.put(edition, in.readInt());
          matches.put(edition, new EditionMatches(count, best < 0 ? null : new SearchHit(passages.get(best), score, 1.0)));
        }
        topics.put(topic, TopicMatches.of(matches, articles));
      }
      int size = in.readInt();
      Map<String, int[]> words = new HashMap<>(size * 2);
      for (int w = 0; w < size; w++) {
        String word = in.readUTF();
        int[] counts = new int[editions.size()];
        for (int e = 0; e < counts.length; e++) {
          counts[e] = in.readInt();
        }
        words.put(word, counts);
      }
      List<Glossary.Topic> named = List.copyOf(glossary.topics());
      int kept = in.readInt();
      if (kept < 0 || kept > 2 * named.size()) {
        throw new IOException(kept + " saved topic matches for " + named.size() + " topics: the file is damaged");
      }
      Map<ConceptQueries.TopicKey, ScoredMatches> matches = new HashMap<>();
      for (int k = 0; k < kept; k++) {
        int topic = in.readInt();
        if (topic < 0 || topic >= named.size()) {
          throw new IOException("saved matches of topic " + topic + " of " + named.size() + ": the file is damaged");
        }
        matches.put(new ConceptQueries.TopicKey(named.get(topic), in.readBoolean()), ScoredMatches.read(in, maxDoc));
      }
      return Optional.of(new State(Map.copyOf(topics), WordStats.of(editions, words), matches));
    }, "computing it");
  }

  /**
   * Saves {@code state} in {@code folder} under {@code key} (see {@link SavedFile}): a failure only
   * costs the next start the computation.
   */
  static void write(Path folder, String key, State state, Corpus corpus, Glossary glossary) {
    List<Edition> editions = List.copyOf(corpus.passageCounts().keySet());
    saved(folder).write(out -> {
      out.writeUTF(key);
      for (Glossary.Topic topic : glossary.topics()) {
        TopicMatches matches = state.topics().get(topic);
        for (Edition edition : editions) {
          EditionMatches match = matches.matches().get(edition);
          out.writeInt(match.count());
          out.writeInt(match.best() == null ? -1 : match.best().passage().id());
          out.writeFloat(match.best() == null ? 0 : match.best().score());
          out.writeInt(matches.mentions().get(edition).articles());
        }
      }
      List<Map.Entry<String, int[]>> words = new ArrayList<>(state.words().counts().entrySet());
      out.writeInt(words.size());
      for (Map.Entry<String, int[]> word : words) {
        out.writeUTF(word.getKey());
        for (int count : word.getValue()) {
          out.writeInt(count);
        }
      }
      Map<Glossary.Topic, Integer> position = new HashMap<>();
      for (Glossary.Topic topic : glossary.topics()) {
        position.putIfAbsent(topic, position.size());
      }
      out.writeInt(state.kept().size());
      for (Map.Entry<ConceptQueries.TopicKey, ScoredMatches> kept : state.kept().entrySet()) {
        out.writeInt(position.get(kept.getKey().topic()));
        out.writeBoolean(kept.getKey().title());
        kept.getValue().write(out);
      }
    }, "the next start computes it again");
  }

  private static SavedFile saved(Path folder) {
    return SavedFile.at(folder.resolve(FILE), "warm-up", LOG);
  }
}
