package dev.kubeconbot.discord;

import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.config.BotConfig;
import dev.kubeconbot.service.AnswersWhenReady;
import dev.kubeconbot.service.FrontEnd;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord front end: connects with JDA (one connection, or a shard manager running the
 * configured shards), registers the slash commands and answers them, direct messages and mentions.
 * REST and gateway URLs come from the configuration, so a proxy (or a test stand-in) can replace Discord.
 * It may connect while the index is still building: requests that come before it is built wait for it
 * (see {@link AnswersWhenReady}).
 */
public final class DiscordBot implements FrontEnd {

  /** No privileged intent: a DM or a mention carries its content without MESSAGE_CONTENT. */
  static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES);
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
  /** States a shard never leaves by itself: JDA gave up on it. */
  private static final Set<JDA.Status> GIVEN_UP = EnumSet.of(JDA.Status.SHUTDOWN, JDA.Status.FAILED_TO_LOGIN);
  private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

  /** The running connection: its shards (a shard manager creates them one by one) and how to stop it. */
  private record Connection(Supplier<List<JDA>> shards, int expected, Runnable shutdown) {}

  private final BotConfig.Discord config;
  private final List<Object> listeners;
  /** Runs event handlers, so a slow answer never holds up the gateway or other users. */
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private volatile Connection connection;
  /** Set when {@link #close} begins: from then on a shard shutting down is expected, not a failure. */
  private volatile boolean closing;
  /** Reports shutdowns once started (a login rejected during {@link #start} fails start instead) until closing. */
  private final GatewayWatch gateway = new GatewayWatch(() -> connection != null && !closing);
  /** On JDA's HTTP client: keeps a 429 on an interaction callback from making the first response late. */
  private final CallbackRateLimit callbackLimit;

  /** @param commands the commands {@code answers} runs: registered, and their options parsed, before it is ready */
  public DiscordBot(BotConfig.Discord config, CommandRegistry commands, AnswersWhenReady answers,
      MeterRegistry registry) {
    this.config = config;
    PageIds pageIds = new PageIds(commands);
    AnswerRenderer renderer = new AnswerRenderer(pageIds);
    ErrorReporter errors = new ErrorReporter(answers);
    this.callbackLimit = new CallbackRateLimit(registry);
    InteractionResponder responder = new InteractionResponder(handlers, errors, registry, callbackLimit);
    this.listeners = List.of(
        new CommandRegistrar(commands.specs(), config.guildId()),
        new InteractionListener(commands, answers, renderer, pageIds, responder, errors),
        new MessageListener(answers, renderer, errors),
        gateway);
    Gauge.builder("kubecon.bot.discord.shards.connected", this, DiscordBot::connectedShards)
        .description("Shards connected to the Discord gateway")
        .register(registry);
  }

  @Override
  public String name() {
    return "discord";
  }

  /** Logs in (a bad token fails here) and starts connecting; {@link #notReadyReason()} says when it is done. */
  @Override
  public void start() {
    // Only mentions and DMs are read, and Discord gives their content without the privileged intent.
    Message.suppressContentIntentWarning();
    connection = sharded() ? startShards() : startSingle();
    LOG.info("connecting to Discord: {} shard(s), commands {}", connection.expected(),
        config.guildId() == null ? "global" : "in guild " + config.guildId());
  }

  private boolean sharded() {
    return config.shardTotal() > 1 || !config.shardIds().isEmpty();
  }

  private Connection startSingle() {
    JDA jda = JDABuilder.createLight(config.token().reveal(), INTENTS)
        .setRestConfig(new RestConfig().setBaseUrl(config.apiUrl()))
        .setHttpClientBuilder(callbackLimit.client())
        .setSessionController(new ConfiguredGateway(config.gatewayUrl()))
        .setEventPool(handlers, false)
        .setEnableShutdownHook(false) // serve shuts down in order: readiness, then front ends
        .addEventListeners(listeners.toArray())
        .build();
    return new Connection(() -> List.of(jda), 1, jda::shutdown);
  }

  private Connection startShards() {
    DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(config.token().reveal(), INTENTS)
        .setShardsTotal(config.shardTotal())
        .setRestConfig(new RestConfig().setBaseUrl(config.apiUrl()))
        .setHttpClientBuilder(callbackLimit.client())
        .setSessionController(new ConfiguredGateway(config.gatewayUrl()))
        .setEventPool(handlers, false)
        .setEnableShutdownHook(false)
        .addEventListeners(listeners.toArray());
    if (!config.shardIds().isEmpty()) {
      builder.setShards(config.shardIds());
    }
    ShardManager shards = builder.build();
    int expected = config.shardIds().isEmpty() ? config.shardTotal() : config.shardIds().size();
    return new Connection(shards::getShards, expected, shards::shutdown);
  }

  /** Empty once every shard of this process is connected. */
  @Override
  public Optional<String> notReadyReason() {
    Connection current = connection;
    if (current == null) {
      return Optional.of("discord not started");
    }
    Optional<String> failure = failure();
    if (failure.isPresent()) {
      return failure;
    }
    List<JDA> shards = current.shards().get();
    if (shards.size() == current.expected() && shards.stream().allMatch(s -> s.getStatus() == JDA.Status.CONNECTED)) {
      return Optional.empty();
    }
    String statuses = shards.stream()
        .map(s -> s.getShardInfo().getShardId() + ":" + s.getStatus())
        .collect(Collectors.joining(", "));
    return Optional.of("discord gateway: %d of %d shards connected [%s]"
        .formatted(connectedShards(), current.expected(), statuses));
  }

  /**
   * Why Discord will not take this bot back without a restart: a gateway close it must not reconnect
   * after (see {@link GatewayWatch}), or a shard that shut down or failed to log in (a rejected token)
   * without {@link #close} asking for it.
   */
  @Override
  public Optional<String> failure() {
    Connection current = connection;
    if (current == null || closing) {
      return Optional.empty();
    }
    return gateway.failure().or(() -> current.shards().get().stream()
        .filter(shard -> GIVEN_UP.contains(shard.getStatus()))
        .findFirst()
        .map(shard -> "shard %d is %s and will not reconnect".formatted(shard.getShardInfo().getShardId(),
            shard.getStatus())));
  }

  private int connectedShards() {
    Connection current = connection;
    return current == null ? 0
        : (int) current.shards().get().stream().filter(s -> s.getStatus() == JDA.Status.CONNECTED).count();
  }

  /** Disconnects after the requests under way are sent; waits at most {@link #SHUTDOWN_WAIT} in all. */
  @Override
  public void close() {
    closing = true;
    Connection current = connection;
    long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
    try {
      if (current != null) {
        List<JDA> shards = current.shards().get();
        current.shutdown().run();
        for (JDA shard : shards) {
          if (!shard.awaitShutdown(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
            LOG.warn("shard {} still shutting down; going on", shard.getShardInfo().getShardId());
          }
        }
      }
      handlers.shutdown();
      handlers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("disconnected from Discord");
  }
}
