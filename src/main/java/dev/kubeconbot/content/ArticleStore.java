package dev.kubeconbot.content;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ContentLoader.Memory} on disk, beside the persisted index: the parsed articles of the last
 * load, each with the hash and the stamp of the file it was read from, its passages and their
 * fingerprint, so that a restart parses, splits and hashes no file that is unchanged, and reads none
 * whose stamp is.
 * At 10,000 articles that is most of a restart. A passage that is a whole paragraph, and a section
 * heading, is saved as the number of its block: read back, it is that block's string again, held
 * once as after a parse. The file ends in a checksum and names its format, the calendar and the size
 * cap; any other file, or a damaged one, is ignored and replaced.
 */
final class ArticleStore {

  private static final Logger LOG = LoggerFactory.getLogger(ArticleStore.class);
  /**
   * Bump when {@link Article}, {@link Block} or this layout change, or what {@link ArticleReader} or
   * {@link PassageSplitter} make of a file: articles saved by an older version are then parsed again. Files saved by
   * another {@link Build} are parsed again too, in case the bump was forgotten.
   */
  private static final int FORMAT = 4;
  /** In place of a block's number: the string itself follows. */
  private static final int LITERAL = -1;
  private static final Block.Kind[] KINDS = Block.Kind.values();
  /** No article text is longer than a content file may be; a longer length means a damaged file. */
  private static final int MAX_STRING_CHARS = 64 << 20;

  private ArticleStore() {}

  /** What {@code file} holds; empty if it is missing, of another format, or damaged. */
  static Optional<ContentLoader.Memory.Loaded> read(Path file) {
    return saved(file).read(in -> {
      if (in.readInt() != FORMAT || !Build.id().equals(in.readUTF())) {
        return Optional.empty();
      }
      String calendarKey = string(in);
      long maxFileBytes = in.readLong();
      int count = in.readInt();
      Map<String, ContentLoader.Memory.Known> byLabel = new HashMap<>(count * 2);
      List<Corpus.Split> splits = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String label = string(in);
        byte[] digest = new byte[in.readUnsignedByte()];
        in.readFully(digest);
        ContentLoader.Memory.Stamp stamp = in.readBoolean()
            ? new ContentLoader.Memory.Stamp(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong())
            : null;
        Article article = article(in);
        byLabel.put(label, new ContentLoader.Memory.Known(digest, article, stamp));
        splits.add(new Corpus.Split(article, drafts(in, article), string(in)));
      }
      Corpus corpus = Corpus.restored(splits);
      // Grouped by file here, on the thread that reads ahead, not on the way from the content to the index.
      corpus.fingerprints();
      return Optional.of(new ContentLoader.Memory.Loaded(calendarKey, maxFileBytes, byLabel, corpus));
    }, "parsing the content");
  }

  /** Saves {@code loaded} in {@code file} (see {@link SavedFile}): a failure only costs the next start the parsing. */
  static void write(Path file, ContentLoader.Memory.Loaded loaded) {
    saved(file).write(out -> {
      out.writeInt(FORMAT);
      out.writeUTF(Build.id());
      string(out, loaded.calendarKey());
      out.writeLong(loaded.maxFileBytes());
      Corpus corpus = loaded.corpus();
      Map<Article, Integer> position = new IdentityHashMap<>();
      for (int i = 0; i < corpus.articles().size(); i++) {
        position.put(corpus.articles().get(i), i);
      }
      Map<Article, List<Passage>> passages = corpus.byArticle();
      // In the corpus's order: read back, it is the corpus the next load makes of the same files, which
      // then takes it whole (see Corpus#of) instead of numbering the passages anew.
      List<Map.Entry<String, ContentLoader.Memory.Known>> entries = new ArrayList<>(loaded.byLabel().entrySet());
      entries.sort(Comparator.comparingInt(entry -> position.get(entry.getValue().article())));
      out.writeInt(entries.size());
      for (Map.Entry<String, ContentLoader.Memory.Known> entry : entries) {
        Article article = entry.getValue().article();
        string(out, entry.getKey());
        out.writeByte(entry.getValue().digest().length);
        out.write(entry.getValue().digest());
        ContentLoader.Memory.Stamp stamp = entry.getValue().stamp();
        out.writeBoolean(stamp != null);
        if (stamp != null) {
          for (long value : new long[] {stamp.size(), stamp.modifiedNanos(), stamp.changedNanos(), stamp.device(), stamp.inode()}) {
            out.writeLong(value);
          }
        }
        article(out, article);
        drafts(out, article, passages.getOrDefault(article, List.of()));
        string(out, corpus.fingerprint(position.get(article)));
      }
    }, "the next start parses them again");
  }

  private static SavedFile saved(Path file) {
    return SavedFile.at(file, "parsed articles", LOG);
  }

  private static Article article(SavedFile.Input in) throws IOException {
    String id = string(in);
    String file = string(in);
    String title = string(in);
    String source = string(in);
    Edition edition = new Edition(string(in), in.readInt());
    String lang = string(in);
    List<String> tags = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      tags.add(string(in));
    }
    List<Block> blocks = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      Block.Kind kind = KINDS[in.readUnsignedByte()];
      String text = string(in);
      String section = string(in);
      String marker = string(in);
      List<LinkWords> links = new ArrayList<>();
      for (int l = in.readInt(); l > 0; l--) {
        links.add(new LinkWords(string(in), string(in)));
      }
      blocks.add(new Block(kind, text, section, marker, links));
    }
    return new Article(id, file, title, source, edition, lang, tags, blocks);
  }

  private static void article(DataOutputStream out, Article article) throws IOException {
    string(out, article.id());
    string(out, article.file());
    string(out, article.title());
    string(out, article.source());
    string(out, article.edition().region());
    out.writeInt(article.edition().year());
    string(out, article.lang());
    out.writeInt(article.tags().size());
    for (String tag : article.tags()) {
      string(out, tag);
    }
    out.writeInt(article.blocks().size());
    for (Block block : article.blocks()) {
      out.writeByte(block.kind().ordinal());
      string(out, block.text());
      string(out, block.section());
      string(out, block.marker());
      out.writeInt(block.links().size());
      for (LinkWords link : block.links()) {
        string(out, link.text());
        string(out, link.words());
      }
    }
  }

  /** An article's passages: each text and section as the number of the block whose string it is, where one is. */
  private static void drafts(DataOutputStream out, Article article, List<Passage> passages) throws IOException {
    Map<String, Integer> blocks = new IdentityHashMap<>();
    for (int i = article.blocks().size() - 1; i >= 0; i--) {
      blocks.put(article.blocks().get(i).text(), i);
    }
    out.writeInt(passages.size());
    for (Passage passage : passages) {
      shared(out, passage.section(), blocks);
      shared(out, passage.text(), blocks);
      string(out, passage.linkWords());
    }
  }

  private static List<PassageSplitter.Draft> drafts(SavedFile.Input in, Article article) throws IOException {
    List<PassageSplitter.Draft> drafts = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      drafts.add(new PassageSplitter.Draft(shared(in, article), shared(in, article), string(in)));
    }
    return drafts;
  }

  private static void shared(DataOutputStream out, String text, Map<String, Integer> blocks) throws IOException {
    Integer block = blocks.get(text);
    out.writeInt(block == null ? LITERAL : block);
    if (block == null) {
      string(out, text);
    }
  }

  private static String shared(SavedFile.Input in, Article article) throws IOException {
    int block = in.readInt();
    if (block == LITERAL) {
      return string(in);
    }
    if (block < 0 || block >= article.blocks().size()) {
      throw new IOException("a passage of block " + block + " of " + article.blocks().size() + ": the file is damaged");
    }
    return article.blocks().get(block).text();
  }

  /**
   * A string of any length, or {@code null} ({@link DataOutputStream#writeUTF} stops at 64 KB): its
   * length in characters, times two, plus one if it has characters beyond Latin-1; then one byte per
   * character, or two. Read back, Chinese text is copied, not decoded from UTF-8 (whose decoder first
   * fills an array three times the string's size), and any string comes back exactly.
   */
  private static void string(DataOutputStream out, String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    boolean latin1 = text.chars().allMatch(c -> c < 256);
    out.writeInt(text.length() * 2 + (latin1 ? 0 : 1));
    if (latin1) {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    } else {
      out.writeChars(text);
    }
  }

  private static String string(SavedFile.Input in) throws IOException {
    int header = in.readInt();
    if (header < 0) {
      return null;
    }
    int length = header / 2;
    if (length > MAX_STRING_CHARS) {
      throw new IOException("a string of " + length + " characters: the file is damaged");
    }
    return header % 2 == 0 ? in.readLatin1(length) : in.readChars(length);
  }
}
