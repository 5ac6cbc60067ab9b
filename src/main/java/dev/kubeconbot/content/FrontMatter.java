package dev.kubeconbot.content;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata block at the top of a Markdown file: YAML between {@code ---} lines or TOML between
 * {@code +++} lines. Only the fields the bot uses are read; the rest (draft, summary…) is ignored.
 */
public record FrontMatter(
    String title,
    String event,
    Integer year,
    String region,
    String date,
    String source,
    String lang,
    List<String> tags) {

  public static final FrontMatter EMPTY = new FrontMatter(null, null, null, null, null, null, null, List.of());

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper TOML = new TomlMapper();
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  /** The line that closes a front matter block, per fence: compiled once, not for every file. */
  private static final Map<String, Pattern> CLOSING = Map.of("---", closing("---"), "+++", closing("+++"));

  /** A file split into its front matter and the Markdown after it. */
  public record Split(FrontMatter frontMatter, String body) {}

  /**
   * Splits {@code text} into front matter and body.
   *
   * @throws ContentException if a front matter block is opened but not closed, or does not parse
   */
  public static Split split(String text) throws ContentException {
    String firstLine = text.lines().findFirst().orElse("").strip();
    String fence = switch (firstLine) {
      case "---" -> "---";
      case "+++" -> "+++";
      default -> null;
    };
    if (fence == null) {
      return new Split(EMPTY, text);
    }
    Matcher close = CLOSING.get(fence).matcher(text);
    int start = text.indexOf('\n') + 1;
    if (start == 0 || !close.find(start)) {
      throw new ContentException("front matter opened with " + fence + " is never closed");
    }
    String raw = text.substring(start, close.start());
    int bodyStart = text.indexOf('\n', close.end());
    String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
    return new Split(parse(raw, fence.equals("---") ? YAML : TOML, fence.equals("---") ? "YAML" : "TOML"), body);
  }

  private static Pattern closing(String fence) {
    return Pattern.compile("(?m)^" + Pattern.quote(fence) + "[ \\t]*\\r?$");
  }

  private static FrontMatter parse(String raw, ObjectMapper mapper, String format) throws ContentException {
    if (raw.isBlank()) {
      return EMPTY;
    }
    Map<?, ?> fields;
    try {
      fields = mapper.readValue(raw, Map.class);
    } catch (JacksonException e) {
      throw new ContentException("front matter is not valid " + format + ": " + e.getOriginalMessage(), e);
    }
    if (fields == null) {
      return EMPTY;
    }
    return new FrontMatter(
        text(fields, "title"),
        text(fields, "event"),
        year(fields),
        text(fields, "region"),
        text(fields, "date"),
        text(fields, "source"),
        text(fields, "lang"),
        tags(fields));
  }

  private static String text(Map<?, ?> fields, String key) throws ContentException {
    Object value = fields.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
      throw new ContentException("front matter field '" + key + "' must be text, got " + value);
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  private static Integer year(Map<?, ?> fields) throws ContentException {
    String text = text(fields, "year");
    if (text == null) {
      return null;
    }
    if (!YEAR.matcher(text).matches()) {
      throw new ContentException("front matter field 'year' must be a year such as 2021, got '" + text + "'");
    }
    return Integer.valueOf(text);
  }

  private static List<String> tags(Map<?, ?> fields) throws ContentException {
    Object value = fields.get("tags");
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> list) {
      List<String> tags = new ArrayList<>();
      for (Object tag : list) {
        if (tag != null && !tag.toString().isBlank()) {
          tags.add(tag.toString().strip());
        }
      }
      return List.copyOf(tags);
    }
    if (value instanceof Map<?, ?>) {
      throw new ContentException("front matter field 'tags' must be a list, got " + value);
    }
    return List.of(value.toString().strip());
  }
}
