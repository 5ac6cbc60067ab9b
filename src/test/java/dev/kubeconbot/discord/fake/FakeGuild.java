package dev.kubeconbot.discord.fake;

/**
 * A guild with a single text channel. Guilds given to {@link FakeDiscord#start(FakeGuild...)} are sent in READY and
 * GUILD_CREATE, so JDA caches them; any other guild acts as one the bot is not in (e.g. a user-installed command).
 */
public record FakeGuild(String id, String name, String channelId, String channelName) {

    public static FakeGuild named(String name) {
        return new FakeGuild(Snowflakes.next(), name, Snowflakes.next(), "general");
    }
}
