package dev.kubeconbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line makes only the command it runs, and every command where help or an error lists them. */
class MainTest {

  private static final List<String> ALL = List.of("ask", "index", "serve", "trend", "trends", "help");

  private static List<String> made(String... args) {
    return List.copyOf(Main.commandLine(args).getSubcommands().keySet());
  }

  @Test
  void aCommandNamedFirstIsMadeAloneWithHelp() {
    assertThat(made("serve")).containsExactly("serve", "help");
    assertThat(made("ask", "--json", "/topic wasm")).containsExactly("ask", "help");
  }

  @Test
  void helpNoCommandOrAMistakeMakesThemAll() {
    assertThat(made()).isEqualTo(ALL);
    assertThat(made("--help")).isEqualTo(ALL);
    assertThat(made("help", "serve")).isEqualTo(ALL);
    assertThat(made("serv")).isEqualTo(ALL);
    assertThat(made("--version")).isEqualTo(ALL);
  }

  @Test
  void aCommandMadeAloneHasTheUsageAndSettingsItHasAmongAll() {
    for (String name : ALL) {
      CommandLine alone = Main.commandLine(new String[] {name}).getSubcommands().get(name);
      CommandLine amongAll = Main.commandLine().getSubcommands().get(name);
      assertThat(alone.getUsageMessage(CommandLine.Help.Ansi.OFF)).isEqualTo(amongAll.getUsageMessage(CommandLine.Help.Ansi.OFF));
      assertThat(alone.isCaseInsensitiveEnumValuesAllowed()).isTrue();
    }
  }
}
