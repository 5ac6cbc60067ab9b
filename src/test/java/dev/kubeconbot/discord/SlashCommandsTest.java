package dev.kubeconbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.answer.Answer;
import dev.kubeconbot.answer.Command;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.answer.CommandSpec;
import dev.kubeconbot.answer.Invocation;
import dev.kubeconbot.answer.OptionSpec;
import java.util.ArrayList;
import java.util.List;
import dev.kubeconbot.answer.AnswerEngine;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.Test;

class SlashCommandsTest {

  private static final List<DiscordLocale> LOCALES =
      List.of(DiscordLocale.ENGLISH_US, DiscordLocale.CHINESE_CHINA, DiscordLocale.CHINESE_TAIWAN);
  private final List<CommandSpec> specs = CommandRegistry.standard().specs();

  @Test
  void everyCommandOfTheRegistryIsRegisteredWithAPrivateOption() {
    List<SlashCommandData> commands = SlashCommands.global(specs);
    assertThat(commands).extracting(SlashCommandData::getName)
        .containsExactlyElementsOf(specs.stream().map(CommandSpec::name).toList())
        .contains("takeaways", "topic", "ask", "trend", "sources", "help");
    assertThat(commands).allSatisfy(command -> assertThat(command.getOptions()).last().satisfies(option -> {
      assertThat(option.getName()).isEqualTo("private");
      assertThat(option.getType()).isEqualTo(OptionType.BOOLEAN);
      assertThat(option.isRequired()).isFalse();
    }));
  }

  @Test
  void aCommandAddedToTheRegistryIsRegisteredWithoutChangesHere() {
    Command extra = new Command() {
      @Override
      public CommandSpec spec() {
        return new CommandSpec("ask", List.of(OptionSpec.text("question", true, false)));
      }

      @Override
      public Answer answer(Invocation invocation) {
        return Answer.message("ask", invocation.query(), "t", "m");
      }
    };
    List<Command> commands = new ArrayList<>(List.of(extra));
    assertThat(SlashCommands.global(new CommandRegistry(commands).specs()))
        .extracting(SlashCommandData::getName).containsExactly("ask");
  }

  @Test
  void namesAndDescriptionsAreLocalisedWithinDiscordsLimits() {
    for (SlashCommandData command : SlashCommands.global(specs)) {
      assertNameAndDescription(command.getName(), command.getDescription());
      for (DiscordLocale locale : LOCALES) {
        assertNameAndDescription(command.getNameLocalizations().get(locale),
            command.getDescriptionLocalizations().get(locale));
      }
      for (OptionData option : command.getOptions()) {
        assertNameAndDescription(option.getName(), option.getDescription());
        for (DiscordLocale locale : LOCALES) {
          assertNameAndDescription(option.getNameLocalizations().get(locale),
              option.getDescriptionLocalizations().get(locale));
        }
      }
    }
    SlashCommandData takeaways = SlashCommands.global(specs).getFirst();
    assertThat(takeaways.getNameLocalizations().get(DiscordLocale.CHINESE_CHINA)).isEqualTo("要点");
    assertThat(takeaways.getOptions().getFirst().getNameLocalizations().get(DiscordLocale.CHINESE_TAIWAN)).isEqualTo("年份");
  }

  @Test
  void optionsFollowTheSpec() {
    OptionData year = SlashCommands.global(specs).getFirst().getOptions().getFirst();
    assertThat(year.getName()).isEqualTo("year");
    assertThat(year.getType()).isEqualTo(OptionType.INTEGER);
    assertThat(year.isRequired()).isTrue();
    assertThat(year.isAutoComplete()).isTrue();
    assertThat(year.getMinValue()).isEqualTo(2015L);
    assertThat(year.getMaxValue()).isEqualTo(2030L);
    assertThat(SlashCommands.global(specs)).flatMap(SlashCommandData::getOptions)
        .filteredOn(option -> option.getType() == OptionType.STRING)
        .isNotEmpty()
        .allSatisfy(option -> assertThat(option.getMaxLength()).isEqualTo(AnswerEngine.MAX_QUERY_LENGTH));
  }

  @Test
  void globalCommandsWorkInGuildsAndDmsAndCanBeUserInstalled() {
    assertThat(SlashCommands.global(specs)).allSatisfy(command -> {
      assertThat(command.getContexts()).containsExactlyInAnyOrder(InteractionContextType.GUILD,
          InteractionContextType.BOT_DM, InteractionContextType.PRIVATE_CHANNEL);
      assertThat(command.getIntegrationTypes()).containsExactlyInAnyOrder(IntegrationType.GUILD_INSTALL,
          IntegrationType.USER_INSTALL);
    });
    assertThat(SlashCommands.guild(specs)).allSatisfy(command -> {
      assertThat(command.getContexts()).containsExactly(InteractionContextType.GUILD);
      assertThat(command.getIntegrationTypes()).containsExactly(IntegrationType.GUILD_INSTALL);
    });
  }

  private static void assertNameAndDescription(String name, String description) {
    assertThat(name).matches(DiscordLimits.NAME).isLowerCase();
    assertThat(description).isNotBlank();
    assertThat(description.length()).as(description).isLessThanOrEqualTo(100);
  }
}
