package dev.kubeconbot.content;

import java.util.List;

/**
 * One block of an article's cleaned text: plain text with all Markdown, HTML and links removed.
 *
 * @param kind what the block was in the Markdown
 * @param text the plain text, verbatim
 * @param section the nearest heading above the block ({@code ""} before the first heading)
 * @param marker the list marker for list items ({@code "1."}, {@code "•"}), otherwise {@code ""}
 * @param links the block's links whose targets have words, in order
 */
public record Block(Kind kind, String text, String section, String marker, List<LinkWords> links) {

  public enum Kind { HEADING, PARAGRAPH, LIST_ITEM }

  public Block {
    links = List.copyOf(links);
  }

  /** A block without links. */
  public Block(Kind kind, String text, String section, String marker) {
    this(kind, text, section, marker, List.of());
  }

  /** The block as a reader sees it: list items keep their marker. */
  public String display() {
    return marker.isEmpty() ? text : marker + " " + text;
  }
}
