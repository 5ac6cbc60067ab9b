package dev.kubeconbot.discord.fake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which channel is whose: one DM channel per user, one text channel per guild. */
final class Channels {
    private final Map<String, String> dmChannelByUserId = new ConcurrentHashMap<>();
    private final Map<String, FakeUser> dmUserByChannelId = new ConcurrentHashMap<>();
    private final Map<String, FakeGuild> guildByChannelId = new ConcurrentHashMap<>();

    String dmChannelId(FakeUser user) {
        return dmChannelByUserId.computeIfAbsent(user.id(), userId -> {
            String channelId = Snowflakes.next();
            dmUserByChannelId.put(channelId, user);
            return channelId;
        });
    }

    /** The recipient of a DM channel, or {@code null} if it is not a DM channel. */
    FakeUser dmUser(String channelId) {
        return dmUserByChannelId.get(channelId);
    }

    /** A user the fake knows from a DM, else a stand-in so the bot can still open a DM with any id. */
    FakeUser user(String userId) {
        String channelId = dmChannelByUserId.get(userId);
        return channelId != null ? dmUserByChannelId.get(channelId) : new FakeUser(userId, "user-" + userId, false);
    }

    void addGuild(FakeGuild guild) {
        guildByChannelId.put(guild.channelId(), guild);
    }

    /** The guild owning a text channel, or {@code null}. */
    FakeGuild guild(String channelId) {
        return guildByChannelId.get(channelId);
    }
}
