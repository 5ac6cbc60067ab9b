package dev.kubeconbot.discord.fake;

import static dev.kubeconbot.discord.fake.Json.array;
import static dev.kubeconbot.discord.fake.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * A fake Discord (REST API + gateway on 127.0.0.1) for end-to-end tests with the real JDA: point a builder at it
 * with {@link #configure(JDABuilder)}, push user actions ({@code send*}), then assert on the REST requests the bot
 * made ({@code await*}). JDA silently drops events it cannot parse, so always wait for replies with a timeout.
 */
public final class FakeDiscord implements AutoCloseable {
    /** The only token the fake accepts at login; others get 401, which JDA turns into InvalidTokenException. */
    public static final String TOKEN = "fake-discord-bot-token";

    private static final int INTERACTION_COMMAND = 2;
    private static final int INTERACTION_COMPONENT = 3;
    private static final int INTERACTION_AUTOCOMPLETE = 4;
    private static final int COMMAND_SLASH = 1;
    private static final int COMPONENT_BUTTON = 2;
    private static final int OPTION_SUBCOMMAND = 1;
    private static final int OPTION_STRING = 3;
    private static final Set<JDA.Status> GIVEN_UP =
            EnumSet.of(JDA.Status.SHUTTING_DOWN, JDA.Status.SHUTDOWN, JDA.Status.FAILED_TO_LOGIN);
    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d+)>");

    private final FakeUser bot = new FakeUser(Snowflakes.next(), "kubecon-bot", true);
    // Distinct from the bot's user id (unlike most real apps) so that mixing the two up fails tests.
    private final String applicationId = Snowflakes.next();
    private final List<FakeGuild> guilds;
    private final RequestLog requests = new RequestLog();
    private final Channels channels = new Channels();
    private final Interactions interactions = new Interactions();
    private final FakeGateway gateway;
    private final FakeRestServer rest;

    private FakeDiscord(List<FakeGuild> guilds) {
        this.guilds = guilds;
        guilds.forEach(channels::addGuild);
        gateway = new FakeGateway(bot, applicationId, guilds);
        gateway.startAndWait();
        try {
            rest = new FakeRestServer(TOKEN, bot, applicationId, gateway.url(), requests, channels, interactions);
        } catch (RuntimeException e) {
            stopGateway();
            throw e;
        }
    }

    /** Starts a fake Discord on free ports; the bot is a member of {@code guilds} (sent in READY). */
    public static FakeDiscord start(FakeGuild... guilds) {
        return new FakeDiscord(List.of(guilds));
    }

    /** Base URL for {@link RestConfig#setBaseUrl}; JDA needs the {@code /api/v10/} part. */
    public String restBaseUrl() {
        return "http://127.0.0.1:" + rest.port() + FakeRestServer.API_ROOT + "/";
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    public FakeUser botUser() {
        return bot;
    }

    public String applicationId() {
        return applicationId;
    }

    /** The DM channel between {@code user} and the bot, where the bot's DM replies go. */
    public String dmChannelId(FakeUser user) {
        return channels.dmChannelId(user);
    }

    /**
     * Points {@code builder} here: REST base URL, and a fresh session controller whose gateway is this fake (JDA
     * asks the controller, not {@code /gateway}; a shared controller would delay every further login by 5 s). Also
     * disables JDA's shutdown hook. Replaces any RestConfig or SessionController set before.
     */
    public JDABuilder configure(JDABuilder builder) {
        String gatewayUrl = gatewayUrl();
        return builder.setRestConfig(new RestConfig().setBaseUrl(restBaseUrl()))
                .setSessionController(new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return gatewayUrl;
                    }
                })
                .setEnableShutdownHook(false);
    }

    /**
     * Points a shard manager here. It finds the gateway through {@code GET /gateway/bot}, which reports a
     * {@code max_concurrency} high enough for all shards to identify at once.
     */
    public DefaultShardManagerBuilder configure(DefaultShardManagerBuilder builder) {
        return builder.setRestConfig(new RestConfig().setBaseUrl(restBaseUrl())).setEnableShutdownHook(false);
    }

    /** Waits for READY and guild setup; unlike {@link JDA#awaitReady()} it gives up after {@code timeout}. */
    public static JDA awaitConnected(JDA jda, Duration timeout) {
        awaitCondition(() -> isConnected(jda), timeout, () -> "JDA status " + jda.getStatus());
        return jda;
    }

    /** Waits until every shard is created and connected. */
    public static ShardManager awaitConnected(ShardManager shardManager, Duration timeout) {
        awaitCondition(
                () -> shardManager.getShardsQueued() == 0
                        && shardManager.getShards().size() == shardManager.getShardsTotal()
                        && shardManager.getShards().stream().allMatch(FakeDiscord::isConnected),
                timeout,
                () -> "shard statuses " + shardManager.getStatuses());
        return shardManager;
    }

    /** Every REST request so far, oldest first. */
    public List<RecordedRequest> requests() {
        return requests.snapshot();
    }

    /** The first request (past or future) matching {@code filter}; fails with the recorded requests on timeout. */
    public RecordedRequest awaitRequest(Predicate<RecordedRequest> filter, Duration timeout) {
        return requests.await(filter, timeout);
    }

    /** @param pathRegex matched against the whole path below the API root, e.g. {@code /channels/\d+/messages} */
    public RecordedRequest awaitRequest(String method, String pathRegex, Duration timeout) {
        Pattern path = Pattern.compile(pathRegex);
        return awaitRequest(r -> r.method().equals(method) && path.matcher(r.path()).matches(), timeout);
    }

    /** The bot's response to an interaction ({@code reply}, {@code deferReply}, {@code replyChoices}, ...). */
    public RecordedRequest awaitCallback(Interaction interaction, Duration timeout) {
        String path = "/interactions/" + interaction.id() + "/" + interaction.token() + "/callback";
        return awaitRequest(r -> r.method().equals("POST") && r.path().equals(path), timeout);
    }

    /** An edit of the interaction's original response, e.g. {@code getHook().editOriginal(...)} after deferring. */
    public RecordedRequest awaitOriginalEdit(Interaction interaction, Duration timeout) {
        String path = "/webhooks/" + applicationId + "/" + interaction.token() + "/messages/@original";
        return awaitRequest(r -> r.method().equals("PATCH") && r.path().equals(path), timeout);
    }

    /** A follow-up message to an interaction, e.g. {@code getHook().sendMessage(...)}. */
    public RecordedRequest awaitFollowUp(Interaction interaction, Duration timeout) {
        String path = "/webhooks/" + applicationId + "/" + interaction.token();
        return awaitRequest(r -> r.method().equals("POST") && r.path().equals(path), timeout);
    }

    /** A message the bot sent to a channel ({@code POST /channels/{id}/messages}). */
    public RecordedRequest awaitMessage(String channelId, Duration timeout) {
        String path = "/channels/" + channelId + "/messages";
        return awaitRequest(r -> r.method().equals("POST") && r.path().equals(path), timeout);
    }

    /** The IDENTIFY payloads JDA sent (token, intents, shard), oldest first. */
    public List<JsonNode> identifies() {
        return gateway.identifies();
    }

    /**
     * The bot's token is revoked while it runs, as when someone resets it in the developer portal: the gateway
     * closes every session with 4004 (Authentication failed) and refuses any new one; logging in fails with 401.
     */
    public void revokeToken() {
        rest.revokeToken();
        gateway.closeSessions(4004, "Authentication failed.", true);
    }

    /**
     * The gateway closes every session with {@code code}, e.g. {@code 4014} (disallowed intents) or {@code 4000}
     * (unknown error, which JDA resumes after); new sessions are accepted as before.
     */
    public void closeGateway(int code, String reason) {
        gateway.closeSessions(code, reason, false);
    }

    /**
     * The next {@code count} interaction callbacks are refused with Discord's 429 naming {@code retryAfter} (with
     * decimals in the body, in whole seconds rounded up in {@code Retry-After}); a refused callback acknowledges
     * nothing, so the interaction can still be answered by a later one.
     */
    public void rateLimitCallbacks(int count, Duration retryAfter) {
        rest.rateLimitCallbacks(count, retryAfter);
    }

    /** A user runs a slash command (INTERACTION_CREATE, type 2). */
    public Interaction sendSlashCommand(SlashCommand command) {
        return sendInteraction(INTERACTION_COMMAND, command, commandData(command, options(command)));
    }

    /** A user types into option {@code focusedOption} of {@code command} (type 4); the bot answers with choices. */
    public Interaction sendAutocomplete(SlashCommand command, String focusedOption, String typed) {
        ArrayNode options = options(command)
                .add(object("name", focusedOption, "type", OPTION_STRING, "value", typed, "focused", true));
        return sendInteraction(INTERACTION_AUTOCOMPLETE, command, commandData(command, options));
    }

    /**
     * {@code user} clicks button {@code customId} on a message the bot sent (type 3); the interaction carries that
     * message, as Discord's does. Get the id from {@link RecordedRequest#responseMessageId()}.
     */
    public Interaction sendButtonClick(String messageId, String customId, FakeUser user) {
        ObjectNode message = rest.message(messageId)
                .orElseThrow(() -> new IllegalArgumentException("The bot sent no message " + messageId));
        String channelId = message.get("channel_id").asText();
        FakeGuild guild = channels.guild(channelId);
        Interaction interaction = interactions.register(channelId, messageId);
        ObjectNode payload = Payloads.interaction(
                        INTERACTION_COMPONENT,
                        interaction,
                        applicationId,
                        user,
                        guild,
                        DiscordLocale.ENGLISH_US,
                        object("custom_id", customId, "component_type", COMPONENT_BUTTON))
                .set("message", message);
        dispatchInteraction(guild, payload);
        return interaction;
    }

    /**
     * {@code author} sends the bot a DM (MESSAGE_CREATE); returns the message id. Like Discord, the fake delivers it
     * only if the bot requested the DIRECT_MESSAGES intent.
     */
    public String sendDirectMessage(FakeUser author, String content) {
        ObjectNode message = Payloads.message(Snowflakes.next(), channels.dmChannelId(author), author, content);
        gateway.dispatchMessage(null, message, false);
        return message.get("id").asText();
    }

    /**
     * {@code author} posts in the guild's text channel (MESSAGE_CREATE); returns the message id. Mentions of the bot
     * and the author in the content ({@link FakeUser#mention()}) are listed as mentions. As on Discord, the bot needs
     * the GUILD_MESSAGES intent to get it, and MESSAGE_CONTENT to see its content unless it is mentioned.
     */
    public String sendGuildMessage(FakeGuild guild, FakeUser author, String content) {
        if (!guilds.contains(guild)) {
            throw new IllegalArgumentException("JDA ignores messages from guilds it is not in; start with " + guild);
        }
        ArrayNode mentions = array();
        boolean mentionsBot = false;
        Matcher mention = USER_MENTION.matcher(content);
        while (mention.find()) {
            if (mention.group(1).equals(bot.id())) {
                mentions.add(Payloads.user(bot));
                mentionsBot = true;
            } else if (mention.group(1).equals(author.id())) {
                mentions.add(Payloads.user(author));
            }
        }
        ObjectNode message = Payloads.message(Snowflakes.next(), guild.channelId(), author, content)
                .put("guild_id", guild.id())
                .<ObjectNode>set("member", Payloads.member(author))
                .set("mentions", mentions);
        gateway.dispatchMessage(guild.id(), message, mentionsBot);
        return message.get("id").asText();
    }

    private Interaction sendInteraction(int type, SlashCommand command, JsonNode data) {
        FakeGuild guild = command.guild();
        if (guild != null) {
            channels.addGuild(guild); // lets the bot post there even if it is not in the guild
        }
        String channelId = guild != null ? guild.channelId() : channels.dmChannelId(command.user());
        Interaction interaction = interactions.register(channelId, null);
        dispatchInteraction(guild, Payloads.interaction(
                type, interaction, applicationId, command.user(), guild, command.locale(), data));
        return interaction;
    }

    private void dispatchInteraction(FakeGuild guild, JsonNode payload) {
        gateway.dispatch(guild == null ? null : guild.id(), "INTERACTION_CREATE", payload);
    }

    private static ObjectNode commandData(SlashCommand command, ArrayNode options) {
        ArrayNode topLevel = command.subcommand() == null
                ? options
                : array(object("name", command.subcommand(), "type", OPTION_SUBCOMMAND, "options", options));
        ObjectNode data = object(
                "id", Snowflakes.next(), "name", command.name(), "type", COMMAND_SLASH, "options", topLevel);
        if (command.guild() != null) {
            data.put("guild_id", command.guild().id());
        }
        return data;
    }

    private static ArrayNode options(SlashCommand command) {
        ArrayNode options = array();
        command.options().forEach((name, value) -> options.add(object(
                "name", name,
                "type", SlashCommand.optionType(value),
                "value", value instanceof SlashCommand.Typed typed ? typed.value() : value)));
        return options;
    }

    private static boolean isConnected(JDA jda) {
        JDA.Status status = jda.getStatus();
        if (GIVEN_UP.contains(status)) {
            throw new IllegalStateException("JDA will not connect, status " + status);
        }
        return status == JDA.Status.CONNECTED;
    }

    private static void awaitCondition(BooleanSupplier condition, Duration timeout, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not connected within " + timeout + ": " + state.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting to connect", e);
            }
        }
    }

    /** Stops both servers. Shut JDA down first, or it will try to reconnect. */
    @Override
    public void close() {
        rest.close();
        stopGateway();
    }

    private void stopGateway() {
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
