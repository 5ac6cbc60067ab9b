package dev.kubeconbot.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real JDA against the fake: every kind of traffic kubecon-bot needs, asserted on recorded payloads. */
class FakeDiscordTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int CALLBACK_MESSAGE = 4;
    private static final int CALLBACK_DEFERRED_MESSAGE = 5;
    private static final int CALLBACK_UPDATE_MESSAGE = 7;
    private static final int CALLBACK_AUTOCOMPLETE = 8;
    private static final int EPHEMERAL = 64;

    private static final FakeGuild GUILD = FakeGuild.named("KubeCon EU");
    private static FakeDiscord discord;
    private static JDA jda;

    @BeforeAll
    static void connect() {
        discord = FakeDiscord.start(GUILD);
        jda = FakeDiscord.awaitConnected(
                discord.configure(JDABuilder.createLight(
                                FakeDiscord.TOKEN,
                                GatewayIntent.GUILD_MESSAGES,
                                GatewayIntent.DIRECT_MESSAGES,
                                GatewayIntent.MESSAGE_CONTENT))
                        .addEventListeners(new ExampleBot())
                        .build(),
                TIMEOUT);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        if (jda != null) {
            jda.shutdown();
            jda.awaitShutdown(TIMEOUT);
        }
        discord.close();
    }

    @Test
    void logsInAndReceivesReadyWithGuilds() {
        assertThat(jda.getSelfUser().getId()).isEqualTo(discord.botUser().id());
        assertThat(jda.getSelfUser().getApplicationId()).isEqualTo(discord.applicationId());
        assertThat(jda.getGuildById(GUILD.id())).satisfies(guild -> {
            assertThat(guild.getName()).isEqualTo("KubeCon EU");
            assertThat(guild.getTextChannelById(GUILD.channelId()).getName()).isEqualTo("general");
        });
        assertThat(discord.awaitRequest("GET", "/users/@me", TIMEOUT).header("Authorization"))
                .isEqualTo("Bot " + FakeDiscord.TOKEN);
        JsonNode identify = discord.identifies().getFirst();
        assertThat(identify.path("token").asText()).isEqualTo(FakeDiscord.TOKEN);
        assertThat(identify.path("intents").asInt() & GatewayIntent.MESSAGE_CONTENT.getRawValue())
                .isNotZero();
    }

    @Test
    void rejectsAnUnknownToken() {
        assertThatThrownBy(() -> discord.configure(JDABuilder.createLight("not-the-token")).build())
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void repliesToSlashCommandInDm() {
        Interaction ping = discord.sendSlashCommand(
                SlashCommand.of("ping", FakeUser.human("alice")).withLocale(DiscordLocale.GERMAN));

        JsonNode callback = discord.awaitCallback(ping, TIMEOUT).json();

        assertThat(callback.path("type").asInt()).isEqualTo(CALLBACK_MESSAGE);
        assertThat(callback.at("/data/content").asText()).isEqualTo("pong from DM");
        assertThat(callback.at("/data/embeds/0/title").asText()).isEqualTo("Pong");
        assertThat(callback.at("/data/embeds/0/description").asText()).isEqualTo("locale de");
    }

    @Test
    void repliesToSubcommandInCachedGuild() {
        Interaction schedule = discord.sendSlashCommand(SlashCommand.of("kubecon", FakeUser.human("bob"))
                .withSubcommand("schedule")
                .withOption("day", "Wednesday")
                .inGuild(GUILD));

        JsonNode callback = discord.awaitCallback(schedule, TIMEOUT).json();

        assertThat(callback.at("/data/content").asText()).isEqualTo("Talks on Wednesday in KubeCon EU for bob");
        assertThat(callback.at("/data/flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
    }

    @Test
    void repliesToSlashCommandInGuildTheBotIsNotIn() {
        FakeGuild elsewhere = FakeGuild.named("Elsewhere");

        Interaction ping =
                discord.sendSlashCommand(SlashCommand.of("ping", FakeUser.human("carol")).inGuild(elsewhere));

        assertThat(discord.awaitCallback(ping, TIMEOUT).json().at("/data/content").asText())
                .isEqualTo("pong from guild " + elsewhere.id());
    }

    @Test
    void answersAutocompleteWithChoices() {
        Interaction typing = discord.sendAutocomplete(SlashCommand.of("talk", FakeUser.human("dave")), "title", "K");

        JsonNode callback = discord.awaitCallback(typing, TIMEOUT).json();

        assertThat(callback.path("type").asInt()).isEqualTo(CALLBACK_AUTOCOMPLETE);
        assertThat(texts(callback.at("/data/choices"), "name"))
                .containsExactly("Keynote: Cloud Native Futures", "Kubernetes 101", "Karpenter Deep Dive");
    }

    @Test
    void updatesMessageOnButtonClick() {
        FakeUser erin = FakeUser.human("erin");
        RecordedRequest reply = discord.awaitCallback(discord.sendSlashCommand(SlashCommand.of("rsvp", erin)), TIMEOUT);
        assertThat(reply.json().at("/data/components/0/components/0/custom_id").asText()).isEqualTo("rsvp:yes");

        Interaction click = discord.sendButtonClick(reply.responseMessageId(), "rsvp:yes", erin);

        JsonNode callback = discord.awaitCallback(click, TIMEOUT).json();
        assertThat(callback.path("type").asInt()).isEqualTo(CALLBACK_UPDATE_MESSAGE);
        assertThat(callback.at("/data/content").asText())
                .isEqualTo("RSVP confirmed for erin (was: Join the KubeCon party?)");
        assertThat(callback.at("/data/components")).isEmpty();
    }

    @Test
    void editsDeferredReplyAndFollowsUp() {
        Interaction slow = discord.sendSlashCommand(SlashCommand.of("slow", FakeUser.human("frank")));

        assertThat(discord.awaitCallback(slow, TIMEOUT).json().path("type").asInt())
                .isEqualTo(CALLBACK_DEFERRED_MESSAGE);
        assertThat(discord.awaitOriginalEdit(slow, TIMEOUT).json().path("content").asText())
                .isEqualTo("Schedule refreshed");
        assertThat(discord.awaitFollowUp(slow, TIMEOUT).json().path("content").asText())
                .isEqualTo("Two new talks were added");
    }

    @Test
    void parsesFileUpload() {
        Interaction agenda = discord.sendSlashCommand(SlashCommand.of("agenda", FakeUser.human("grace")));

        RecordedRequest callback = discord.awaitCallback(agenda, TIMEOUT);

        assertThat(callback.header("Content-Type")).startsWith("multipart/form-data");
        assertThat(callback.json().at("/data/content").asText()).isEqualTo("Agenda attached");
        assertThat(callback.json().at("/data/attachments/0/filename").asText()).isEqualTo("agenda.txt");
        assertThat(callback.files()).singleElement().satisfies(file -> {
            assertThat(file.name()).isEqualTo("files[0]");
            assertThat(file.filename()).isEqualTo("agenda.txt");
            assertThat(file.text()).isEqualTo(ExampleBot.AGENDA);
        });
        assertThat(callback.response().at("/resource/message/attachments/0/size").asInt())
                .isEqualTo(ExampleBot.AGENDA.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void answersDirectMessagesFromHumansOnly() {
        FakeUser otherBot = FakeUser.bot("other-bot");
        FakeUser heidi = FakeUser.human("heidi");

        discord.sendDirectMessage(otherBot, "beep");
        discord.sendDirectMessage(heidi, "hello");

        assertThat(discord.awaitMessage(discord.dmChannelId(heidi), TIMEOUT).json().path("content").asText())
                .isEqualTo("You said: hello");
        String otherBotChannel = "/channels/" + discord.dmChannelId(otherBot) + "/messages";
        assertThat(discord.requests()).noneMatch(request -> request.path().equals(otherBotChannel));
    }

    @Test
    void answersGuildMessageMentioningTheBot() {
        FakeUser ivan = FakeUser.human("ivan");

        discord.sendGuildMessage(GUILD, ivan, discord.botUser().mention() + " when is the keynote?");

        assertThat(discord.awaitMessage(GUILD.channelId(), TIMEOUT).json().path("content").asText())
                .isEqualTo("Hi ivan, try /kubecon schedule");
    }

    @Test
    void opensDmThenSendsEditsAndDeletesMessage() {
        FakeUser judy = FakeUser.human("judy");

        Message sent = jda.openPrivateChannelById(judy.id())
                .flatMap(channel -> channel.sendMessage("Your talk starts in 10 minutes"))
                .complete();
        Message edited = sent.editMessage("Your talk starts in 5 minutes").complete();
        Message retrieved = sent.getChannel().retrieveMessageById(sent.getId()).complete();
        sent.delete().complete();

        assertThat(sent.getAuthor().getId()).isEqualTo(discord.botUser().id());
        assertThat(discord.awaitMessage(discord.dmChannelId(judy), TIMEOUT).json().path("content").asText())
                .isEqualTo("Your talk starts in 10 minutes");
        assertThat(edited.getContentRaw()).isEqualTo("Your talk starts in 5 minutes");
        assertThat(edited.getTimeEdited()).isNotNull();
        assertThat(retrieved.getContentRaw()).isEqualTo("Your talk starts in 5 minutes");
        String messagePath = "/channels/" + discord.dmChannelId(judy) + "/messages/" + sent.getId();
        assertThat(discord.awaitRequest("DELETE", messagePath, TIMEOUT).status()).isEqualTo(204);
        assertThatThrownBy(() -> sent.getChannel().retrieveMessageById(sent.getId()).complete())
                .isInstanceOf(ErrorResponseException.class)
                .hasMessageContaining("Unknown Message");
    }

    @Test
    void capturesCommandRegistration() {
        List<Command> global = jda.updateCommands()
                .addCommands(
                        Commands.slash("ping", "Check the bot"),
                        Commands.slash("kubecon", "KubeCon schedule")
                                .addSubcommands(new SubcommandData("schedule", "Talks of a day")
                                        .addOption(OptionType.STRING, "day", "Conference day", true)))
                .complete();
        List<Command> guildOnly = jda.getGuildById(GUILD.id())
                .updateCommands()
                .addCommands(Commands.slash("announce", "Post an announcement"))
                .complete();

        assertThat(global).extracting(Command::getName).containsExactly("ping", "kubecon");
        assertThat(global.get(1).getSubcommands().getFirst().getOptions().getFirst().getName()).isEqualTo("day");
        assertThat(guildOnly).extracting(Command::getName).containsExactly("announce");
        JsonNode registered = discord.awaitRequest(
                        "PUT", "/applications/" + discord.applicationId() + "/commands", TIMEOUT)
                .json();
        assertThat(texts(registered, "name")).containsExactly("ping", "kubecon");
        assertThat(registered.at("/1/options/0/options/0/required").asBoolean()).isTrue();
        JsonNode registeredInGuild = discord.awaitRequest(
                        "PUT",
                        "/applications/" + discord.applicationId() + "/guilds/" + GUILD.id() + "/commands",
                        TIMEOUT)
                .json();
        assertThat(texts(registeredInGuild, "name")).containsExactly("announce");
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.path(field).asText())
                .toList();
    }
}
