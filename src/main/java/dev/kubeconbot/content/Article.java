package dev.kubeconbot.content;

import java.util.List;

/**
 * One article of the corpus with its metadata (given or inferred) and cleaned text.
 *
 * @param id stable identifier: the file name without extension
 * @param file the file it was read from, for messages
 * @param title the article title
 * @param source the original article URL, or {@code null} when none is known
 * @param edition the KubeCon edition the article is about
 * @param lang language code such as {@code zh} or {@code en}
 * @param tags tags from the front matter
 * @param blocks the cleaned text in reading order
 */
public record Article(
    String id,
    String file,
    String title,
    String source,
    Edition edition,
    String lang,
    List<String> tags,
    List<Block> blocks) {

  public Article {
    tags = List.copyOf(tags);
    blocks = List.copyOf(blocks);
  }
}
