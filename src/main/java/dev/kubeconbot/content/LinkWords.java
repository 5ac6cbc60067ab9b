package dev.kubeconbot.content;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A link in an article's text and the words of its target: a Chinese article links a name to the
 * English page about it ({@code [丹·科恩](https://…/in-memoriam-dan-kohn/)}), so the words of the
 * URL's last path segment ("in memoriam dan kohn") say in English what the link text is about.
 * Searchable beside the passage, never quoted: quotes stay the article's text.
 *
 * @param text the link's text as it stands in the block
 * @param words the words of its target's last path segment, separated by spaces
 */
public record LinkWords(String text, String words) {

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
  /** Path segments that name a kind of page, not its subject ("youtube.com/watch?v=…"). */
  private static final java.util.Set<String> GENERIC = java.util.Set.of("watch", "index", "default", "home", "view", "page");
  /** A file name's extension is not a word of its subject. */
  private static final Pattern EXTENSION = Pattern.compile("(?i)\\.(html?|php|aspx?|jsp|md)$");

  /**
   * The words of the last path segment of {@code url} that has a letter ("in-memoriam-dan-kohn/" →
   * "in memoriam dan kohn", "…/in/lizrice" → "lizrice"); empty for a bare host, a mail link or
   * anything that is not a URL.
   */
  public static String of(String url) {
    String path;
    try {
      URI uri = new URI(url.strip());
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
        return "";
      }
      path = uri.getRawPath();
    } catch (java.net.URISyntaxException e) {
      return "";
    }
    if (path == null) {
      return "";
    }
    String[] segments = path.split("/");
    for (int i = segments.length - 1; i >= 0; i--) {
      String segment = EXTENSION.matcher(decode(segments[i])).replaceFirst("");
      if (segment.codePoints().anyMatch(Character::isLetter) && !GENERIC.contains(segment.toLowerCase(java.util.Locale.ROOT))) {
        return Arrays.stream(NOT_WORD.split(segment))
            .filter(word -> word.codePoints().anyMatch(Character::isLetter))
            .collect(Collectors.joining(" "));
      }
    }
    return "";
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
