package dev.kubeconbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.answer.Quote;
import dev.kubeconbot.answer.Trend;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.search.Glossary;
import dev.kubeconbot.testing.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** Every page of many answers, rendered to the JSON JDA sends, within every Discord limit. */
class AnswerRendererTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SUPPRESS_EMBEDS = 1 << 2;
  private static final Pattern NUMBER = Pattern.compile("^(\\d+) · ");
  private final AnswerEngine engine = Seeds.engine();
  private final PageIds pageIds = new PageIds(engine.commands());
  private final AnswerRenderer renderer = new AnswerRenderer(pageIds);

  @Test
  void everyPageOfEveryAnswerStaysWithinDiscordsLimits() {
    List<Case> cases = new ArrayList<>();
    List<Glossary.Topic> topics = engine.library().glossary().topics();
    for (int i = 0; i < topics.size(); i++) {
      Glossary.Topic topic = topics.get(i);
      // The language changes the texts around the quotes, not the quotes: one per topic is enough.
      Lang lang = Lang.values()[i % Lang.values().length];
      cases.add(slash("topic", Map.of("name", topic.name()), lang));
      if (i % 10 == 0) { // a /trend also draws its chart (tens of ms): a sample of topics is enough
        cases.add(slash("trend", Map.of("topic", topic.name()), lang));
      }
      cases.add(text("what about " + topic.name() + " and " + topic.label() + "?", lang));
    }
    for (int year = 2014; year <= 2031; year++) {
      cases.add(slash("takeaways", Map.of("year", Integer.toString(year)), Lang.ZH_CN));
      cases.add(text("takeaways " + year + " EU", Lang.EN));
    }
    cases.add(slash("sources", Map.of(), Lang.EN));
    cases.add(slash("help", Map.of(), Lang.ZH_TW));
    cases.add(text("", Lang.EN));
    int pages = 0;
    for (Case c : cases) {
      pages += assertEveryPage(c.answer(), c.query());
    }
    assertThat(cases).hasSizeGreaterThan(150);
    assertThat(pages).isGreaterThan(cases.size());
  }

  @Test
  void longChineseQuotesAreCutAtSentenceEndsWithoutSplittingCodePoints() {
    String sentence = "云原生社区在𠀀𠀁中讨论可观测性与服务网格的未来🚀，并分享了大量实践经验。";
    String passage = sentence.repeat(200);
    List<Quote> quotes = IntStream.range(0, 30)
        .mapToObj(i -> new Quote(passage, "第" + i + "节".repeat(300), "标题 [译] *重要* @everyone".repeat(20),
            i % 3 == 0 ? null : "https://example.com/" + "a".repeat(i * 20) + "(x)",
            new Edition("China", 2019), 1.0))
        .toList();
    String question = "@everyone <@123> **为什么** " + "可观测性？".repeat(300);
    Answer answer = new Answer("ask", question, question, List.of("提示 @here ".repeat(800)),
        new Answer.Quotes(quotes, Optional.of("趋势 ".repeat(1000))));
    Query query = new Query.Text("为什么", Lang.ZH_CN);
    assertThat(assertEveryPage(answer, query)).isGreaterThanOrEqualTo(6);

    // Too long a query for a button id: one page, no page buttons, and the footer says why.
    JsonNode unpaged = json(renderer.render(answer, new Query.Text(question, Lang.ZH_CN), 0));
    DiscordLimits.assertWithinLimits(unpaged);
    assertThat(unpaged.at("/components/0/components")).noneMatch(button -> button.has("custom_id"));
    assertThat(unpaged.at("/embeds/0/footer/text").asText()).contains("第 1/", "查询短一些");

    JsonNode field = json(renderer.render(answer, query, 0)).at("/embeds/0/fields/0/value");
    String quoted = field.asText().lines().filter(line -> line.startsWith("> ")).map(line -> line.substring(2))
        .findFirst().orElseThrow();
    assertThat(quoted).endsWith("。…").hasSizeLessThanOrEqualTo(AnswerRenderer.QUOTE_MAX + 100);
    assertThat(passage).startsWith(quoted.substring(0, quoted.length() - 1));
  }

  @Test
  void aChartIsDrawnOncePerAnswerAndAttachedToEveryPage() {
    List<Trend.Point> points = IntStream.range(0, 12)
        .mapToObj(i -> new Edition("EU", 2015 + i))
        .map(e -> new Trend.Point(e, 1, 10, new Quote("Wasm at " + e.label() + ".", "", "T", "https://example.com/" + e.year(), e, 1)))
        .toList();
    Answer answer = Answer.of("trend", "/trend wasm", "wasm", new Answer.TopicTrend(new Trend("wasm", points), "hint"));
    AtomicInteger drawn = new AtomicInteger();
    AnswerRenderer counting = new AnswerRenderer(pageIds, (content, lang) -> {
      drawn.incrementAndGet();
      return Optional.of(new byte[] {1, 2, 3});
    });
    Query query = new Query.Slash("trend", Map.of("topic", "wasm"), Lang.EN);
    for (int page = 0; page < 3; page++) {
      MessageCreateData message = counting.render(answer, query, page);
      assertThat(message.getAttachments()).extracting(FileUpload::getName).containsExactly(AnswerRenderer.CHART);
      assertThat(json(message).at("/embeds/0/image/url").asText()).isEqualTo("attachment://" + AnswerRenderer.CHART);
    }
    // Asked again (an answer recomputed after the cache let it go): still the same chart.
    counting.render(answer.withQuery("/trend WASM"), query, 1);
    assertThat(drawn).hasValue(1);
  }

  @Test
  void userAndArticleTextIsEscapedAndLinksAreMasked() {
    Quote quote = new Quote("Use *kubectl* at <@42> — @everyone!", "", "[译] KubeCon EU 2019：十大要点",
        "https://example.com/a b", new Edition("EU", 2019), 1);
    Answer answer = Answer.of("ask", "q", "**bold** @everyone", new Answer.Quotes(List.of(quote), Optional.empty()));
    JsonNode embed = json(renderer.render(answer, new Query.Text("q", Lang.EN), 0)).at("/embeds/0");
    assertThat(embed.path("title").asText()).isEqualTo("\\*\\*bold\\*\\* \\@everyone");
    assertThat(embed.at("/fields/0/value").asText()).isEqualTo(
        "> Use \\*kubectl\\* at \\<\\@42\\> — \\@everyone!\n— [\\[译\\] KubeCon EU 2019：十大要点](https://example.com/a%20b)");
    assertThat(embed.at("/fields/0/name").asText()).isEqualTo("1 · KubeCon EU 2019");
  }

  @Test
  void aQuoteWithoutSourceShowsItsTitleWithoutALink() {
    Quote quote = new Quote("text", "Intro", "Title", null, new Edition("NA", 2020), 1);
    MessageCreateData message = renderer.render(
        Answer.of("topic", "q", "t", new Answer.Quotes(List.of(quote), Optional.empty())), new Query.Text("q", Lang.EN), 0);
    JsonNode json = json(message);
    assertThat(json.at("/embeds/0/fields/0/value").asText()).isEqualTo("> text\n— Title");
    assertThat(json.at("/embeds/0/fields/0/name").asText()).isEqualTo("1 · KubeCon NA 2020 › Intro");
    assertThat(json.path("components")).isEmpty();
  }

  @Test
  void aNoticeWithALinkShowsNoPreviewAndPingsNoOne() {
    JsonNode plain = json(AnswerRenderer.notice("@everyone slow down"));
    assertThat(plain.path("content").asText()).isEqualTo("\\@everyone slow down");
    assertThat(plain.path("flags").asInt() & SUPPRESS_EMBEDS).isZero();
    DiscordLimits.assertWithinLimits(plain);
    JsonNode linked = json(AnswerRenderer.notice("see https://example.com/status"));
    assertThat(linked.path("flags").asInt() & SUPPRESS_EMBEDS).isEqualTo(SUPPRESS_EMBEDS);
  }

  /** Renders every page; checks limits, that pages hold every quote once in order, and that buttons lead on. */
  private int assertEveryPage(Answer answer, Query query) {
    List<Integer> numbers = new ArrayList<>();
    int page = 0;
    while (true) {
      JsonNode message = json(renderer.render(answer, query, page));
      DiscordLimits.assertWithinLimits(message);
      assertThat(message.path("content").asText("")).doesNotContain("http");
      for (JsonNode field : message.at("/embeds/0/fields")) {
        Matcher number = NUMBER.matcher(field.path("name").asText());
        assertThat(number.find()).isTrue();
        numbers.add(Integer.parseInt(number.group(1)));
      }
      JsonNode next = message.at("/components/0/components/1");
      if (next.isMissingNode() || !next.has("custom_id") || next.path("disabled").asBoolean()) {
        break;
      }
      PageIds.Page decoded = pageIds.decode(next.path("custom_id").asText()).orElseThrow();
      assertThat(decoded.query()).isEqualTo(query);
      assertThat(decoded.page()).isEqualTo(page + 1);
      page++;
    }
    boolean paged = !json(renderer.render(answer, query, 0)).at("/components/0/components/1/custom_id").isMissingNode();
    if (paged) {
      assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, answer.quotes().size()).boxed().toList());
    }
    return page + 1;
  }

  private Case slash(String command, Map<String, String> options, Lang lang) {
    Query query = new Query.Slash(command, options, lang);
    return new Case(engine.answer(command, options, "/" + command, lang), query);
  }

  private Case text(String text, Lang lang) {
    return new Case(engine.answer(text, lang), new Query.Text(text, lang));
  }

  private record Case(Answer answer, Query query) {}

  static JsonNode json(MessageCreateData message) {
    try {
      return JSON.readTree(message.toData().toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
