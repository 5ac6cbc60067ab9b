package dev.kubeconbot.discord.fake;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates unique, increasing Discord-style ids (ms since the Discord epoch shifted left by 22 bits), so that
 * JDA's {@code TimeUtil} and sharding math ({@code (guildId >> 22) % shards}) behave as with real ids.
 */
final class Snowflakes {
    private static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;
    private static final AtomicLong LAST = new AtomicLong();

    private Snowflakes() {}

    static String next() {
        long candidate = (System.currentTimeMillis() - DISCORD_EPOCH_MILLIS) << 22;
        return Long.toString(LAST.accumulateAndGet(candidate, (last, now) -> Math.max(last + 1, now)));
    }
}
