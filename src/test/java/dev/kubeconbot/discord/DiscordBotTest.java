package dev.kubeconbot.discord;

import static dev.kubeconbot.discord.ConnectedBot.CALLBACK_AUTOCOMPLETE;
import static dev.kubeconbot.discord.ConnectedBot.CALLBACK_DEFERRED_MESSAGE;
import static dev.kubeconbot.discord.ConnectedBot.CALLBACK_UPDATE_MESSAGE;
import static dev.kubeconbot.discord.ConnectedBot.EPHEMERAL;
import static dev.kubeconbot.discord.ConnectedBot.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeconbot.discord.fake.FakeDiscord;
import dev.kubeconbot.discord.fake.FakeGuild;
import dev.kubeconbot.discord.fake.FakeUser;
import dev.kubeconbot.discord.fake.Interaction;
import dev.kubeconbot.discord.fake.RecordedRequest;
import dev.kubeconbot.discord.fake.SlashCommand;
import java.util.List;
import java.util.stream.StreamSupport;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bot end to end: the real JDA against a fake Discord, answers from the seed content. */
class DiscordBotTest {

  private static final String AMBASSADOR_2019 = "https://blog.getambassador.io/kubecon-eu-2019-top-10-takeaways-123b5fcb30a8";
  private static final String HONEYMOON_2022 = "https://thenewstack.io/kubernetes-after-the-honeymoon-ends/";
  private static final FakeGuild GUILD = FakeGuild.named("KubeCon EU");
  private static ConnectedBot bot;
  private static FakeDiscord discord;

  @BeforeAll
  static void connect() {
    bot = ConnectedBot.start(GUILD);
    discord = bot.discord;
  }

  @AfterAll
  static void disconnect() {
    bot.close();
  }

  @Test
  void connectsWithoutPrivilegedIntentsAndRegistersEveryCommandGlobally() {
    int intents = discord.identifies().getFirst().path("intents").asInt();
    assertThat(GatewayIntent.getIntents(intents))
        .containsExactlyInAnyOrder(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES);

    JsonNode commands = discord.awaitRequest("PUT", "/applications/" + discord.applicationId() + "/commands", TIMEOUT)
        .json();
    assertThat(names(commands)).containsExactly("takeaways", "topic", "ask", "trend", "trends", "sources", "help");
    JsonNode takeaways = commands.get(0);
    assertThat(takeaways.at("/name_localizations/zh-CN").asText()).isEqualTo("要点");
    assertThat(takeaways.at("/name_localizations/zh-TW").asText()).isEqualTo("要點");
    assertThat(takeaways.at("/description_localizations/en-US").asText()).startsWith("Key takeaways");
    assertThat(ints(takeaways.path("contexts"))).containsExactly(0, 1, 2);
    assertThat(ints(takeaways.path("integration_types"))).containsExactly(0, 1);
    JsonNode year = takeaways.at("/options/0");
    assertThat(year.path("name").asText()).isEqualTo("year");
    assertThat(year.path("type").asInt()).isEqualTo(4);
    assertThat(year.path("autocomplete").asBoolean()).isTrue();
    assertThat(year.path("min_value").asInt()).isEqualTo(2015);
    assertThat(year.path("max_value").asInt()).isEqualTo(2030);
    assertThat(year.at("/name_localizations/zh-CN").asText()).isEqualTo("年份");
    for (JsonNode command : commands) {
      JsonNode last = command.path("options").get(command.path("options").size() - 1);
      assertThat(last.path("name").asText()).isEqualTo("private");
      assertThat(last.path("type").asInt()).isEqualTo(5);
    }
  }

  @Test
  void takeawaysInADmQuoteTheArticleWithItsSourceLink() {
    Interaction takeaways = discord.sendSlashCommand(SlashCommand.of("takeaways", FakeUser.human("alice"))
        .withOption("year", 2019));
    JsonNode message = bot.awaitAnswer(takeaways);
    assertThat(message.path("flags").asInt() & EPHEMERAL).isZero();
    JsonNode embed = message.at("/embeds/0");
    assertThat(embed.path("title").asText()).isEqualTo("KubeCon 2019 — key takeaways");
    JsonNode first = embed.at("/fields/0");
    assertThat(first.path("name").asText()).isEqualTo("1 · KubeCon EU 2019");
    assertThat(first.path("value").asText())
        .contains("> 3\\. 服务网格接口（SMI）公布：敬请期待")
        .endsWith("— [\\[译\\] KubeCon EU 2019：十大要点](" + AMBASSADOR_2019 + ")");
    assertThat(linkButton(message).path("url").asText()).isEqualTo(AMBASSADOR_2019);
  }

  @Test
  void topicInAGuildAnswersWithQuotesAboutIt() {
    Interaction topic = discord.sendSlashCommand(SlashCommand.of("topic", FakeUser.human("bob"))
        .withOption("name", "wasm").inGuild(GUILD));
    JsonNode embed = bot.awaitAnswer(topic).at("/embeds/0");
    assertThat(embed.path("title").asText()).isEqualTo("“wasm” across KubeCon editions");
    assertThat(embed.at("/fields/0/name").asText()).startsWith("1 · KubeCon EU 2022");
    assertThat(embed.at("/fields/0/value").asText()).contains("WebAssembly，或 WASM").contains("(" + HONEYMOON_2022 + ")");
    assertThat(embed.at("/footer/text").asText()).contains("EU 2021 (2)", "/trend wasm");
  }

  @Test
  void askWorksInADmAndInAGuildTheBotIsNotInAsAUserInstalledApp() {
    SlashCommand ask = SlashCommand.of("ask", FakeUser.human("carol"))
        .withOption("question", "How many nodes can a Kubernetes cluster have?");
    for (SlashCommand where : List.of(ask, ask.inGuild(FakeGuild.named("elsewhere")))) {
      JsonNode embed = bot.awaitAnswer(discord.sendSlashCommand(where)).at("/embeds/0");
      assertThat(embed.path("title").asText()).isEqualTo("How many nodes can a Kubernetes cluster have?");
      assertThat(embed.at("/fields/0/value").asText()).contains("15，000 个节点");
    }
  }

  @Test
  void answersInTheUsersDiscordLanguage() {
    SlashCommand takeaways = SlashCommand.of("takeaways", FakeUser.human("dan")).withOption("year", 2019);
    assertThat(bot.awaitAnswer(discord.sendSlashCommand(takeaways.withLocale(DiscordLocale.CHINESE_CHINA)))
        .at("/embeds/0/title").asText()).isEqualTo("KubeCon 2019 关键要点");
    assertThat(bot.awaitAnswer(discord.sendSlashCommand(SlashCommand.of("help", FakeUser.human("dan"))
        .withLocale(DiscordLocale.CHINESE_TAIWAN))).at("/embeds/0/description").asText()).contains("/趨勢");
  }

  @Test
  void thePrivateOptionMakesTheAnswerEphemeral() {
    Interaction sources = discord.sendSlashCommand(SlashCommand.of("sources", FakeUser.human("erin"))
        .withOption("private", true).inGuild(GUILD));
    JsonNode message = bot.awaitAnswer(sources);
    assertThat(message.path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
    assertThat(message.at("/embeds/0/fields")).hasSize(5);
  }

  @Test
  void autocompleteOffersTopicsAndYearsFromMemory() {
    FakeUser frank = FakeUser.human("frank");
    RecordedRequest topics = discord.awaitCallback(
        discord.sendAutocomplete(SlashCommand.of("topic", frank), "name", "wa"), TIMEOUT);
    assertThat(topics.json().path("type").asInt()).isEqualTo(CALLBACK_AUTOCOMPLETE);
    JsonNode choices = topics.json().at("/data/choices");
    assertThat(choices.size()).isBetween(1, 25);
    assertThat(choices.get(0).path("value").asText()).isEqualTo("WebAssembly");
    assertThat(choices).allSatisfy(choice -> assertThat(choice.path("name").asText().length()).isLessThanOrEqualTo(100));

    JsonNode years = discord.awaitCallback(
        discord.sendAutocomplete(SlashCommand.of("takeaways", frank), "year", "20"), TIMEOUT).json().at("/data/choices");
    // The fake sends the focused option as a string option, so JDA sends the values as strings.
    assertThat(years).extracting(choice -> choice.path("value").asText()).containsExactly("2022", "2021", "2020", "2019");
  }

  @Test
  void pageButtonsEditTheMessageToTheNextPage() {
    FakeUser gina = FakeUser.human("gina");
    Interaction topic = discord.sendSlashCommand(SlashCommand.of("topic", gina).withOption("name", "kubernetes"));
    JsonNode first = bot.awaitAnswer(topic);
    assertThat(first.at("/embeds/0/fields")).hasSize(5);
    assertThat(first.at("/embeds/0/footer/text").asText()).endsWith("Page 1 of 2");
    JsonNode next = first.at("/components/0/components/1");
    assertThat(next.path("label").asText()).isEqualTo("▶");
    assertThat(next.path("custom_id").asText()).isEqualTo("1|s|e|1|topic|kubernetes");
    assertThat(first.at("/components/0/components/0/disabled").asBoolean()).isTrue();

    String messageId = discord.awaitCallback(topic, TIMEOUT).responseMessageId();
    RecordedRequest click = discord.awaitCallback(discord.sendButtonClick(messageId, next.path("custom_id").asText(), gina),
        TIMEOUT);
    assertThat(click.json().path("type").asInt()).isEqualTo(CALLBACK_UPDATE_MESSAGE);
    JsonNode second = click.json().path("data");
    DiscordLimits.assertWithinLimits(second);
    assertThat(second.at("/embeds/0/fields/0/name").asText()).startsWith("6 · ");
    assertThat(second.at("/embeds/0/footer/text").asText()).endsWith("Page 2 of 2");
    assertThat(second.at("/components/0/components/1/disabled").asBoolean()).isTrue();
    assertThat(second.at("/components/0/components/0/custom_id").asText()).isEqualTo("1|s|e|0|topic|kubernetes");
  }

  @Test
  void aButtonFromAnotherVersionGetsAnEphemeralNote() {
    FakeUser hal = FakeUser.human("hal");
    String messageId = discord.awaitCallback(discord.sendSlashCommand(SlashCommand.of("help", hal)), TIMEOUT)
        .responseMessageId();
    RecordedRequest click = discord.awaitCallback(discord.sendButtonClick(messageId, "0|old|format", hal), TIMEOUT);
    assertThat(click.json().at("/data/flags").asInt()).isEqualTo(EPHEMERAL);
    assertThat(click.json().at("/data/content").asText()).isEqualTo("This button no longer works; please ask again.");
  }

  @Test
  void trendIsDeferredAtOnceAndAnsweredByEditingTheDeferredReply() {
    Interaction trend = discord.sendSlashCommand(SlashCommand.of("trend", FakeUser.human("ivy")).withOption("topic", "wasm"));
    assertThat(discord.awaitCallback(trend, TIMEOUT).json().path("type").asInt()).isEqualTo(CALLBACK_DEFERRED_MESSAGE);
    JsonNode embed = bot.awaitAnswer(trend).at("/embeds/0");
    assertThat(embed.path("title").asText()).isEqualTo("“wasm” over time");
    assertThat(embed.at("/footer/text").asText()).startsWith("Passages per edition:");
    assertThat(embed.at("/image/url").asText()).isEqualTo("attachment://trend.png");
    // One quote per edition that discusses it.
    assertThat(StreamSupport.stream(embed.path("fields").spliterator(), false)
        .map(field -> field.path("name").asText().replaceFirst("^\\d+ · ", "").replaceFirst(" › .*", "")))
        .containsExactly("KubeCon EU 2021", "KubeCon EU 2022");

    List<RecordedRequest.Part> files = discord.awaitOriginalEdit(trend, TIMEOUT).files();
    assertThat(files).singleElement().satisfies(file -> {
      assertThat(file.filename()).isEqualTo("trend.png");
      assertThat(file.data()).startsWith(0x89, 'P', 'N', 'G');
    });
  }

  @Test
  void trendsIsRegisteredWithEditionAutocompleteAndVsLocalised() {
    JsonNode commands = discord.awaitRequest("PUT", "/applications/" + discord.applicationId() + "/commands", TIMEOUT)
        .json();
    JsonNode trends = StreamSupport.stream(commands.spliterator(), false)
        .filter(c -> c.path("name").asText().equals("trends")).findFirst().orElseThrow();
    assertThat(trends.at("/name_localizations/zh-CN").asText()).isEqualTo("热点");
    assertThat(trends.at("/name_localizations/zh-TW").asText()).isEqualTo("熱點");
    assertThat(trends.path("description").asText().length()).isLessThanOrEqualTo(100);
    JsonNode edition = trends.at("/options/0");
    assertThat(edition.path("name").asText()).isEqualTo("edition");
    assertThat(edition.path("type").asInt()).isEqualTo(3);
    assertThat(edition.path("required").asBoolean()).isFalse();
    assertThat(edition.path("autocomplete").asBoolean()).isTrue();
    assertThat(edition.at("/name_localizations/zh-CN").asText()).isEqualTo("届次");
    JsonNode vs = trends.at("/options/1");
    assertThat(vs.path("name").asText()).isEqualTo("vs");
    assertThat(vs.path("autocomplete").asBoolean()).isTrue();
    assertThat(vs.at("/name_localizations/zh-TW").asText()).isEqualTo("對比");

    JsonNode choices = discord.awaitCallback(
        discord.sendAutocomplete(SlashCommand.of("trends", FakeUser.human("una")), "edition", "eu"), TIMEOUT)
        .json().at("/data/choices");
    assertThat(choices).extracting(choice -> choice.path("value").asText())
        .containsExactly("EU 2022", "EU 2021", "EU 2019");
  }

  @Test
  void trendsIsDeferredAtOnceAndAnsweredWithItsSummaryQuotesAndHeatMap() {
    Interaction trends = discord.sendSlashCommand(
        SlashCommand.of("trends", FakeUser.human("vic")).withOption("edition", "EU 2021"));
    assertThat(discord.awaitCallback(trends, TIMEOUT).json().path("type").asInt()).isEqualTo(CALLBACK_DEFERRED_MESSAGE);
    JsonNode answer = bot.awaitAnswer(trends);
    DiscordLimits.assertWithinLimits(answer);
    JsonNode embed = answer.at("/embeds/0");
    assertThat(embed.path("title").asText()).isEqualTo("KubeCon EU 2021 — trends");
    assertThat(embed.path("description").asText())
        .startsWith("KubeCon EU 2021 (2 articles, 21 passages) against the 2 editions before it").contains("New — ");
    assertThat(embed.at("/fields/0/name").asText()).matches("1 · .+ \\((rising|new)\\) · KubeCon EU 2021.*");
    assertThat(embed.at("/image/url").asText()).isEqualTo("attachment://trend.png");
    assertThat(discord.awaitOriginalEdit(trends, TIMEOUT).files()).singleElement()
        .satisfies(file -> assertThat(file.data()).startsWith(0x89, 'P', 'N', 'G'));

    FakeUser wu = FakeUser.human("wu");
    discord.sendDirectMessage(wu, "热点 2021");
    RecordedRequest dm = discord.awaitMessage(discord.dmChannelId(wu), TIMEOUT);
    DiscordLimits.assertWithinLimits(dm.json());
    assertThat(dm.json().at("/embeds/0/title").asText()).isEqualTo("KubeCon 2021 的热点");
    assertThat(dm.files()).singleElement().satisfies(file -> assertThat(file.filename()).isEqualTo("trend.png"));
  }

  @Test
  void aDirectMessageIsAnsweredWithTheSameEmbeds() {
    FakeUser jo = FakeUser.human("jo");
    discord.sendDirectMessage(jo, "topic wasm");
    JsonNode message = discord.awaitMessage(discord.dmChannelId(jo), TIMEOUT).json();
    DiscordLimits.assertWithinLimits(message);
    assertThat(message.at("/embeds/0/title").asText()).isEqualTo("“wasm” across KubeCon editions");
    assertThat(message.at("/embeds/0/fields/0/value").asText()).contains(HONEYMOON_2022);
    assertThat(message.at("/allowed_mentions/replied_user").asBoolean()).isFalse();

    FakeUser kai = FakeUser.human("kai");
    discord.sendDirectMessage(kai, "要点 2019");
    assertThat(discord.awaitMessage(discord.dmChannelId(kai), TIMEOUT).json().at("/embeds/0/title").asText())
        .isEqualTo("KubeCon 2019 关键要点");

    // /help's example as typed, options labelled as Discord shows a slash command
    FakeUser max = FakeUser.human("max");
    discord.sendDirectMessage(max, "/takeaways year:2019 region:EU");
    JsonNode labelled = discord.awaitMessage(discord.dmChannelId(max), TIMEOUT).json().at("/embeds/0");
    assertThat(labelled.path("title").asText()).isEqualTo("KubeCon EU 2019 — key takeaways");
    assertThat(labelled.path("description").asText()).doesNotContain("not a region");
  }

  @Test
  void emptyOrUnknownWordsGetHelp() {
    FakeUser lee = FakeUser.human("lee");
    discord.sendDirectMessage(lee, "/frobnicate now");
    JsonNode embed = discord.awaitMessage(discord.dmChannelId(lee), TIMEOUT).json().at("/embeds/0");
    assertThat(embed.path("title").asText()).startsWith("kubecon-bot");
    assertThat(embed.path("description").asText()).startsWith("There is no command “/frobnicate”").contains("/takeaways");
  }

  @Test
  void messagesFromBotsAndUnmentionedGuildMessagesAreIgnoredMentionsAnswered() throws InterruptedException {
    FakeUser otherBot = FakeUser.bot("other-bot");
    FakeUser mo = FakeUser.human("mo");
    discord.sendDirectMessage(otherBot, "topic wasm");
    discord.sendDirectMessage(discord.botUser(), "topic wasm");
    discord.sendGuildMessage(GUILD, mo, "topic wasm, nobody mentioned");
    discord.sendGuildMessage(GUILD, mo, discord.botUser().mention() + " takeaways 2019");

    JsonNode reply = discord.awaitMessage(GUILD.channelId(), TIMEOUT).json();
    assertThat(reply.at("/embeds/0/title").asText()).isEqualTo("KubeCon 2019 — key takeaways");
    Thread.sleep(300); // a short window for any wrong answer to show up
    List<String> posted = discord.requests().stream()
        .filter(request -> request.method().equals("POST") && request.path().matches("/channels/\\d+/messages"))
        .map(RecordedRequest::path)
        .toList();
    assertThat(posted).doesNotContain("/channels/" + discord.dmChannelId(otherBot) + "/messages",
        "/channels/" + discord.dmChannelId(discord.botUser()) + "/messages");
    assertThat(posted).filteredOn(path -> path.equals("/channels/" + GUILD.channelId() + "/messages")).hasSize(1);
  }

  @Test
  void everyoneInUserTextNeverPings() {
    Interaction ask = discord.sendSlashCommand(SlashCommand.of("ask", FakeUser.human("nia"))
        .withOption("question", "@everyone what about wasm <@&123>?"));
    JsonNode message = bot.awaitAnswer(ask);
    assertThat(message.path("allowed_mentions").path("parse")).isEmpty();
    assertThat(message.at("/embeds/0/title").asText()).isEqualTo("\\@everyone what about wasm \\<\\@&123\\>?");

    FakeUser olu = FakeUser.human("olu");
    discord.sendDirectMessage(olu, "@everyone @here wasm");
    JsonNode dm = discord.awaitMessage(discord.dmChannelId(olu), TIMEOUT).json();
    assertThat(dm.path("allowed_mentions").path("parse")).isEmpty();
    assertThat(dm.at("/embeds/0/title").asText()).contains("\\@everyone");
  }

  private static List<String> names(JsonNode commands) {
    return StreamSupport.stream(commands.spliterator(), false).map(c -> c.path("name").asText()).toList();
  }

  private static List<Integer> ints(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asInt).toList();
  }

  private static JsonNode linkButton(JsonNode message) {
    return StreamSupport.stream(message.at("/components/0/components").spliterator(), false)
        .filter(button -> button.has("url")).findFirst().orElseThrow();
  }
}
