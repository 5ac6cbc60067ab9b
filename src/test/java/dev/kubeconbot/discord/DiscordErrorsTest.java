package dev.kubeconbot.discord;

import static dev.kubeconbot.discord.ConnectedBot.CALLBACK_DEFERRED_MESSAGE;
import static dev.kubeconbot.discord.ConnectedBot.EPHEMERAL;
import static dev.kubeconbot.discord.ConnectedBot.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.Choice;
import dev.kubeconbot.answer.Command;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.answer.CommandSpec;
import dev.kubeconbot.answer.Invocation;
import dev.kubeconbot.discord.fake.FakeDiscord;
import dev.kubeconbot.discord.fake.FakeUser;
import dev.kubeconbot.discord.fake.Interaction;
import dev.kubeconbot.discord.fake.RecordedRequest;
import dev.kubeconbot.discord.fake.SlashCommand;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.testing.CapturedLog;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failures and rate limits: short ephemeral notes for the user, an error id in the log, and the bot goes on. */
class DiscordErrorsTest {

  private static final Pattern ERROR_ID = Pattern.compile("error ([0-9a-f]{8})");
  private static final int ANSWERS_PER_MINUTE = 3;
  private static ConnectedBot bot;
  private static FakeDiscord discord;
  private static CapturedLog log;

  /** /topic as registered, but whatever it is asked it throws. */
  private record Broken(Command command) implements Command {
    @Override
    public CommandSpec spec() {
      return command.spec();
    }

    @Override
    public Answer answer(Invocation invocation) {
      throw new IllegalStateException("the index is on fire");
    }

    @Override
    public List<Choice> complete(String option, String prefix, Library library) {
      throw new IllegalStateException("the glossary is on fire");
    }
  }

  @BeforeAll
  static void connect() {
    log = CapturedLog.of(ErrorReporter.class);
    List<Command> commands = CommandRegistry.standard().commands().stream()
        .map(command -> command.spec().name().equals("topic") ? new Broken(command) : command)
        .toList();
    bot = ConnectedBot.start(new CommandRegistry(commands), ANSWERS_PER_MINUTE, null, 1);
    discord = bot.discord;
  }

  @AfterAll
  static void disconnect() {
    bot.close();
    log.close();
  }

  @Test
  void anExceptionBecomesAnEphemeralApologyWithALoggedErrorIdAndTheBotGoesOn() {
    FakeUser alice = FakeUser.human("alice");
    RecordedRequest callback = discord.awaitCallback(
        discord.sendSlashCommand(SlashCommand.of("topic", alice).withOption("name", "wasm")), TIMEOUT);
    JsonNode data = callback.json().path("data");
    DiscordLimits.assertWithinLimits(data);
    assertThat(data.path("flags").asInt()).isEqualTo(EPHEMERAL);
    Matcher id = ERROR_ID.matcher(data.path("content").asText());
    assertThat(id.find()).as(data.path("content").asText()).isTrue();

    assertLogged("error id=" + id.group(1) + " command=topic", "the index is on fire");
    assertThat(bot.registry.counter("kubecon.bot.requests", "command", "topic", "outcome", "error").count()).isGreaterThanOrEqualTo(1);

    JsonNode help = bot.awaitAnswer(discord.sendSlashCommand(SlashCommand.of("help", alice)));
    assertThat(help.at("/embeds/0/title").asText()).startsWith("kubecon-bot");
  }

  @Test
  void aDirectMessageThatFailsGetsAnApologyToo() {
    FakeUser bob = FakeUser.human("bob");
    discord.sendDirectMessage(bob, "topic wasm");
    JsonNode message = discord.awaitMessage(discord.dmChannelId(bob), TIMEOUT).json();
    assertThat(message.path("content").asText()).startsWith("Sorry, something went wrong").containsPattern(ERROR_ID);
    assertThat(message.path("allowed_mentions").path("parse")).isEmpty();
    Matcher id = ERROR_ID.matcher(message.path("content").asText());
    assertThat(id.find()).isTrue();
    assertLogged("error id=" + id.group(1) + " command=message", "the index is on fire");
  }

  @Test
  void autocompleteThatFailsOffersNothing() {
    RecordedRequest choices = discord.awaitCallback(
        discord.sendAutocomplete(SlashCommand.of("topic", FakeUser.human("carol")), "name", "wa"), TIMEOUT);
    assertThat(choices.json().at("/data/choices")).isEmpty();
    assertThat(log.events()).anySatisfy(event ->
        assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the glossary is on fire"));
  }

  /** The ERROR line the user's error id points to, with the stack trace of what failed. */
  private static void assertLogged(String message, String failure) {
    assertThat(log.events()).anySatisfy(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.ERROR);
      assertThat(event.getFormattedMessage()).isEqualTo(message);
      assertThat(event.getThrowableProxy().getMessage()).isEqualTo(failure);
    });
  }

  @Test
  void rateLimitedRepliesAreEphemeralEvenAfterAPublicDeferral() {
    FakeUser quick = FakeUser.human("quick");
    for (int i = 0; i < ANSWERS_PER_MINUTE; i++) {
      bot.awaitAnswer(discord.sendSlashCommand(SlashCommand.of("help", quick)));
    }
    RecordedRequest limited = discord.awaitCallback(discord.sendSlashCommand(SlashCommand.of("sources", quick)), TIMEOUT);
    assertThat(limited.json().at("/data/flags").asInt()).isEqualTo(EPHEMERAL);
    assertThat(limited.json().at("/data/content").asText()).startsWith("You are asking quickly");

    // /trend is deferred publicly before its answer is known: the note follows as an ephemeral follow-up.
    Interaction trend = discord.sendSlashCommand(SlashCommand.of("trend", quick).withOption("topic", "wasm"));
    assertThat(discord.awaitCallback(trend, TIMEOUT).json().path("type").asInt()).isEqualTo(CALLBACK_DEFERRED_MESSAGE);
    JsonNode followUp = discord.awaitFollowUp(trend, TIMEOUT).json();
    assertThat(followUp.path("flags").asInt()).isEqualTo(EPHEMERAL);
    assertThat(followUp.path("content").asText()).startsWith("You are asking quickly");
    discord.awaitRequest("DELETE", "/webhooks/" + discord.applicationId() + "/" + trend.token() + "/messages/@original",
        TIMEOUT);
  }
}
