package dev.kubeconbot.content;

/**
 * A searchable piece of an article: one or more blocks of roughly 80–400 characters.
 *
 * @param id position in the corpus-wide passage list
 * @param article the article it comes from
 * @param section its section heading ({@code ""} if none)
 * @param text verbatim plain text; merged blocks are separated by a newline
 * @param linkWords the words of the targets of the links in {@code text} ({@link LinkWords}), searched, never quoted; {@code ""} if none
 */
public record Passage(int id, Article article, String section, String text, String linkWords) {

  /** A passage without links. */
  public Passage(int id, Article article, String section, String text) {
    this(id, article, section, text, "");
  }
}
