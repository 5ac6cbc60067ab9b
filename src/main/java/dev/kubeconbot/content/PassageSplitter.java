package dev.kubeconbot.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an article into passages of roughly {@value #MIN}–{@value #MAX} characters: a block shorter
 * than {@value #MIN} is merged with the next ones of its section, a block longer than {@value #MAX}
 * is split at sentence ends. Passages never cross a section heading, so each keeps its heading.
 */
public final class PassageSplitter {

  static final int MIN = 80;
  static final int MAX = 400;

  private PassageSplitter() {}

  /**
   * The passage texts of {@code article}, each with its section heading. A passage that is one whole
   * paragraph is that paragraph's own string, not a copy: the article and its passages hold the text
   * once, and most passages of a corpus are single paragraphs.
   */
  public static List<Draft> split(Article article) {
    List<Draft> drafts = new ArrayList<>();
    Pending current = new Pending();
    String section = "";
    for (Block block : article.blocks()) {
      if (block.kind() == Block.Kind.HEADING) {
        flush(drafts, section, current);
        section = block.text();
        continue;
      }
      for (String piece : pieces(block.display())) {
        if (current.length() >= MIN || (current.length() > 0 && current.length() + 1 + piece.length() > MAX)) {
          flush(drafts, section, current);
        }
        current.add(piece, linkWordsIn(block, piece));
      }
    }
    flush(drafts, section, current);
    return drafts;
  }

  /** The words of the targets of {@code block}'s links whose text is in {@code piece}. */
  private static String linkWordsIn(Block block, String piece) {
    if (block.links().isEmpty()) {
      return "";
    }
    return block.links().stream().filter(link -> piece.contains(link.text())).map(LinkWords::words)
        .distinct().collect(java.util.stream.Collectors.joining(" "));
  }

  /** Both texts of link words, space between, either may be empty. */
  private static String joined(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
  }

  /** The pieces of the passage being built, joined by newlines; one piece is kept as it is. */
  private static final class Pending {
    private final StringBuilder text = new StringBuilder();
    private String only;
    private String linkWords = "";

    void add(String piece, String pieceLinkWords) {
      linkWords = joined(linkWords, pieceLinkWords);
      if (text.isEmpty()) {
        only = piece;
      } else {
        only = null;
        text.append('\n');
      }
      text.append(piece);
    }

    int length() {
      return text.length();
    }

    /** The text so far, and empties (the link words stay until {@link #takeLinkWords}). */
    String take() {
      String taken = only != null ? only : text.toString();
      only = null;
      text.setLength(0);
      return taken;
    }

    /** The link words so far, and empties them. */
    String takeLinkWords() {
      String taken = linkWords;
      linkWords = "";
      return taken;
    }
  }

  /** A passage before it gets its corpus-wide id, with the words of its links' targets ({@code ""} if none). */
  public record Draft(String section, String text, String linkWords) {}

  /** A block longer than {@link #MAX} as runs of whole sentences, each within it where possible. */
  private static List<String> pieces(String text) {
    if (text.length() <= MAX) {
      return List.of(text);
    }
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (String sentence : Sentences.split(text)) {
      if (!piece.isEmpty() && piece.length() + sentence.length() > MAX) {
        pieces.add(piece.toString());
        piece.setLength(0);
      }
      piece.append(piece.isEmpty() || endsCjk(piece) ? "" : " ").append(sentence);
    }
    if (!piece.isEmpty()) {
      pieces.add(piece.toString());
    }
    return pieces;
  }

  private static boolean endsCjk(StringBuilder text) {
    return Scripts.isCjk(text.codePointBefore(text.length()));
  }

  /** Emits the passage; a short remainder joins the previous passage of its section instead. */
  private static void flush(List<Draft> drafts, String section, Pending current) {
    if (current.length() == 0) {
      return;
    }
    String text = current.take();
    String linkWords = current.takeLinkWords();
    Draft previous = drafts.isEmpty() ? null : drafts.getLast();
    if (text.length() < MIN && previous != null && previous.section().equals(section)
        && previous.text().length() + 1 + text.length() <= MAX) {
      drafts.set(drafts.size() - 1, new Draft(section, previous.text() + "\n" + text, joined(previous.linkWords(), linkWords)));
      return;
    }
    drafts.add(new Draft(section, text, linkWords));
  }
}
