package dev.kubeconbot.discord.fake;

import static dev.kubeconbot.discord.fake.Json.array;
import static dev.kubeconbot.discord.fake.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;

/**
 * The JSON shapes Discord sends, reduced to what JDA 6.5 needs to parse them (see NOTES.md). JDA drops an event
 * with a "Json-parse error" warning when a required field is missing, so keep these complete.
 */
final class Payloads {
    /** Granted to everyone in fake guilds, so JDA's local permission checks let the bot talk. */
    static final long TEXT_PERMISSIONS = Permission.getRaw(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS,
            Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_ATTACH_FILES,
            Permission.MESSAGE_HISTORY,
            Permission.MESSAGE_ADD_REACTION,
            Permission.MESSAGE_EXT_EMOJI,
            Permission.USE_APPLICATION_COMMANDS);

    static final int CHANNEL_GUILD_TEXT = 0;
    static final int CHANNEL_DM = 1;
    private static final int CONTEXT_GUILD = 0;
    private static final int CONTEXT_BOT_DM = 1;

    private Payloads() {}

    static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }

    static ObjectNode user(FakeUser user) {
        return object(
                "id", user.id(),
                "username", user.username(),
                "global_name", null,
                "discriminator", "0",
                "avatar", null,
                "bot", user.bot(),
                "public_flags", 0);
    }

    static ObjectNode member(FakeUser user) {
        return object(
                "user", user(user),
                "roles", array(),
                "nick", null,
                "avatar", null,
                "joined_at", now(),
                "flags", 0,
                "pending", false,
                "deaf", false,
                "mute", false,
                "permissions", Long.toString(TEXT_PERMISSIONS));
    }

    static ObjectNode dmChannel(String channelId, FakeUser recipient) {
        return object(
                "id", channelId,
                "type", CHANNEL_DM,
                "flags", 0,
                "last_message_id", null,
                "recipients", array(user(recipient)));
    }

    static ObjectNode guildChannel(FakeGuild guild) {
        return object(
                "id", guild.channelId(),
                "type", CHANNEL_GUILD_TEXT,
                "guild_id", guild.id(),
                "name", guild.channelName(),
                "position", 0,
                "flags", 0,
                "parent_id", null,
                "topic", null,
                "nsfw", false,
                "rate_limit_per_user", 0,
                "last_message_id", null,
                "permission_overwrites", array());
    }

    static ObjectNode ready(
            FakeUser bot, String applicationId, String sessionId, String resumeUrl, List<FakeGuild> guilds, int shard,
            int shardCount) {
        return object(
                "v", 10,
                "user", user(bot).put("verified", true).put("mfa_enabled", false).put("flags", 0),
                "guilds", guilds.stream().map(guild -> object("id", guild.id(), "unavailable", true)).toList(),
                "session_id", sessionId,
                "resume_gateway_url", resumeUrl,
                "private_channels", array(),
                "application", object("id", applicationId, "flags", 0),
                "shard", array(shard, shardCount),
                "_trace", array("fake-discord"));
    }

    /** A full guild; JDA skips member chunking because {@code members} holds all {@code member_count} members. */
    static ObjectNode guildCreate(FakeGuild guild, FakeUser bot) {
        ObjectNode everyone = object(
                "id", guild.id(),
                "name", "@everyone",
                "permissions", Long.toString(TEXT_PERMISSIONS),
                "position", 0,
                "color", 0,
                "colors", object("primary_color", 0),
                "hoist", false,
                "managed", false,
                "mentionable", false,
                "flags", 0);
        return object(
                "id", guild.id(),
                "name", guild.name(),
                "icon", null,
                "description", null,
                "preferred_locale", DiscordLocale.ENGLISH_US.getLocale(),
                "features", array(),
                "joined_at", now(),
                "afk_timeout", 300, // JDA rejects 0: it must be one of Discord's AFK timeouts
                "verification_level", 0,
                "mfa_level", 0,
                "nsfw_level", 0,
                "default_message_notifications", 0,
                "explicit_content_filter", 0,
                "large", false,
                "unavailable", false,
                "member_count", 1,
                "roles", array(everyone),
                "channels", array(guildChannel(guild)),
                "threads", array(),
                "members", array(member(bot)),
                "voice_states", array(),
                "presences", array(),
                "emojis", array(),
                "stickers", array(),
                "guild_scheduled_events", array(),
                "stage_instances", array(),
                "soundboard_sounds", array());
    }

    static ObjectNode message(String id, String channelId, FakeUser author, String content) {
        return object(
                "id", id,
                "type", 0,
                "channel_id", channelId,
                "author", user(author),
                "content", content,
                "timestamp", now(),
                "edited_timestamp", null,
                "tts", false,
                "mention_everyone", false,
                "mentions", array(),
                "mention_roles", array(),
                "attachments", array(),
                "embeds", array(),
                "components", array(),
                "pinned", false,
                "flags", 0);
    }

    /**
     * The fields every interaction carries. In a guild, {@code guild}, {@code member} and a channel with
     * {@code permissions} let JDA build a detached guild when it has not cached that guild.
     */
    static ObjectNode interaction(
            int type, Interaction ids, String applicationId, FakeUser user, FakeGuild guild, DiscordLocale locale,
            JsonNode data) {
        ObjectNode interaction = object(
                "id", ids.id(),
                "application_id", applicationId,
                "type", type,
                "token", ids.token(),
                "version", 1,
                "locale", locale.getLocale(),
                "channel_id", ids.channelId(),
                "app_permissions", Long.toString(TEXT_PERMISSIONS),
                "entitlements", array(),
                "attachment_size_limit", 10 * 1024 * 1024,
                "data", data);
        if (guild == null) {
            return interaction
                    .put("context", CONTEXT_BOT_DM)
                    .<ObjectNode>set("user", user(user))
                    .<ObjectNode>set("channel", dmChannel(ids.channelId(), user))
                    .set("authorizing_integration_owners", object("0", "0"));
        }
        ObjectNode channel = guildChannel(guild).put("permissions", Long.toString(TEXT_PERMISSIONS));
        return interaction
                .put("context", CONTEXT_GUILD)
                .put("guild_id", guild.id())
                .put("guild_locale", DiscordLocale.ENGLISH_US.getLocale())
                .<ObjectNode>set("guild", object(
                        "id", guild.id(), "locale", DiscordLocale.ENGLISH_US.getLocale(), "features", array()))
                .<ObjectNode>set("member", member(user))
                .<ObjectNode>set("channel", channel)
                .set("authorizing_integration_owners", object("0", guild.id()));
    }
}
