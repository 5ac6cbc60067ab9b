package dev.kubeconbot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The bot's configuration: {@code config/application.yaml}, each key overridable by an environment
 * variable (see {@link ConfigLoader#SETTINGS}). The Discord token comes only from the environment.
 * {@code indexDir} is empty for the default place ({@link ConfigLoader#defaultIndexDir}).
 */
public record BotConfig(
    Path configDir,
    List<Path> contentDirs,
    long contentMaxFileBytes,
    Optional<Path> indexDir,
    Http http,
    Discord discord,
    Cache cache,
    RateLimit rateLimit,
    LogFormat logFormat,
    Duration shutdownGrace,
    Search search) {

  public BotConfig {
    contentDirs = List.copyOf(contentDirs);
  }

  /**
   * Where the HTTP endpoints listen, and how often one client address may ask: scripts and the
   * README's curl examples ask in bursts that the Discord limit, made for a person typing, would refuse.
   */
  public record Http(String host, int port, RateLimit rateLimit, Duration requestTimeout) {}

  /**
   * Discord connection settings.
   *
   * @param token the bot token, or {@code null} for local mode (no Discord)
   * @param apiUrl REST base URL including {@code /api/v10/}; a proxy or a test stand-in may replace Discord's
   * @param gatewayUrl gateway WebSocket URL
   * @param guildId register commands to this guild only (development), or {@code null} for global commands
   * @param shardTotal total number of shards of the bot
   * @param shardIds the shards this process runs; empty means all of them
   */
  public record Discord(Secret token, String apiUrl, String gatewayUrl, Long guildId, int shardTotal, List<Integer> shardIds) {
    public Discord {
      shardIds = List.copyOf(shardIds);
    }

    public boolean enabled() {
      return token != null;
    }
  }

  /** The answer cache. */
  public record Cache(int maxEntries, Duration ttl) {}

  /** At most {@code answers} answers per user (or HTTP client address) per {@code window}, a sliding window. */
  public record RateLimit(int answers, Duration window) {}

  /**
   * Semantic search beside the lexical one.
   *
   * @param semantic whether questions are also searched by embedding (off: the models are never loaded)
   * @param vectorCache the folder that keeps passage vectors between starts
   */
  public record Search(boolean semantic, Path vectorCache) {}

  /** Plain text logs for people, JSON lines for log collectors. */
  public enum LogFormat { TEXT, JSON }
}
