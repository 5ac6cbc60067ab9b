package dev.kubeconbot.bench;

import dev.kubeconbot.content.Block;
import dev.kubeconbot.content.EventCalendar;
import dev.kubeconbot.content.Sentences;
import dev.kubeconbot.search.Glossary;
import dev.kubeconbot.search.Library;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A large corpus for benchmarks: articles whose sentences are recombined from clauses of the seed
 * articles (so the vocabulary and its frequencies are realistic, while few passages are identical,
 * as in a real corpus), spread over every edition in the calendar, with front matter. Deterministic
 * for a seed.
 */
public final class SyntheticCorpus {

  private SyntheticCorpus() {}

  /** Writes {@code articles} Markdown files into {@code dir}. */
  public static void write(Path dir, int articles, Library seeds, EventCalendar calendar, long seed) throws IOException {
    List<String> clauses = new ArrayList<>();
    List<String> headings = new ArrayList<>();
    seeds.corpus().articles().forEach(a -> a.blocks().forEach(b -> {
      if (b.kind() == Block.Kind.HEADING) {
        headings.add(b.text());
      } else {
        for (String sentence : Sentences.split(b.text())) {
          clauses.addAll(List.of(sentence.split("(?<=[，、；,;：:])")));
        }
      }
    }));
    List<Glossary.Topic> topics = seeds.glossary().topics();
    List<EventCalendar.Event> events = calendar.events();
    Random random = new Random(seed);
    for (int i = 0; i < articles; i++) {
      EventCalendar.Event event = events.get(random.nextInt(events.size()));
      Glossary.Topic topic = topics.get(random.nextInt(topics.size()));
      StringBuilder text = new StringBuilder()
          .append("---\n")
          .append("title: \"").append(topic.name()).append(" at KubeCon ").append(event.region()).append(' ')
          .append(event.year()).append(" #").append(i).append("\"\n")
          .append("event: KubeCon ").append(event.region()).append(' ').append(event.year()).append('\n')
          .append("source: https://example.org/articles/").append(i).append('\n')
          .append("---\n\n");
      for (int section = 0; section < 3; section++) {
        text.append("## ").append(headings.get(random.nextInt(headings.size()))).append("\n\n");
        for (int paragraph = 0; paragraph < 4; paragraph++) {
          for (int s = 0; s < 3; s++) {
            for (int c = 0; c < 3; c++) {
              text.append(clauses.get(random.nextInt(clauses.size())));
            }
            text.append("。");
          }
          if (random.nextInt(3) == 0) {
            text.append(topic.names().get(random.nextInt(topic.names().size()))).append(" 是本届的话题之一。");
          }
          text.append("\n\n");
        }
      }
      Files.writeString(dir.resolve("article-" + i + ".md"), text);
    }
  }
}
