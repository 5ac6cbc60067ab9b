package dev.kubeconbot.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every Markdown file under the content folders. A file that cannot be read or parsed is
 * skipped with one warning naming it and why; the rest still load.
 */
public final class ContentLoader {

  private static final Logger LOG = LoggerFactory.getLogger(ContentLoader.class);

  private final ArticleReader reader;

  public ContentLoader(EventCalendar calendar) {
    this.reader = new ArticleReader(calendar);
  }

  /**
   * Loads the articles under {@code folders}.
   *
   * @throws ContentException if a folder does not exist or cannot be listed: then there is no corpus
   */
  public Corpus load(List<Path> folders) throws ContentException {
    List<Article> articles = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    for (Path folder : folders) {
      for (Path file : markdownFiles(folder)) {
        String label = file.toString();
        try {
          articles.add(reader.read(file, label));
        } catch (ContentException e) {
          LOG.warn("Skipping content file {}: {}", label, e.getMessage());
          skipped.add(new SkippedFile(label, e.getMessage()));
        }
      }
    }
    return Corpus.of(articles, skipped);
  }

  private static List<Path> markdownFiles(Path folder) throws ContentException {
    if (!Files.isDirectory(folder)) {
      throw new ContentException("content folder " + folder + " does not exist or is not a folder");
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile)
          .filter(ContentLoader::isMarkdown)
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new ContentException("content folder " + folder + " cannot be listed: " + e.getMessage(), e);
    }
  }

  private static boolean isMarkdown(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".md") || name.endsWith(".markdown");
  }
}
