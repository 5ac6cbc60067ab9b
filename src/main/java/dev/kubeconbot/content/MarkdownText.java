package dev.kubeconbot.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Turns Markdown into plain-text {@link Block}s that can be quoted verbatim: no link or image syntax,
 * no raw HTML or inline SVG, no code, no embed-only links (video players) and their "视频" captions.
 */
final class MarkdownText {

  /** The blocks of a document, and the text of its first level-1 heading (or {@code null}). */
  record Result(String title, List<Block> blocks) {}

  private static final Parser PARSER = Parser.builder().build();
  /** Elements whose text is not prose: an inline SVG logo contributes "Group Created with Sketch.". */
  private static final Set<String> HIDDEN_ELEMENTS =
      Set.of("svg", "script", "style", "iframe", "video", "audio", "noscript", "object", "template");
  private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>");
  private static final Pattern EMBED_CAPTION = Pattern.compile("(?i)视频|video");

  private MarkdownText() {}

  static Result parse(String markdown) {
    Collector collector = new Collector();
    PARSER.parse(markdown).accept(collector);
    return new Result(collector.title, List.copyOf(collector.blocks));
  }

  private static final class Collector extends AbstractVisitor {
    private final List<Block> blocks = new ArrayList<>();
    private String title;
    private String section = "";
    private boolean afterEmbed;

    @Override
    public void visit(Heading heading) {
      String text = inlineText(heading);
      afterEmbed = false;
      if (text.isEmpty()) {
        return;
      }
      if (heading.getLevel() == 1 && title == null) {
        title = text;
        return;
      }
      section = text;
      blocks.add(new Block(Block.Kind.HEADING, text, section, ""));
    }

    @Override
    public void visit(Paragraph paragraph) {
      if (isLinkOnly(paragraph)) {
        afterEmbed = true;
        return;
      }
      String text = inlineText(paragraph);
      boolean caption = afterEmbed && EMBED_CAPTION.matcher(text).matches();
      afterEmbed = false;
      if (!text.isEmpty() && !caption) {
        blocks.add(new Block(Block.Kind.PARAGRAPH, text, section, "", links(paragraph)));
      }
    }

    @Override
    public void visit(BulletList list) {
      addItems(list);
    }

    @Override
    public void visit(OrderedList list) {
      addItems(list);
    }

    @Override
    public void visit(BlockQuote quote) {
      visitChildren(quote);
    }

    @Override
    public void visit(HtmlBlock html) {
      String text = stripHtml(html.getLiteral());
      if (!text.isEmpty()) {
        blocks.add(new Block(Block.Kind.PARAGRAPH, text, section, ""));
      }
    }

    @Override
    public void visit(FencedCodeBlock code) {
      // Code is not quotable prose.
    }

    @Override
    public void visit(IndentedCodeBlock code) {
      // Code is not quotable prose.
    }

    @Override
    public void visit(ThematicBreak thematicBreak) {
      afterEmbed = false;
    }

    private void addItems(ListBlock list) {
      int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
          ? ordered.getMarkerStartNumber() : 1;
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        if (item instanceof ListItem) {
          String text = itemText(item);
          if (!text.isEmpty()) {
            String marker = list instanceof OrderedList ? number + "." : "•";
            blocks.add(new Block(Block.Kind.LIST_ITEM, text, section, marker, links(item)));
          }
          number++;
        }
      }
      afterEmbed = false;
    }

    /** The item's own paragraphs and nested items, joined: a list item is quoted as one line. */
    private String itemText(Node item) {
      StringBuilder text = new StringBuilder();
      for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
        String part = child instanceof ListBlock nested ? nestedText(nested) : inlineText(child);
        if (!part.isEmpty()) {
          if (!text.isEmpty()) {
            text.append(' ');
          }
          text.append(part);
        }
      }
      return text.toString();
    }

    private String nestedText(ListBlock nested) {
      List<String> parts = new ArrayList<>();
      for (Node item = nested.getFirstChild(); item != null; item = item.getNext()) {
        String part = itemText(item);
        if (!part.isEmpty()) {
          parts.add(part);
        }
      }
      return String.join("; ", parts);
    }
  }

  /** A paragraph that is nothing but one link or image: an embed, a link card or a picture. */
  private static boolean isLinkOnly(Paragraph paragraph) {
    int links = 0;
    for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Link || child instanceof Image) {
        links++;
      } else if (!(child instanceof Text text && text.getLiteral().isBlank()) && !(child instanceof SoftLineBreak)) {
        return false;
      }
    }
    return links == 1;
  }

  /** The links of a node's inline content whose targets have words: each link's text and those words. */
  static List<LinkWords> links(Node node) {
    List<LinkWords> links = new ArrayList<>();
    node.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        String words = LinkWords.of(link.getDestination());
        String text = inlineText(link);
        if (!words.isEmpty() && !text.isEmpty()) {
          links.add(new LinkWords(text, words));
        }
      }
    });
    return links;
  }

  /** Plain text of a node's inline content: link text kept, images, code spans' backticks and HTML dropped. */
  static String inlineText(Node node) {
    InlineText inline = new InlineText();
    node.accept(inline);
    return inline.text().strip();
  }

  private static final class InlineText extends AbstractVisitor {
    private final StringBuilder out = new StringBuilder();
    private int hiddenDepth;
    private boolean pendingSoftBreak;

    String text() {
      return out.toString();
    }

    private void append(String text) {
      if (hiddenDepth > 0 || text.isEmpty()) {
        return;
      }
      if (pendingSoftBreak) {
        // A line break inside a Chinese sentence is not a space.
        if (!out.isEmpty() && !(Scripts.isCjk(out.codePointBefore(out.length())) && Scripts.isCjk(text.codePointAt(0)))) {
          out.append(' ');
        }
        pendingSoftBreak = false;
      }
      out.append(text);
    }

    @Override
    public void visit(Text text) {
      append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
      append(code.getLiteral());
    }

    @Override
    public void visit(Image image) {
      // Alt text of an image is not article prose.
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
      pendingSoftBreak = !out.isEmpty();
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
      if (hiddenDepth == 0) {
        out.append('\n');
      }
    }

    @Override
    public void visit(HtmlInline html) {
      Matcher tag = TAG.matcher(html.getLiteral());
      while (tag.find()) {
        String name = tag.group(2).toLowerCase(Locale.ROOT);
        if (!HIDDEN_ELEMENTS.contains(name) || !tag.group(3).isEmpty()) {
          continue;
        }
        hiddenDepth = Math.max(0, hiddenDepth + (tag.group(1).isEmpty() ? 1 : -1));
      }
    }

    @Override
    public void visit(Link link) {
      visitChildren(link);
    }
  }

  /** Text of a raw HTML block without its tags and without hidden elements such as {@code <svg>}. */
  static String stripHtml(String html) {
    StringBuilder out = new StringBuilder();
    Matcher tag = TAG.matcher(html);
    int depth = 0;
    int last = 0;
    while (tag.find()) {
      if (depth == 0) {
        out.append(html, last, tag.start());
      }
      String name = tag.group(2).toLowerCase(Locale.ROOT);
      if (HIDDEN_ELEMENTS.contains(name) && tag.group(3).isEmpty()) {
        depth = Math.max(0, depth + (tag.group(1).isEmpty() ? 1 : -1));
      }
      last = tag.end();
    }
    if (depth == 0) {
      out.append(html.substring(last));
    }
    return out.toString().replaceAll("<!--.*?-->", "").replaceAll("\\s+", " ").strip();
  }
}
