package dev.kubeconbot.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one Markdown article and completes its metadata. What the front matter lacks is inferred
 * (DESIGN §3): title from the first heading or the file name; source from a "原文：url" style line;
 * edition from the title, the body, the host city, then the date. Each inference is logged.
 */
public final class ArticleReader {

  private static final Logger LOG = LoggerFactory.getLogger(ArticleReader.class);
  /** Words that introduce the original article: "原文：<url>", "Source: url", "英文原文来自 [..](url)". */
  private static final String ATTRIBUTION_START = "(?:英文原文|原文链接|原文地址|原文|来源|出处|source|original"
      + "|originally published (?:at|on|in))\\s*(?:[:：]|来自|\\s(?=\\[|<?https?://))";
  private static final Pattern SOURCE_LINE =
      Pattern.compile("(?im)^[>\\s]*" + ATTRIBUTION_START + "[^\\n]*?(https?://[^\\s)>\\]]+)");
  private static final Pattern ATTRIBUTION = Pattern.compile("(?is)" + ATTRIBUTION_START + ".*");
  /**
   * A byline that ends in the article's address: "Bob Quillin, May 8, 2018 — https://blogs.oracle.com/…".
   * A short line with a year, a dash and a bare URL, and nothing after it.
   */
  private static final String BYLINE_TEXT = "[^\\n]{0,160}?(?<!\\d)(?:19|20)\\d{2}(?!\\d)[^\\n]{0,20}?\\s[—–-]{1,2}\\s*(https?://[^\\s)>\\]]+)\\s*";
  private static final Pattern BYLINE_LINE = Pattern.compile("(?m)^[>\\s]*" + BYLINE_TEXT + "$");
  private static final Pattern BYLINE = Pattern.compile(BYLINE_TEXT);

  private final EventCalendar calendar;
  private final long maxFileBytes;

  /** Reads articles of at most {@code maxFileBytes}; larger ones are refused. */
  public ArticleReader(EventCalendar calendar, long maxFileBytes) {
    this.calendar = calendar;
    this.maxFileBytes = maxFileBytes;
  }

  /** The size cap, in bytes. */
  public long maxFileBytes() {
    return maxFileBytes;
  }

  /** Reads {@code file}; {@code label} names it in messages (usually its path relative to the content folder). */
  public Article read(Path file, String label) throws ContentException {
    return read(bytes(file), file, label);
  }

  /** The article in {@code bytes}, the contents of {@code file} (see {@link #bytes}). */
  Article read(byte[] bytes, Path file, String label) throws ContentException {
    String text = decode(bytes);
    FrontMatter.Split split = FrontMatter.split(text);
    FrontMatter meta = split.frontMatter();
    MarkdownText.Result markdown = MarkdownText.parse(split.body());
    List<String> inferred = new ArrayList<>();

    String title = meta.title();
    if (title == null) {
      title = markdown.title() != null ? markdown.title() : fileTitle(file);
      inferred.add("title from " + (markdown.title() != null ? "first heading" : "file name"));
    }

    String source = meta.source();
    if (source == null) {
      Matcher line = SOURCE_LINE.matcher(split.body());
      Matcher byline = BYLINE_LINE.matcher(split.body());
      if (line.find()) {
        source = line.group(1);
        inferred.add("source from line '" + Sentences.cut(line.group().replaceFirst("^[>\\s]+", ""), 40) + "'");
      } else if (byline.find()) {
        source = byline.group(1);
        inferred.add("source from byline '" + Sentences.cut(byline.group().strip(), 40) + "'");
      }
    }

    // Attribution lines and bylines say where the article comes from; they are never quoted.
    List<Block> blocks = markdown.blocks().stream()
        .filter(b -> !ATTRIBUTION.matcher(b.text()).matches() && !isByline(b.text()))
        .toList();
    if (blocks.stream().noneMatch(b -> b.kind() != Block.Kind.HEADING)) {
      throw new ContentException("it has no text to quote");
    }
    String body = String.join("\n", markdown.blocks().stream().map(Block::text).toList());
    Edition edition = edition(meta, title, body, label, inferred);
    String lang = meta.lang() != null ? meta.lang() : guessLanguage(body);

    if (!inferred.isEmpty()) {
      LOG.info("{}: {}", label, String.join("; ", inferred));
    }
    String id = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    return new Article(id, label, title, source, edition, lang, meta.tags(), blocks);
  }

  private Edition edition(FrontMatter meta, String title, String body, String label, List<String> inferred)
      throws ContentException {
    Edition edition = fromFrontMatter(meta, label);
    if (edition.hasYear() && edition.region() != null) {
      return edition;
    }
    Edition before = edition;
    edition = edition.completedBy(calendar.editionIn(title));
    if (!edition.equals(before)) {
      inferred.add("edition " + edition.label() + " from title");
    }
    before = edition;
    edition = edition.completedBy(calendar.editionAfterKubeCon(body));
    if (!edition.equals(before)) {
      inferred.add("edition " + edition.label() + " from body");
    }
    if (!edition.hasYear() || edition.region() == null) {
      Optional<EventCalendar.CityMatch> city = calendar.cityIn(body, edition);
      if (city.isPresent() && !edition.completedBy(city.get().edition()).equals(edition)) {
        edition = edition.completedBy(city.get().edition());
        inferred.add("edition " + edition.label() + " from host city " + city.get().city());
      }
    }
    if (!edition.hasYear() && meta.date() != null) {
      edition = edition.completedBy(calendar.editionAt(date(meta.date())));
      inferred.add("edition " + edition.label() + " from date " + meta.date());
    }
    if (!edition.isKnown()) {
      inferred.add("edition unknown");
    }
    return edition;
  }

  private Edition fromFrontMatter(FrontMatter meta, String label) throws ContentException {
    Edition edition = meta.event() != null ? calendar.editionIn(meta.event()) : Edition.UNKNOWN;
    String region = null;
    if (meta.region() != null) {
      region = calendar.region(meta.region()).orElseThrow(() -> new ContentException(
          "front matter field 'region' is '" + meta.region() + "', not a known region"));
    }
    Edition given = new Edition(region, meta.year() == null ? 0 : meta.year());
    if (edition.isKnown() && given.isKnown() && !edition.completedBy(given).equals(given.completedBy(edition))) {
      throw new ContentException("front matter 'event' (" + meta.event() + ") contradicts 'year'/'region' in " + label);
    }
    return given.completedBy(edition);
  }

  private static LocalDate date(String text) throws ContentException {
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new ContentException("front matter field 'date' must look like 2019-05-31, got '" + text + "'");
    }
  }

  /** The contents of {@code file}, up to the size cap. */
  byte[] bytes(Path file) throws ContentException {
    byte[] bytes;
    // Not following a link here, and never reading past the cap, even if the file grew since it was listed.
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
    } catch (IOException e) {
      throw new ContentException("it cannot be read: " + e.getMessage(), e);
    }
    if (bytes.length > maxFileBytes) {
      throw new ContentException("it is larger than the content.maxFileSize cap of " + maxFileBytes + " bytes");
    }
    return bytes;
  }

  private static String decode(byte[] bytes) throws ContentException {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      int nul = text.indexOf('\0');
      if (nul >= 0) {
        // UTF-16 without a byte-order mark decodes as "valid" UTF-8 with a NUL beside every ASCII letter.
        throw new ContentException("it is not UTF-8 text: it has a NUL character at offset " + nul
            + " (UTF-16 without a byte-order mark?)");
      }
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new ContentException("it is not UTF-8 text", e);
    }
  }

  /** Whether {@code text} is a byline; only one with an address can be, and trying the pattern on every paragraph costs. */
  private static boolean isByline(String text) {
    return text.contains("://") && BYLINE.matcher(text).matches();
  }

  private static String fileTitle(Path file) {
    return file.getFileName().toString().replaceFirst("\\.[^.]+$", "").replaceAll("[-_]+", " ").strip();
  }

  private static String guessLanguage(String text) {
    long han = Scripts.hanCount(text);
    return han * 5 > text.length() ? "zh" : "en";
  }
}
