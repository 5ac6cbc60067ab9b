package dev.kubeconbot.discord;

import dev.kubeconbot.answer.Lang;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Responds to an interaction within Discord's 3 seconds: with the response itself when it is ready
 * within {@link #DEFER_AFTER} (one request, the usual case: answers take milliseconds), else by
 * deferring and then editing the deferred response. Whether a response is ephemeral is fixed when
 * deferring, so a notice (always ephemeral) after a public deferral goes out as an ephemeral follow-up.
 */
final class InteractionResponder {

  /** Leaves a second of Discord's 3 for the gateway and the callback request. */
  static final Duration DEFER_AFTER = Duration.ofMillis(1500);
  private static final Logger LOG = LoggerFactory.getLogger(InteractionResponder.class);

  /** Where an interaction's response goes: a new reply, or an edit of the message a button is on. */
  interface Target {
    /** The response as the first and only callback. */
    RestAction<?> now(Response response);

    /** An acknowledgement now, for a response later. */
    RestAction<?> defer();

    /** The response after {@link #defer()}. */
    RestAction<?> later(Response response);
  }

  /** A slash command: a reply, ephemeral if the user asked for a private answer. */
  record SlashReply(SlashCommandInteractionEvent event, boolean ephemeral) implements Target {
    @Override
    public RestAction<?> now(Response response) {
      return switch (response) {
        case Response.Page page -> event.reply(page.message()).setEphemeral(ephemeral);
        case Response.Notice notice -> event.reply(AnswerRenderer.notice(notice.text())).setEphemeral(true);
      };
    }

    @Override
    public RestAction<?> defer() {
      return event.deferReply(ephemeral);
    }

    @Override
    public RestAction<?> later(Response response) {
      InteractionHook hook = event.getHook();
      return switch (response) {
        case Response.Page page -> hook.editOriginal(MessageEditData.fromCreateData(page.message()));
        case Response.Notice notice -> ephemeral
            ? hook.editOriginal(MessageEditData.fromCreateData(AnswerRenderer.notice(notice.text())))
            : hook.deleteOriginal().and(hook.sendMessage(AnswerRenderer.notice(notice.text())).setEphemeral(true));
      };
    }
  }

  /** A page button: the new page replaces the clicked message; a notice goes to the clicker alone. */
  record ButtonEdit(ButtonInteractionEvent event) implements Target {
    @Override
    public RestAction<?> now(Response response) {
      return switch (response) {
        case Response.Page page -> event.editMessage(MessageEditData.fromCreateData(page.message()));
        case Response.Notice notice -> event.reply(AnswerRenderer.notice(notice.text())).setEphemeral(true);
      };
    }

    @Override
    public RestAction<?> defer() {
      return event.deferEdit();
    }

    @Override
    public RestAction<?> later(Response response) {
      InteractionHook hook = event.getHook();
      return switch (response) {
        case Response.Page page -> hook.editOriginal(MessageEditData.fromCreateData(page.message()));
        case Response.Notice notice -> hook.sendMessage(AnswerRenderer.notice(notice.text())).setEphemeral(true);
      };
    }
  }

  private final Executor executor;
  private final ErrorReporter errors;
  private final MeterRegistry registry;
  private final CallbackRateLimit callbackLimit;

  InteractionResponder(Executor executor, ErrorReporter errors, MeterRegistry registry,
      CallbackRateLimit callbackLimit) {
    this.executor = executor;
    this.errors = errors;
    this.registry = registry;
    this.callbackLimit = callbackLimit;
  }

  /**
   * Computes {@code work} and sends it to {@code target}; an exception in {@code work} becomes an
   * apology. {@code deferAtOnce} for work known to be slow. While Discord is rate limiting callbacks,
   * every response is deferred at once: the wait for the limit may take most of the 3 s, and the
   * deferral, sent before any work, is the one callback that must make it.
   */
  void respond(Target target, String command, Lang lang, boolean deferAtOnce, Supplier<Response> work) {
    Timer.Sample sample = Timer.start(registry);
    CompletableFuture<Response> response = CompletableFuture.supplyAsync(() -> errors.guard(command, lang, work), executor);
    Response ready = deferAtOnce || callbackLimit.limitedRecently() ? null
        : response.copy().completeOnTimeout(null, DEFER_AFTER.toMillis(), TimeUnit.MILLISECONDS).join();
    if (ready != null) {
      send(target.now(ready), sample, target, false);
      return;
    }
    target.defer().queue(null, error -> LOG.warn("could not defer {}: {}", command, error.toString()));
    response.thenAccept(late -> send(target.later(late), sample, target, true));
  }

  private void send(RestAction<?> action, Timer.Sample sample, Target target, boolean deferred) {
    String kind = target instanceof ButtonEdit ? "button" : "command";
    action.queue(
        done -> sample.stop(Timer.builder("kubecon.bot.discord.response")
            .description("Interaction received to response sent")
            .tag("interaction", kind)
            .tag("deferred", Boolean.toString(deferred))
            .register(registry)),
        error -> LOG.warn("could not respond to a {} interaction: {}", kind, error.toString()));
  }
}
