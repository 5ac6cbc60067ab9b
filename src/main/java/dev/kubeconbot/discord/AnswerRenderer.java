package dev.kubeconbot.discord;

import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.chart.TrendChart;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.answer.Messages;
import dev.kubeconbot.answer.Quote;
import dev.kubeconbot.service.Reply;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
 * one field per quote with its edition, section and a link to its source, the hint and page number
 * in the footer, a trend's chart as its image), ◀ ▶ page buttons and a link button to the page's
 * top source. Pages are cut from
 * the answer the same way every time, so a page button still shows the same page after a restart.
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

  private final PageIds pageIds;

  AnswerRenderer(PageIds pageIds) {
    this.pageIds = pageIds;
  }

  /** The response to a service reply: a page of the answer, or the rate-limit notice. */
  Response response(Reply reply, Query query, int page) {
    return switch (reply) {
      case Reply.Answered answered -> new Response.Page(render(answered.answer(), query, page));
      case Reply.RateLimited limited -> new Response.Notice(limited.message());
    };
  }

  /** Page {@code page} (0-based, clamped to the pages there are) of {@code answer} to {@code query}. */
  MessageCreateData render(Answer answer, Query query, int page) {
    Lang lang = query.lang();
    String title = DiscordText.fit(answer.title(), MessageEmbed.TITLE_MAX_LENGTH);
    String description = answer.message() == null ? null : DiscordText.fit(answer.message(), MESSAGE_MAX);
    String hint = answer.hint() == null ? null : DiscordText.plain(answer.hint(), HINT_MAX);
    int fixed = title.length() + length(description) + length(hint) + 1 + PAGE_LABEL_MAX;
    List<List<MessageEmbed.Field>> pages = pages(answer.quotes(), MessageEmbed.EMBED_MAX_LENGTH_BOT - fixed);
    int shown = Math.clamp(page, 0, pages.size() - 1);

    List<String> ids = pages.size() < 2 ? List.of() : buttonIds(query, shown, pages.size());
    String pageKey = ids.isEmpty() && pages.size() > 1 ? "discord.pageOnly" : "discord.page";
    String pageLabel = pages.size() < 2 ? null
        : DiscordText.plain(Messages.get(lang, pageKey, shown + 1, pages.size()), PAGE_LABEL_MAX);

    EmbedBuilder embed = new EmbedBuilder().setColor(COLOR).setTitle(title).setDescription(description);
    pages.get(shown).forEach(embed::addField);
    String footer = join(hint, pageLabel);
    if (footer != null) {
      embed.setFooter(footer);
    }

    List<Button> buttons = new ArrayList<>();
    if (!ids.isEmpty()) {
      buttons.add(Button.secondary(ids.get(0), PREVIOUS).withDisabled(shown == 0));
      buttons.add(Button.secondary(ids.get(1), NEXT).withDisabled(shown == pages.size() - 1));
    }
    topSource(answer.quotes(), shown, pages).ifPresent(quote -> buttons.add(Button.link(DiscordText.url(quote.url()),
        DiscordText.plain(Messages.get(lang, "discord.source") + ": " + quote.title(), Button.LABEL_MAX_LENGTH))));

    MessageCreateBuilder message = new MessageCreateBuilder();
    if (answer.trend() != null && !answer.trend().points().isEmpty()) {
      message.setFiles(FileUpload.fromData(TrendChart.png(answer.trend(), lang), CHART));
      embed.setImage("attachment://" + CHART);
    }
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

  /** Quotes as fields, in pages of at most {@link #QUOTES_PER_PAGE} within {@code budget} characters. */
  private static List<List<MessageEmbed.Field>> pages(List<Quote> quotes, int budget) {
    List<List<MessageEmbed.Field>> pages = new ArrayList<>();
    List<MessageEmbed.Field> page = new ArrayList<>();
    int used = 0;
    for (int i = 0; i < quotes.size(); i++) {
      MessageEmbed.Field field = field(i + 1, quotes.get(i));
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
  private static MessageEmbed.Field field(int number, Quote quote) {
    String heading = number + " · " + quote.edition().label() + (quote.section().isEmpty() ? "" : " › " + quote.section());
    String source = "— " + (hasLink(quote)
        ? DiscordText.link(DiscordText.fit(quote.title(), LINK_TITLE_MAX), quote.url())
        : DiscordText.fit(quote.title(), LINK_TITLE_MAX));
    // A /sources entry quotes the title itself: the link says it all.
    String value = quote.text().equals(quote.title()) ? source
        : DiscordText.fit(quote.text(), Math.min(QUOTE_MAX, MessageEmbed.VALUE_MAX_LENGTH - source.length() - 1),
            AnswerRenderer::blockQuote) + "\n" + source;
    return new MessageEmbed.Field(DiscordText.fit(heading, MessageEmbed.TITLE_MAX_LENGTH), value, false);
  }

  private static String blockQuote(String text) {
    return text.lines().map(line -> "> " + line).collect(Collectors.joining("\n"));
  }

  private static boolean hasLink(Quote quote) {
    return quote.url() != null && quote.url().matches("(?i)https?://.+")
        && DiscordText.url(quote.url()).length() <= Button.URL_MAX_LENGTH;
  }

  /** The first quote with a source link on the page shown. */
  private static Optional<Quote> topSource(List<Quote> quotes, int shown, List<List<MessageEmbed.Field>> pages) {
    int first = pages.subList(0, shown).stream().mapToInt(List::size).sum();
    return quotes.subList(first, first + pages.get(shown).size()).stream().filter(AnswerRenderer::hasLink).findFirst();
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
