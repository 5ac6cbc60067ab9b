package dev.kubeconbot.discord;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when Discord refuses this bot for good while it runs: JDA shuts a connection down by itself
 * only when it must not reconnect (close 4004, the token was revoked; 4010–4014, shards or intents
 * that Discord will never accept), so a shutdown that {@code serve} did not ask for is a failure that
 * only a restart (with a fixed token or configuration) can cure. Dropped connections that JDA
 * resumes never reach here. A login rejected at start shuts JDA down too, but that start fails
 * (and {@code serve} exits), so only shutdowns while running count.
 */
final class GatewayWatch extends ListenerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayWatch.class);

  private final BooleanSupplier running;
  private volatile String failure;

  /** @param running true once started and until shutting down on purpose: when a shutdown is a failure */
  GatewayWatch(BooleanSupplier running) {
    this.running = running;
  }

  @Override
  public void onShutdown(ShutdownEvent event) {
    if (!running.getAsBoolean()) {
      return;
    }
    CloseCode code = event.getCloseCode();
    int shard = event.getJDA().getShardInfo().getShardId();
    String reason = code != null && !code.isReconnect()
        ? "shard %d: the gateway closed with %d (%s) and will not reconnect".formatted(shard, event.getCode(),
            code.getMeaning())
        : "shard %d shut down by itself (close code %d) and will not reconnect".formatted(shard, event.getCode());
    if (failure == null) {
      failure = reason;
    }
    LOG.error("Discord refused this bot for good: {}; liveness fails from now on, so it is restarted", reason);
  }

  /** Why the connection is gone for good; empty while it is up or reconnecting. */
  Optional<String> failure() {
    return Optional.ofNullable(failure);
  }
}
