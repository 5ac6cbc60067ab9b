package dev.kubeconbot.discord;

import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.CommandSpec;
import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.answer.Messages;
import dev.kubeconbot.answer.OptionSpec;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The slash commands, made from the command registry's specs (a new command there is registered
 * without a change here): names, descriptions and options in every {@link Lang}, plus a
 * {@code private} option on each that makes the answer ephemeral.
 */
final class SlashCommands {

  /** The option that makes an answer visible to its user only. */
  static final String PRIVATE = "private";

  private SlashCommands() {}

  /**
   * Global commands: installable to a guild and to a user's account, so they work in guilds, in the
   * bot's DMs and, user-installed, in other DMs and group DMs too.
   */
  static List<SlashCommandData> global(List<CommandSpec> specs) {
    return specs.stream()
        .map(spec -> slash(spec)
            .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM, InteractionContextType.PRIVATE_CHANNEL)
            .setIntegrationTypes(IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL))
        .toList();
  }

  /** Commands for one guild (development): used only there. */
  static List<SlashCommandData> guild(List<CommandSpec> specs) {
    return specs.stream()
        .map(spec -> slash(spec)
            .setContexts(InteractionContextType.GUILD)
            .setIntegrationTypes(IntegrationType.GUILD_INSTALL))
        .toList();
  }

  /** The Discord option type of a spec's option. */
  static OptionType type(OptionSpec option) {
    return switch (option.type()) {
      case TEXT -> OptionType.STRING;
      case INTEGER -> OptionType.INTEGER;
      case BOOLEAN -> OptionType.BOOLEAN;
    };
  }

  private static SlashCommandData slash(CommandSpec spec) {
    SlashCommandData command = Commands.slash(spec.name(), spec.description(Lang.EN));
    for (Lang lang : Lang.values()) {
      command.setNameLocalization(locale(lang), name(spec.localName(lang)));
      command.setDescriptionLocalization(locale(lang), spec.description(lang));
    }
    spec.options().forEach(option -> command.addOptions(option(spec, option)));
    return command.addOptions(privateOption());
  }

  private static OptionData option(CommandSpec spec, OptionSpec option) {
    OptionData data = new OptionData(type(option), option.name(), spec.optionDescription(option, Lang.EN),
        option.required(), option.autocomplete());
    for (Lang lang : Lang.values()) {
      data.setNameLocalization(locale(lang), name(spec.optionLocalName(option, lang)));
      data.setDescriptionLocalization(locale(lang), spec.optionDescription(option, lang));
    }
    if (option.min() != null) {
      data.setMinValue(option.min());
    }
    if (option.max() != null) {
      data.setMaxValue(option.max());
    }
    if (option.type() == OptionSpec.Type.TEXT) {
      // Discord refuses longer text in the client, before it ever reaches the bot.
      data.setMaxLength(AnswerEngine.MAX_QUERY_LENGTH);
    }
    for (String choice : option.choices()) {
      if (option.type() == OptionSpec.Type.INTEGER) {
        data.addChoice(choice, Long.parseLong(choice));
      } else {
        data.addChoice(choice, choice);
      }
    }
    return data;
  }

  private static OptionData privateOption() {
    OptionData data = new OptionData(OptionType.BOOLEAN, PRIVATE, Messages.get(Lang.EN, "discord.private.description"));
    for (Lang lang : Lang.values()) {
      data.setNameLocalization(locale(lang), name(Messages.get(lang, "discord.private.name")));
      data.setDescriptionLocalization(locale(lang), Messages.get(lang, "discord.private.description"));
    }
    return data;
  }

  /** Discord wants command and option names in lower case. */
  private static String name(String localName) {
    return localName.toLowerCase(Locale.ROOT);
  }

  private static DiscordLocale locale(Lang lang) {
    return DiscordLocale.from(lang.tag());
  }
}
