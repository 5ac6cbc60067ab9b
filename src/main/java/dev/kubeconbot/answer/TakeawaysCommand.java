package dev.kubeconbot.answer;

import dev.kubeconbot.content.Article;
import dev.kubeconbot.content.Block;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.Scripts;
import dev.kubeconbot.content.Sentences;
import dev.kubeconbot.search.Glossary;
import dev.kubeconbot.search.Library;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /takeaways year:<2015..2030> [region]}: for each article of that year, its own takeaway
 * points verbatim (its numbered or bulleted takeaway list, else its section headings), then its best
 * lead sentences.
 */
public final class TakeawaysCommand implements Command {

  static final String YEAR = "year";
  static final String REGION = "region";
  static final int FIRST_YEAR = 2015;
  static final int LAST_YEAR = 2030;

  /** A list introduced like this is the article's own list of takeaways. */
  private static final Pattern TAKEAWAY_INTRO = Pattern.compile(
      "(?i)要点|要點|收获|收穫|重点|重點|亮点|亮點|观察|觀察|趋势|趨勢|takeaway|highlight|lesson|trend|observation|key");
  private static final int MIN_LIST_ITEMS = 3;
  private static final int MAX_ITEM_LENGTH = 160;
  /** Shorter lines ("视频", "Video") are captions, not headings. */
  private static final int MIN_HEADING_LENGTH = 8;
  private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?.:：;；，,]\\s*$|[。！？]");
  /** How many paragraphs from the top are searched for lead sentences. */
  private static final int LEAD_PARAGRAPHS = 4;
  private static final int MAX_LEAD_LENGTH = 300;
  private static final int MIN_LEAD_LENGTH = 15;
  private static final int HINT_TOPICS = 3;
  /** A year of a large corpus has hundreds of articles; a reply quotes this many at most. */
  private static final int MAX_ARTICLES = 10;
  private static final Pattern SPONSOR = Pattern.compile("(?i)赞助|贊助|sponsor");
  private static final Pattern TITLE_NOISE = Pattern.compile("kubecon|cloudnativecon|eu|na|\\d+");
  private static final Pattern YEAR_WORD = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");

  @Override
  public CommandSpec spec() {
    return new CommandSpec("takeaways", List.of(
        new OptionSpec(YEAR, OptionSpec.Type.INTEGER, true, true, List.of(), FIRST_YEAR, LAST_YEAR),
        OptionSpec.text(REGION, false, true)));
  }

  @Override
  public Map<String, String> parseWords(String words) {
    Map<String, String> options = new HashMap<>();
    Matcher year = YEAR_WORD.matcher(words);
    String rest = words;
    if (year.find()) {
      options.put(YEAR, year.group(1));
      rest = words.substring(0, year.start()) + " " + words.substring(year.end());
    } else if (!words.isBlank()) {
      options.put(YEAR, words.strip());
      rest = "";
    }
    if (!rest.isBlank()) {
      options.put(REGION, rest.strip());
    }
    return options;
  }

  @Override
  public Answer answer(Invocation call) {
    Library library = call.library();
    String yearText = call.option(YEAR);
    if (!yearText.matches("\\d{4}") || Integer.parseInt(yearText) < FIRST_YEAR || Integer.parseInt(yearText) > LAST_YEAR) {
      return Answer.guidance("takeaways", call.query(), call.heading("takeaways.heading", yearText),
          call.text("takeaways.badYear", FIRST_YEAR, LAST_YEAR, years(library)));
    }
    String region = null;
    if (!call.option(REGION).isEmpty()) {
      Optional<String> known = library.calendar().region(call.option(REGION));
      if (known.isEmpty()) {
        return Answer.guidance("takeaways", call.query(), call.heading("takeaways.heading", yearText),
            call.text("takeaways.badRegion", call.option(REGION), String.join(", ", library.calendar().regions())));
      }
      region = known.get();
    }
    Edition wanted = new Edition(region, Integer.parseInt(yearText));
    String title = call.text("takeaways.heading", wanted.label());
    List<Article> articles = Editions.articles(library, wanted);
    if (articles.isEmpty()) {
      return Answer.message("takeaways", call.query(), title, Editions.noArticles(call, wanted));
    }
    // Articles with their own takeaway list first: they say best what the edition was about.
    Map<Boolean, List<Article>> withList = articles.stream()
        .collect(Collectors.partitioningBy(a -> !takeawayList(a).isEmpty()));
    List<Article> shown = Stream.concat(withList.get(true).stream(), withList.get(false).stream())
        .limit(MAX_ARTICLES)
        .toList();
    List<Quote> quotes = new ArrayList<>();
    for (Article article : shown) {
      points(article).ifPresent(quotes::add);
      lead(article, library.glossary()).ifPresent(quotes::add);
    }
    List<String> notes = articles.size() > shown.size()
        ? List.of(call.text("takeaways.more", shown.size(), articles.size())) : List.of();
    return new Answer("takeaways", call.query(), title, notes,
        new Answer.Quotes(quotes, trendHint(library, quotes, wanted, call)));
  }

  @Override
  public List<Choice> complete(String option, String prefix, Library library) {
    String wanted = prefix.strip().toLowerCase(Locale.ROOT);
    List<String> values = option.equals(YEAR)
        ? library.corpus().years().reversed().stream().map(String::valueOf).toList()
        : library.corpus().byEdition().keySet().stream().map(Edition::region).filter(r -> r != null).distinct().toList();
    return values.stream()
        .filter(v -> v.toLowerCase(Locale.ROOT).startsWith(wanted))
        .map(v -> new Choice(v, v))
        .toList();
  }

  /**
   * "Also discussed at other editions: service mesh — EU 2021; …": the topics these takeaways name
   * most that other editions discuss too. Topics every edition discusses (Kubernetes) say nothing.
   */
  private static Optional<String> trendHint(Library library, List<Quote> quotes, Edition wanted, Invocation call) {
    Map<Glossary.Topic, Long> named = quotes.stream()
        .flatMap(q -> library.glossary().mentions(q.text()).stream())
        .collect(Collectors.groupingBy(Glossary.Mention::topic, LinkedHashMap::new, Collectors.counting()));
    List<String> parts = new ArrayList<>();
    for (Glossary.Topic topic : named.keySet().stream()
        .sorted(Comparator.comparing(named::get).reversed()).toList()) {
      Map<Edition, Integer> counts = library.editionCounts(topic);
      List<String> others = counts.entrySet().stream()
          .filter(e -> e.getValue() > 0 && !Editions.matches(e.getKey(), wanted))
          .map(e -> e.getKey().shortLabel())
          .toList();
      boolean everywhere = counts.values().stream().allMatch(n -> n > 0);
      if (!others.isEmpty() && !everywhere) {
        parts.add(topic.name() + " — " + String.join(", ", others));
      }
      if (parts.size() == HINT_TOPICS) {
        break;
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(call.text("takeaways.hint", String.join("; ", parts)));
  }

  /** "2019, 2020, 2021": the years that have articles. */
  static String years(Library library) {
    return String.join(", ", library.corpus().years().stream().map(String::valueOf).toList());
  }

  /**
   * The article's own takeaway list, else its section headings (and the short lines that stand as
   * headings in pasted text: no sentence end, no link); verbatim, one line each.
   */
  private static Optional<Quote> points(Article article) {
    List<Block> list = takeawayList(article);
    if (!list.isEmpty()) {
      return Optional.of(quote(article, list.getFirst().section(), lines(list), 1.0));
    }
    List<Block> headings = article.blocks().stream()
        .filter(b -> !b.text().equals(article.title()) && (b.kind() == Block.Kind.HEADING || standsAsHeading(b)))
        .toList();
    if (!headings.isEmpty()) {
      return Optional.of(quote(article, "", lines(headings), 1.0));
    }
    return Optional.empty();
  }

  /** A paragraph of one short line without a sentence end or a link: a heading in all but markup. */
  private static boolean standsAsHeading(Block block) {
    String text = block.text().strip();
    return block.kind() == Block.Kind.PARAGRAPH && text.length() >= MIN_HEADING_LENGTH && text.length() <= MAX_ITEM_LENGTH / 2
        && !SENTENCE_END.matcher(text).find() && !text.contains("http") && !SPONSOR.matcher(text).find();
  }

  /** The article's first list of short items introduced as takeaways, or an empty list. */
  private static List<Block> takeawayList(Article article) {
    List<Block> blocks = article.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      List<Block> list = listAt(blocks, i);
      if (list.size() >= MIN_LIST_ITEMS && list.stream().allMatch(b -> b.text().length() <= MAX_ITEM_LENGTH)
          && introducesTakeaways(blocks, i)) {
        return list;
      }
      i += Math.max(0, list.size() - 1);
    }
    return List.of();
  }

  private static List<Block> listAt(List<Block> blocks, int start) {
    int end = start;
    while (end < blocks.size() && blocks.get(end).kind() == Block.Kind.LIST_ITEM) {
      end++;
    }
    return blocks.subList(start, end);
  }

  private static boolean introducesTakeaways(List<Block> blocks, int listStart) {
    Block first = blocks.get(listStart);
    boolean intro = listStart > 0 && TAKEAWAY_INTRO.matcher(blocks.get(listStart - 1).text()).find();
    return intro || TAKEAWAY_INTRO.matcher(first.section()).find();
  }

  private static String lines(List<Block> blocks) {
    return String.join("\n", blocks.stream().map(Block::display).toList());
  }

  /**
   * The best one or two consecutive sentences among the first paragraphs: those naming most glossary
   * topics and sharing most words with the title, earlier ones preferred; sponsor notes never.
   */
  private static Optional<Quote> lead(Article article, Glossary glossary) {
    List<Block> paragraphs = article.blocks().stream()
        .filter(b -> b.kind() == Block.Kind.PARAGRAPH)
        .limit(LEAD_PARAGRAPHS)
        .toList();
    String best = null;
    double bestScore = 0;
    int position = 0;
    for (Block paragraph : paragraphs) {
      List<String> sentences = Sentences.split(paragraph.text());
      for (int i = 0; i < sentences.size(); i++, position++) {
        String sentence = sentences.get(i);
        if (SPONSOR.matcher(sentence).find() || sentence.length() < MIN_LEAD_LENGTH) {
          continue;
        }
        long topics = glossary.mentions(sentence).stream().map(Glossary.Mention::topic).distinct().count();
        double score = (1 + 2 * topics + overlap(sentence, article.title())) / (1 + 0.25 * position);
        if (score > bestScore) {
          bestScore = score;
          String withNext = i + 1 < sentences.size() ? sentence + sentences.get(i + 1) : sentence;
          best = sentence.length() < 60 && withNext.length() <= MAX_LEAD_LENGTH && paragraph.text().contains(withNext)
              ? withNext : Sentences.cut(sentence, MAX_LEAD_LENGTH);
        }
      }
    }
    return Optional.ofNullable(best).map(text -> quote(article, "", text, 0.5));
  }

  /**
   * How much of {@code title} is in {@code sentence}: its Chinese character pairs and its English
   * words, leaving out the words every KubeCon title has.
   */
  private static int overlap(String sentence, String title) {
    String lowerSentence = sentence.toLowerCase(Locale.ROOT);
    int shared = 0;
    for (String word : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.length() < 2 || TITLE_NOISE.matcher(word).matches()) {
        continue;
      }
      if (Scripts.allHan(word)) {
        for (int i = 0; i + 2 <= word.length(); i++) {
          if (lowerSentence.contains(word.substring(i, i + 2))) {
            shared++;
          }
        }
      } else if (lowerSentence.contains(word)) {
        shared += 2;
      }
    }
    return shared;
  }

  private static Quote quote(Article article, String section, String text, double score) {
    return new Quote(text, section, article.title(), article.source(), article.edition(), score);
  }
}
