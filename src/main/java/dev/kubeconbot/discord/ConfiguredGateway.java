package dev.kubeconbot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * A session controller that connects to the configured gateway URL (a gateway proxy, or a local
 * stand-in in tests) instead of Discord's. Shard counts and identify concurrency still come from
 * {@code /gateway/bot}. One per JDA or shard manager: a shared controller delays every later login.
 */
final class ConfiguredGateway extends ConcurrentSessionController {

  private final String url;

  ConfiguredGateway(String url) {
    this.url = url;
  }

  /** A single JDA asks this. */
  @Override
  public String getGateway() {
    return url;
  }

  /** A shard manager asks this (through {@code /gateway/bot}). */
  @Override
  public ShardedGateway getShardedGateway(JDA api) {
    ShardedGateway discord = super.getShardedGateway(api);
    return new ShardedGateway(url, discord.getShardTotal(), discord.getConcurrency());
  }
}
