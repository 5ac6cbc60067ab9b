package dev.kubeconbot.content;

/**
 * One block of an article's cleaned text: plain text with all Markdown, HTML and links removed.
 *
 * @param kind what the block was in the Markdown
 * @param text the plain text, verbatim
 * @param section the nearest heading above the block ({@code ""} before the first heading)
 * @param marker the list marker for list items ({@code "1."}, {@code "•"}), otherwise {@code ""}
 */
public record Block(Kind kind, String text, String section, String marker) {

  public enum Kind { HEADING, PARAGRAPH, LIST_ITEM }

  /** The block as a reader sees it: list items keep their marker. */
  public String display() {
    return marker.isEmpty() ? text : marker + " " + text;
  }
}
