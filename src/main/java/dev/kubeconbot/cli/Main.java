package dev.kubeconbot.cli;

import dev.kubeconbot.app.Logging;
import dev.kubeconbot.search.Library;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar kubecon-bot.jar <command>}: the bot's command-line entry point. */
@Command(
    name = "kubecon-bot",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Answers questions about KubeCon trends with verbatim, linked quotes.",
    subcommands = {AskCli.class, IndexCli.class, ServeCli.class, TrendCli.class, TrendsCli.class, CommandLine.HelpCommand.class})
public final class Main {

  public static void main(String[] args) {
    // Every command but --help indexes: the configuration files of the default folder and the
    // dictionaries load on other threads from the first instant, while this one parses the arguments.
    Library.ConfigFiles.readAhead(Path.of(ContentOptions.DEFAULT_CONFIG));
    Logging.bridgeJavaUtilLogging();
    System.exit(commandLine().execute(args));
  }

  /** The picocli command line, for tests that run it in-process. */
  static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** The version from the jar manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"kubecon-bot " + (version == null ? "(development build)" : version)};
    }
  }
}
