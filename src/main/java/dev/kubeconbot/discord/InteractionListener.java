package dev.kubeconbot.discord;

import dev.kubeconbot.answer.Choice;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.answer.CommandSpec;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.answer.Messages;
import dev.kubeconbot.answer.OptionSpec;
import dev.kubeconbot.content.LogText;
import dev.kubeconbot.service.AnswersWhenReady;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slash commands, their autocomplete and page buttons: each routed to the command of the same name in
 * the registry and answered through the answer service, in the user's Discord language. Before the
 * index is built, commands and buttons are deferred at once and answered when it is; autocomplete,
 * which cannot be deferred, offers nothing until then.
 */
final class InteractionListener extends ListenerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(InteractionListener.class);

  private final CommandRegistry commands;
  private final AnswersWhenReady answers;
  private final AnswerRenderer renderer;
  private final PageIds pageIds;
  private final InteractionResponder responder;
  private final ErrorReporter errors;

  InteractionListener(CommandRegistry commands, AnswersWhenReady answers, AnswerRenderer renderer, PageIds pageIds,
      InteractionResponder responder, ErrorReporter errors) {
    this.commands = commands;
    this.answers = answers;
    this.renderer = renderer;
    this.pageIds = pageIds;
    this.responder = responder;
    this.errors = errors;
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    Lang lang = Lang.of(event.getUserLocale().getLocale());
    String name = event.getName();
    Optional<CommandSpec> spec = commands.find(name).map(c -> c.spec());
    if (spec.isEmpty()) {
      // Registered by another version of the bot, or forged: not a fault here, so no stack trace.
      LOG.warn("slash command {} is not one of this bot's; answering with help", LogText.escape("/" + name));
      Query help = new Query.Text("/" + name, lang);
      responder.respond(new InteractionResponder.SlashReply(event, true), "help", lang, !answers.isReady(),
          () -> renderer.response(help.answerWhenReady(answers, event.getUser().getId()), help, 0));
      return;
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (OptionMapping option : event.getOptions()) {
      text(option).ifPresent(value -> options.put(option.getName(), value));
    }
    String privateValue = options.remove(SlashCommands.PRIVATE);
    Optional<Boolean> ephemeral = privateValue == null ? Optional.of(false) : flag(privateValue);
    if (ephemeral.isEmpty()) {
      String option = Messages.get(lang, "discord.private.name");
      responder.respond(new InteractionResponder.SlashReply(event, true), name, lang, false,
          () -> new Response.Notice(Messages.get(lang, "discord.badOption", option)));
      return;
    }
    // A slow command, or any before the index is built, is deferred at once, not after waiting in vain
    // for a quick answer.
    boolean slow = !answers.isReady() || spec.get().slow();
    responder.respond(new InteractionResponder.SlashReply(event, ephemeral.get()), name, lang, slow, () -> {
      Query query = new Query.Slash(name, options, lang);
      return renderer.response(query.answerWhenReady(answers, event.getUser().getId()), query, 0);
    });
  }

  /**
   * An option's value as text, whatever its type; empty if it has none that can be read (a forged
   * payload), which the command then answers as an option not given.
   */
  private static Optional<String> text(OptionMapping option) {
    try {
      return Optional.of(option.getAsString());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A yes/no option read leniently: Discord sends a boolean, but a registration from an older
   * version (where the option was text) or a forged payload may send words instead.
   */
  static Optional<Boolean> flag(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> Optional.of(true);
      case "false", "no" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    Optional<PageIds.Page> page = pageIds.decode(event.getComponentId());
    Lang lang = page.map(p -> p.query().lang()).orElse(Lang.of(event.getUserLocale().getLocale()));
    String command = page.map(p -> p.query() instanceof Query.Slash slash ? slash.command() : "text").orElse("button");
    responder.respond(new InteractionResponder.ButtonEdit(event), command, lang, !answers.isReady(), () -> page
        .map(p -> renderer.response(p.query().answerWhenReady(answers, event.getUser().getId()), p.query(), p.page()))
        .orElseGet(() -> new Response.Notice(Messages.get(lang, "discord.staleButton"))));
  }

  /**
   * Choices from memory, at once: Discord gives autocomplete no way to defer, so before the index is
   * built there are none (the user can still type the value).
   */
  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    String option = event.getFocusedOption().getName();
    List<Command.Choice> choices;
    try {
      OptionType type = commands.find(event.getName())
          .flatMap(command -> spec(command.spec(), option))
          .map(SlashCommands::type)
          .orElse(OptionType.STRING);
      choices = answers.now().map(service -> service.complete(event.getName(), option, event.getFocusedOption().getValue()))
          .orElse(List.of()).stream()
          .map(choice -> choice(choice, type))
          .filter(Objects::nonNull)
          .limit(OptionData.MAX_CHOICES)
          .toList();
    } catch (RuntimeException e) {
      errors.report(event.getName(), Lang.of(event.getUserLocale().getLocale()), e);
      choices = List.of();
    }
    event.replyChoices(choices).queue();
  }

  private static Optional<OptionSpec> spec(CommandSpec command, String option) {
    return command.options().stream().filter(o -> o.name().equals(option)).findFirst();
  }

  /** A Discord choice, or {@code null} if the value does not fit the option (too long, not a number). */
  private static Command.Choice choice(Choice choice, OptionType type) {
    String label = DiscordText.plain(choice.label(), OptionData.MAX_CHOICE_NAME_LENGTH);
    if (type == OptionType.INTEGER) {
      return choice.value().matches("-?\\d{1,18}") ? new Command.Choice(label, Long.parseLong(choice.value())) : null;
    }
    return choice.value().length() <= OptionData.MAX_CHOICE_VALUE_LENGTH ? new Command.Choice(label, choice.value()) : null;
  }
}
