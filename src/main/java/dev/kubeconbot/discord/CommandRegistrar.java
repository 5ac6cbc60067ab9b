package dev.kubeconbot.discord;

import dev.kubeconbot.answer.CommandSpec;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the slash commands once connected: globally from shard 0 (one registration per bot,
 * however many shards and processes), or, when a guild id is configured, to that guild from the
 * shard that serves it. Registration replaces the whole list, so removed commands disappear.
 */
final class CommandRegistrar extends ListenerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(CommandRegistrar.class);

  private final List<CommandSpec> specs;
  private final Long guildId;

  /** @param guildId the one guild to register to, or {@code null} for global commands */
  CommandRegistrar(List<CommandSpec> specs, Long guildId) {
    this.specs = List.copyOf(specs);
    this.guildId = guildId;
  }

  @Override
  public void onReady(ReadyEvent event) {
    JDA jda = event.getJDA();
    if (guildId == null) {
      if (jda.getShardInfo().getShardId() == 0) {
        jda.updateCommands().addCommands(SlashCommands.global(specs))
            .queue(done -> LOG.info("registered {} global commands", done.size()),
                error -> LOG.error("could not register the global commands: {}", error.toString()));
      }
    } else if (servesGuild(jda) && jda.getGuildById(guildId) == null) {
      LOG.error("the bot is not a member of guild {} (DISCORD_GUILD_ID); no commands registered", guildId);
    }
  }

  @Override
  public void onGuildReady(GuildReadyEvent event) {
    if (guildId != null && event.getGuild().getIdLong() == guildId) {
      event.getGuild().updateCommands().addCommands(SlashCommands.guild(specs))
          .queue(done -> LOG.info("registered {} commands in guild {}", done.size(), guildId),
              error -> LOG.error("could not register the commands in guild {}: {}", guildId, error.toString()));
    }
  }

  /** Whether the guild belongs to this shard, by Discord's rule: (guild id >> 22) % shard total. */
  private boolean servesGuild(JDA jda) {
    JDA.ShardInfo shard = jda.getShardInfo();
    return (guildId >> 22) % shard.getShardTotal() == shard.getShardId();
  }
}
