package dev.kubeconbot.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.answer.Messages;
import dev.kubeconbot.answer.Quote;
import dev.kubeconbot.answer.Trends;
import dev.kubeconbot.content.Article;
import dev.kubeconbot.render.AnswerChart;
import dev.kubeconbot.service.Reply;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * One page of an {@link Answer} as a Discord message: one embed (the title, the answer's message,
 * one field per quote with its edition, section and a link to its source, or per listed article,
 * the hint and page number in the footer, a trend's chart as its image), ◀ ▶ page buttons and a
 * link button to the page's top source. Pages are cut from
 * the answer the same way every time, so a page button still shows the same page after a restart.
 * A chart is drawn once per answer: the page buttons of an answer reuse it.
 * Every Discord limit holds whatever the answer; no message can ping anyone; the message content
 * stays empty, so no link in it can unfurl into a preview.
 */
final class AnswerRenderer {

  static final int QUOTES_PER_PAGE = 5;
  /** Room for the answer's message; the rest of the message is for quotes. */
  static final int MESSAGE_MAX = 1500;
  static final int HINT_MAX = 500;
  /** Quote text shown, before escapes; longer quotes are cut at a sentence end. */
  static final int QUOTE_MAX = 700;
  private static final int LINK_TITLE_MAX = 150;
  private static final int PAGE_LABEL_MAX = 100;
  private static final int COLOR = 0x326CE5;
  private static final String PREVIOUS = "◀";
  private static final String NEXT = "▶";
  /** The /trend chart, attached to the message and shown as the embed's image. */
  static final String CHART = "trend.png";
  /** Charts kept for page clicks: answers being paged through at the same time. */
  private static final int CHARTS_KEPT = 64;

  private final PageIds pageIds;
  private final BiFunction<Answer.Content, Lang, Optional<byte[]>> draw;
  /** Drawing takes tens of milliseconds; the same answer (also when recomputed) has the same chart. */
  private final Cache<Chart, Optional<byte[]>> charts = Caffeine.newBuilder().maximumSize(CHARTS_KEPT).build();

  AnswerRenderer(PageIds pageIds) {
    this(pageIds, AnswerChart::png);
  }

  /** @param draw the chart of an answer's content, if it has one (tests count the drawings) */
  AnswerRenderer(PageIds pageIds, BiFunction<Answer.Content, Lang, Optional<byte[]>> draw) {
    this.pageIds = pageIds;
    this.draw = draw;
  }

  /** What a chart shows, as the key it is kept under. */
  private record Chart(Answer.Content content, Lang lang) {}

  /**
   * An answer's parts as an embed shows them.
   *
   * @param text the description: the answer's message, or a trends summary before its notes
   */
  private record Shown(String text, List<MessageEmbed.Field> fields, List<Source> sources, String hint,
      Optional<byte[]> chart) {}

  /** A link a field points to, for the page's source button. */
  private record Source(String title, String url) {}

  /**
   * The response to a service reply: a page of the answer, or the rate-limit notice; with no reply (the
   * bot did not finish starting in time), a notice saying so.
   */
  Response response(Optional<Reply> whenReady, Query query, int page) {
    if (whenReady.isEmpty()) {
      return new Response.Notice(Messages.get(query.lang(), "discord.startingUp"));
    }
    return switch (whenReady.get()) {
      case Reply.Answered answered -> new Response.Page(render(answered.answer(), query, page));
      case Reply.RateLimited limited -> new Response.Notice(limited.message());
    };
  }

  /** Page {@code page} (0-based, clamped to the pages there are) of {@code answer} to {@code query}. */
  MessageCreateData render(Answer answer, Query query, int page) {
    Lang lang = query.lang();
    Shown shown = shown(answer, lang);
    String title = DiscordText.fit(answer.title(), MessageEmbed.TITLE_MAX_LENGTH);
    String description = shown.text().isEmpty() ? null : DiscordText.fit(shown.text(), MESSAGE_MAX);
    String hint = shown.hint() == null ? null : DiscordText.plain(shown.hint(), HINT_MAX);
    int fixed = title.length() + length(description) + length(hint) + 1 + PAGE_LABEL_MAX;
    List<List<MessageEmbed.Field>> pages = pages(shown.fields(), MessageEmbed.EMBED_MAX_LENGTH_BOT - fixed);
    int current = Math.clamp(page, 0, pages.size() - 1);

    List<String> ids = pages.size() < 2 ? List.of() : buttonIds(query, current, pages.size());
    String pageKey = ids.isEmpty() && pages.size() > 1 ? "discord.pageOnly" : "discord.page";
    String pageLabel = pages.size() < 2 ? null
        : DiscordText.plain(Messages.get(lang, pageKey, current + 1, pages.size()), PAGE_LABEL_MAX);

    EmbedBuilder embed = new EmbedBuilder().setColor(COLOR).setTitle(title)
        .setDescription(description);
    pages.get(current).forEach(embed::addField);
    String footer = join(hint, pageLabel);
    if (footer != null) {
      embed.setFooter(footer);
    }

    List<Button> buttons = new ArrayList<>();
    if (!ids.isEmpty()) {
      buttons.add(Button.secondary(ids.get(0), PREVIOUS).withDisabled(current == 0));
      buttons.add(Button.secondary(ids.get(1), NEXT).withDisabled(current == pages.size() - 1));
    }
    topSource(shown.sources(), current, pages).ifPresent(source -> buttons.add(Button.link(DiscordText.url(source.url()),
        DiscordText.plain(Messages.get(lang, "discord.source") + ": " + source.title(), Button.LABEL_MAX_LENGTH))));

    MessageCreateBuilder message = new MessageCreateBuilder();
    shown.chart().ifPresent(png -> {
      message.setFiles(FileUpload.fromData(png, CHART));
      embed.setImage("attachment://" + CHART);
    });
    return message
        .setEmbeds(embed.build())
        .setComponents(buttons.isEmpty() ? List.of() : List.of(ActionRow.of(buttons)))
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .mentionRepliedUser(false)
        .build();
  }

  /** The same page as an edit of an earlier message, replacing all of it. */
  MessageEditData renderEdit(Answer answer, Query query, int page) {
    return MessageEditData.fromCreateData(render(answer, query, page));
  }

  /** A short text only its user sees (errors, rate limits); it pings no one, and a link in it shows no preview. */
  static MessageCreateData notice(String text) {
    return new MessageCreateBuilder()
        .setContent(DiscordText.fit(text, Message.MAX_CONTENT_LENGTH))
        .setSuppressEmbeds(text.contains("://"))
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .mentionRepliedUser(false)
        .build();
  }

  /** The description, fields, footer hint and chart of each kind of answer. */
  private Shown shown(Answer answer, Lang lang) {
    String message = answer.message();
    return switch (answer.content()) {
      case Answer.Quotes quotes -> quoted(message, quotes.quotes(), quotes.hint().orElse(null), Optional.empty());
      case Answer.Message only -> new Shown(message, List.of(), List.of(), null, Optional.empty());
      case Answer.TopicTrend trend -> quoted(message, trend.quotes(), trend.hint(), chart(trend, lang));
      case Answer.EditionTrends trends -> new Shown(message.isEmpty() ? trends.summary() : trends.summary() + "\n\n" + message,
          highlighted(trends.highlights()), sources(trends.quotes()), null, chart(trends, lang));
      case Answer.Listing listing -> listed(message, listing.articles());
    };
  }

  private Optional<byte[]> chart(Answer.Content content, Lang lang) {
    return charts.get(new Chart(content, lang), chart -> draw.apply(chart.content(), chart.lang()));
  }

  private static Shown quoted(String message, List<Quote> quotes, String hint, Optional<byte[]> chart) {
    List<MessageEmbed.Field> fields = new ArrayList<>();
    for (int i = 0; i < quotes.size(); i++) {
      fields.add(field(i + 1, "", quotes.get(i)));
    }
    return new Shown(message, fields, sources(quotes), hint, chart);
  }

  /** Each quote under its topic and status: "1 · WebAssembly (rising) · KubeCon EU 2022". */
  private static List<MessageEmbed.Field> highlighted(List<Trends.Highlight> highlights) {
    List<MessageEmbed.Field> fields = new ArrayList<>();
    for (int i = 0; i < highlights.size(); i++) {
      fields.add(field(i + 1, highlights.get(i).heading() + " · ", highlights.get(i).quote()));
    }
    return fields;
  }

  private static List<Source> sources(List<Quote> quotes) {
    return quotes.stream().map(q -> new Source(q.title(), q.url())).toList();
  }

  /** Each article as a numbered field that is just its linked title: the link says it all. */
  private static Shown listed(String message, List<Article> articles) {
    List<MessageEmbed.Field> fields = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      Article article = articles.get(i);
      fields.add(new MessageEmbed.Field(heading(i + 1, article.edition().label(), ""),
          source(article.title(), article.source()), false));
    }
    return new Shown(message, fields, articles.stream().map(a -> new Source(a.title(), a.source())).toList(), null,
        Optional.empty());
  }

  /** Fields in pages of at most {@link #QUOTES_PER_PAGE} within {@code budget} characters. */
  private static List<List<MessageEmbed.Field>> pages(List<MessageEmbed.Field> fields, int budget) {
    List<List<MessageEmbed.Field>> pages = new ArrayList<>();
    List<MessageEmbed.Field> page = new ArrayList<>();
    int used = 0;
    for (MessageEmbed.Field field : fields) {
      int size = field.getName().length() + field.getValue().length();
      if (!page.isEmpty() && (page.size() == QUOTES_PER_PAGE || used + size > budget)) {
        pages.add(page);
        page = new ArrayList<>();
        used = 0;
      }
      page.add(field);
      used += size;
    }
    pages.add(page);
    return pages;
  }

  /** "2 · KubeCon EU 2021 › Section", then the quote as a block quote and its source as a link. */
  private static MessageEmbed.Field field(int number, String topic, Quote quote) {
    String source = source(quote.title(), quote.url());
    String value = DiscordText.fit(quote.text(), Math.min(QUOTE_MAX, MessageEmbed.VALUE_MAX_LENGTH - source.length() - 1),
        AnswerRenderer::blockQuote) + "\n" + source;
    return new MessageEmbed.Field(heading(number, topic + quote.edition().label(), quote.section()), value, false);
  }

  private static String heading(int number, String edition, String section) {
    return DiscordText.fit(number + " · " + edition + (section.isEmpty() ? "" : " › " + section),
        MessageEmbed.TITLE_MAX_LENGTH);
  }

  /** "— title", linked to {@code url} when it is a usable web link. */
  private static String source(String title, String url) {
    return "— " + (hasLink(url)
        ? DiscordText.link(DiscordText.fit(title, LINK_TITLE_MAX), url)
        : DiscordText.fit(title, LINK_TITLE_MAX));
  }

  private static String blockQuote(String text) {
    return text.lines().map(line -> "> " + line).collect(Collectors.joining("\n"));
  }

  private static boolean hasLink(String url) {
    return url != null && url.matches("(?i)https?://.+") && DiscordText.url(url).length() <= Button.URL_MAX_LENGTH;
  }

  /** The first source with a link on the page shown. */
  private static Optional<Source> topSource(List<Source> sources, int shown, List<List<MessageEmbed.Field>> pages) {
    int first = pages.subList(0, shown).stream().mapToInt(List::size).sum();
    return sources.subList(first, first + pages.get(shown).size()).stream().filter(s -> hasLink(s.url())).findFirst();
  }

  /** Ids of ◀ and ▶, or none if the query is too long to fit in them. */
  private List<String> buttonIds(Query query, int shown, int pages) {
    Optional<String> previous = pageIds.encode(query, Math.max(0, shown - 1));
    Optional<String> next = pageIds.encode(query, Math.min(pages - 1, shown + 1));
    return previous.isPresent() && next.isPresent() ? List.of(previous.get(), next.get()) : List.of();
  }

  private static String join(String first, String second) {
    if (first == null || second == null) {
      return first == null ? second : first;
    }
    return first + "\n" + second;
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }
}
