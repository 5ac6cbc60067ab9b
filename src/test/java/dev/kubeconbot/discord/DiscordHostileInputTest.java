package dev.kubeconbot.discord;

import static dev.kubeconbot.discord.ConnectedBot.CALLBACK_MESSAGE;
import static dev.kubeconbot.discord.ConnectedBot.CALLBACK_UPDATE_MESSAGE;
import static dev.kubeconbot.discord.ConnectedBot.EPHEMERAL;
import static dev.kubeconbot.discord.ConnectedBot.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeconbot.discord.fake.FakeDiscord;
import dev.kubeconbot.discord.fake.FakeUser;
import dev.kubeconbot.discord.fake.Interaction;
import dev.kubeconbot.discord.fake.RecordedRequest;
import dev.kubeconbot.discord.fake.SlashCommand;
import dev.kubeconbot.testing.CapturedLog;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a forged or outdated client can send (options of the wrong type, commands this bot never
 * registered, garbled button ids) gets a short answer; nothing is thrown and nothing logs an ERROR.
 */
class DiscordHostileInputTest {

  private static final int OPTION_STRING = 3;
  private static final int OPTION_INTEGER = 4;
  private static final int OPTION_BOOLEAN = 5;
  private static ConnectedBot bot;
  private static FakeDiscord discord;
  /** Where an exception would show: the error reporter's apology, or JDA's "uncaught exception" line. */
  private CapturedLog errors;
  private CapturedLog jda;
  private CapturedLog listener;
  private final FakeUser user = FakeUser.human("mallory");

  @BeforeAll
  static void connect() {
    bot = ConnectedBot.start();
    discord = bot.discord;
  }

  @AfterAll
  static void disconnect() {
    bot.close();
  }

  @BeforeEach
  void capture() {
    errors = CapturedLog.of(ErrorReporter.class);
    jda = CapturedLog.named("net.dv8tion");
    listener = CapturedLog.of(InteractionListener.class);
  }

  @AfterEach
  void nothingWasThrown() {
    errors.close();
    jda.close();
    listener.close();
    assertThat(errors.events()).isEmpty();
    assertThat(jda.events()).noneSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.ERROR));
  }

  @Test
  void wordsForTheBooleanPrivateOptionAreReadLeniently() {
    JsonNode yes = bot.awaitAnswer(discord.sendSlashCommand(SlashCommand.of("help", user).withOption("private", "Yes")));
    assertThat(yes.path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
    assertThat(yes.at("/embeds/0/title").asText()).startsWith("kubecon-bot");

    // Typed as a boolean, but text: what a forged payload sends.
    JsonNode no = bot.awaitAnswer(discord.sendSlashCommand(
        SlashCommand.of("help", user).withTypedOption("private", OPTION_BOOLEAN, "false")));
    assertThat(no.path("flags").asInt() & EPHEMERAL).isZero();
    assertThat(no.at("/embeds/0/title").asText()).startsWith("kubecon-bot");
  }

  @Test
  void anythingElseForPrivateIsAnsweredWithANoteNamingTheOption() {
    for (SlashCommand command : List.of(
        SlashCommand.of("topic", user).withOption("name", "wasm").withOption("private", "maybe"),
        SlashCommand.of("topic", user).withOption("name", "wasm").withTypedOption("private", OPTION_BOOLEAN, 42),
        SlashCommand.of("topic", user).withOption("name", "wasm").withTypedOption("private", OPTION_STRING, ""))) {
      RecordedRequest callback = discord.awaitCallback(discord.sendSlashCommand(command), TIMEOUT);
      assertThat(callback.status()).isEqualTo(200);
      assertThat(callback.json().path("type").asInt()).isEqualTo(CALLBACK_MESSAGE);
      assertThat(callback.json().at("/data/flags").asInt()).isEqualTo(EPHEMERAL);
      assertThat(callback.json().at("/data/content").asText())
          .isEqualTo("The option “private” takes true or false (yes or no); please pick it again.");
    }
  }

  @Test
  void textForAnIntegerOptionGetsTheCommandsOwnGuidance() {
    JsonNode answer = bot.awaitAnswer(discord.sendSlashCommand(
        SlashCommand.of("takeaways", user).withTypedOption("year", OPTION_INTEGER, "twenty-nineteen")));
    assertThat(answer.toString()).contains("twenty-nineteen").contains("2019");
  }

  @Test
  void anUnregisteredCommandGetsHelpAndOneWarningWithoutAStackTrace() {
    JsonNode help = bot.awaitAnswer(discord.sendSlashCommand(SlashCommand.of("frobnicate", user)));
    assertThat(help.path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
    assertThat(help.at("/embeds/0/title").asText()).startsWith("kubecon-bot");
    assertThat(help.toString()).contains("There is no command “/frobnicate”");
    assertThat(listener.events()).filteredOn(event -> event.getFormattedMessage().contains("frobnicate"))
        .singleElement()
        .satisfies(event -> {
          assertThat(event.getLevel()).isEqualTo(Level.WARN);
          assertThat(event.getFormattedMessage())
              .isEqualTo("slash command /frobnicate is not one of this bot's; answering with help");
          assertThat(event.getThrowableProxy()).isNull();
        });
  }

  @Test
  void aForgedOrGarbledButtonIdGetsAShortAnswer() {
    String message = discord.awaitCallback(discord.sendSlashCommand(SlashCommand.of("help", user)), TIMEOUT)
        .responseMessageId();
    List<String> forged = List.of(
        "", "garbage", "||||||||", "1|s|e|0|topic|%zz", "1|s|x|0|topic|wasm", "1|s|e|-1|topic|wasm",
        "1|s|e|99999|topic|wasm", "1|s|e|9999|topic|wasm", "1|s|e|0|nosuch|a", "1|s|e|0|topic",
        "1|s|e|0|takeaways|99999999999999999999999|", "1|s|e|0|takeaways|2019|EU|extra", "1|t|e|0|" + "x".repeat(95),
        "1|t|e|0|/takeaways 99999999999999999999", "1|t|s|7|(((\"wasm", "2|s|e|0|topic|wasm", "1|s|e|0|ask|\u0000\u202e\n",
        "１|ｓ|e|0|topic|wasm", "1|s|e|0|trend|" + "日".repeat(90));
    for (String id : forged) {
      Interaction click = discord.sendButtonClick(message, id, user);
      RecordedRequest callback = discord.awaitCallback(click, TIMEOUT);
      assertThat(callback.status()).as(id).isEqualTo(200);
      int type = callback.json().path("type").asInt();
      if (type == CALLBACK_MESSAGE) {
        assertThat(callback.json().at("/data/flags").asInt()).as(id).isEqualTo(EPHEMERAL);
        assertThat(callback.json().at("/data/content").asText()).as(id)
            .isEqualTo("This button no longer works; please ask again.");
      } else {
        // An id that reads as a query is answered as one: the page it asks for, within Discord's limits.
        assertThat(List.of(CALLBACK_UPDATE_MESSAGE, ConnectedBot.CALLBACK_DEFERRED_UPDATE)).as(id).contains(type);
      }
    }
  }
}
