package dev.kubeconbot.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The KubeCon editions and region names from {@code config/events.yaml}: how region words (EU,
 * Europe, 欧洲…) and host cities (巴伦西亚/Valencia…) map to editions.
 */
public final class EventCalendar {

  /** One edition as listed in the calendar. */
  public record Event(String region, int year, LocalDate start, List<String> cities) {
    public Edition edition() {
      return new Edition(region, year);
    }
  }

  record File(Map<String, List<String>> regions, List<Event> editions) {}

  /** How long after an edition's start an article dated then is assumed to be about it. */
  private static final int DAYS_AFTER_EVENT = 45;
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20[1-3]\\d)(?!\\d)");

  private final Map<String, String> regionByAlias;
  private final List<Event> events;
  private final Pattern regionPattern;
  private final Pattern cityPattern;

  public EventCalendar(Map<String, List<String>> regions, List<Event> events) {
    this.regionByAlias = new LinkedHashMap<>();
    regions.forEach((region, aliases) -> {
      regionByAlias.put(region.toLowerCase(Locale.ROOT), region);
      aliases.forEach(alias -> regionByAlias.put(alias.toLowerCase(Locale.ROOT), region));
    });
    this.events = events.stream().sorted(Comparator.comparing(Event::start)).toList();
    this.regionPattern = alternation(regionByAlias.keySet());
    this.cityPattern = alternation(this.events.stream().flatMap(e -> e.cities().stream()).toList());
  }

  public static EventCalendar read(InputStream yaml) throws IOException {
    byte[] bytes = yaml.readAllBytes();
    Optional<EventCalendar> usual = usual(YamlTree.read(bytes));
    if (usual.isPresent()) {
      return usual.get();
    }
    File file = YamlTree.bind(bytes, File.class);
    if (file == null || file.regions() == null || file.editions() == null) {
      throw new IOException("events file needs 'regions' and 'editions'");
    }
    return new EventCalendar(file.regions(), file.editions());
  }

  /** The calendar from a file of the usual shape (see {@link YamlTree}), else empty. */
  private static Optional<EventCalendar> usual(JsonNode root) {
    Optional<Map<String, List<String>>> regions = YamlTree.map(root.get("regions"), YamlTree::texts);
    Optional<List<Event>> editions = YamlTree.list(root.get("editions"), EventCalendar::event);
    return regions.isPresent() && editions.isPresent()
        ? Optional.of(new EventCalendar(regions.get(), editions.get()))
        : Optional.empty();
  }

  private static Optional<Event> event(JsonNode node) {
    Optional<String> region = YamlTree.text(node.get("region"));
    JsonNode year = node.get("year");
    Optional<String> start = YamlTree.text(node.get("start")).filter(date -> ISO_DATE.matcher(date).matches());
    Optional<List<String>> cities = YamlTree.texts(node.get("cities"));
    if (region.isEmpty() || year == null || !year.isInt() || start.isEmpty() || cities.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Event(region.get(), year.intValue(), LocalDate.parse(start.get()), cities.get()));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // no such day: the databinding's error says so
    }
  }

  /** The canonical region for a region word ({@code europe} → {@code EU}), if it is one. */
  public Optional<String> region(String word) {
    return Optional.ofNullable(word == null ? null : regionByAlias.get(word.strip().toLowerCase(Locale.ROOT)));
  }

  /** The editions, in time order. */
  public List<Event> events() {
    return events;
  }

  /** The canonical region names, e.g. EU, NA, China. */
  public List<String> regions() {
    return regionByAlias.values().stream().distinct().toList();
  }

  /** The region word and year found anywhere in {@code text}, e.g. a title "Europe 2018" or "北美 2020". */
  public Edition editionIn(String text) {
    return new Edition(firstRegion(text), firstYear(text));
  }

  /**
   * Every edition a question may mean, however it names it: a region word, a year, a host city
   * ("KubeCon Paris", "巴黎", "San Diego 2019"), or several of them. A city means the editions held
   * there (within the region and year named, if any): "Seattle" is NA 2016 or NA 2018. Without a
   * city, the one edition of the region and year named, which may be unknown.
   */
  public List<Edition> editionsAsked(String text) {
    Edition named = editionIn(text);
    Matcher city = cityPattern.matcher(text);
    while (city.find()) {
      String name = city.group();
      List<Edition> hosted = events.stream()
          .filter(e -> e.cities().stream().anyMatch(c -> c.equalsIgnoreCase(name)))
          .map(Event::edition)
          .filter(e -> named.region() == null || named.region().equals(e.region()))
          .filter(e -> !named.hasYear() || named.year() == e.year())
          .toList();
      if (!hosted.isEmpty()) {
        return hosted;
      }
    }
    return List.of(named);
  }

  /** {@code text} without its region words, host cities and years, once they have been taken as a filter. */
  public String withoutEditionWords(String text) {
    String noCities = cityPattern.matcher(text).replaceAll(" ");
    return YEAR.matcher(regionPattern.matcher(noCities).replaceAll(" ")).replaceAll(" ");
  }

  /** The edition named right after a mention of KubeCon, e.g. "KubeCon + CloudNativeCon 北美 2020". */
  public Edition editionAfterKubeCon(String text) {
    Matcher mention = Pattern.compile("(?i)kubecon|cloudnativecon").matcher(text);
    Edition found = Edition.UNKNOWN;
    while (mention.find() && !found.hasYear()) {
      String after = text.substring(mention.end(), Math.min(text.length(), mention.end() + 40));
      after = after.split("[。！？!?\\n]|\\.\\s", 2)[0];
      found = found.completedBy(editionIn(after));
    }
    return found;
  }

  /** The first host city mentioned in {@code text} and the edition it identifies, given what is known. */
  public Optional<CityMatch> cityIn(String text, Edition known) {
    Matcher city = cityPattern.matcher(text);
    while (city.find()) {
      String name = city.group();
      List<Event> hosted = events.stream()
          .filter(e -> e.cities().stream().anyMatch(c -> c.equalsIgnoreCase(name)))
          .filter(e -> known.region() == null || known.region().equals(e.region()))
          .filter(e -> !known.hasYear() || known.year() == e.year())
          .toList();
      if (hosted.size() == 1) {
        return Optional.of(new CityMatch(name, hosted.getFirst().edition()));
      }
      if (!hosted.isEmpty() && hosted.stream().map(Event::region).distinct().count() == 1) {
        return Optional.of(new CityMatch(name, new Edition(hosted.getFirst().region(), 0)));
      }
    }
    return Optional.empty();
  }

  /** A host city found in an article and the edition it points to. */
  public record CityMatch(String city, Edition edition) {}

  /** The edition held shortly before {@code date}, or just the date's year. */
  public Edition editionAt(LocalDate date) {
    return events.stream()
        .filter(e -> !date.isBefore(e.start()) && !date.isAfter(e.start().plusDays(DAYS_AFTER_EVENT)))
        .reduce((first, second) -> second)
        .map(Event::edition)
        .orElse(new Edition(null, date.getYear()));
  }

  private String firstRegion(String text) {
    Matcher region = regionPattern.matcher(text);
    return region.find() ? regionByAlias.get(region.group().toLowerCase(Locale.ROOT)) : null;
  }

  private static int firstYear(String text) {
    Matcher year = YEAR.matcher(text);
    return year.find() ? Integer.parseInt(year.group(1)) : 0;
  }

  /** Longest alternative first; Latin words must stand alone so "EU" does not match inside "EUR". */
  private static Pattern alternation(Collection<String> words) {
    String body = words.stream()
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(w -> w.matches("[\\p{IsLatin}\\d .]+")
            ? "(?<![\\p{IsLatin}\\d])" + Pattern.quote(w) + "(?![\\p{IsLatin}\\d])"
            : Pattern.quote(w))
        .collect(Collectors.joining("|"));
    return Pattern.compile(body.isEmpty() ? "(?!x)x" : "(?i)" + body);
  }
}
