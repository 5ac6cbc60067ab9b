package dev.kubeconbot.cli;

import dev.kubeconbot.app.Logging;
import dev.kubeconbot.search.Library;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar kubecon-bot.jar <command>}: the bot's command-line entry point. */
@Command(
    name = "kubecon-bot",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Answers questions about KubeCon trends with verbatim, linked quotes.")
public final class Main {

  /** The commands, in the order help lists them. */
  private static final List<Class<?>> COMMANDS = List.of(AskCli.class, IndexCli.class, ServeCli.class, TrendCli.class,
      TrendsCli.class, CommandLine.HelpCommand.class);

  public static void main(String[] args) {
    // Every command but help indexes: the configuration files of the default folder and the
    // dictionaries load on other threads from the first instant, while this one parses the arguments.
    if (toRun(args).isPresent()) {
      Library.ConfigFiles.readAhead(Path.of(ContentOptions.DEFAULT_CONFIG));
    }
    Logging.bridgeJavaUtilLogging();
    System.exit(commandLine(args).execute(args));
  }

  /** The picocli command line with every command, for tests that run it in-process. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line that runs {@code args}. When they begin with a command's name, only that
   * command (and help) is made: picocli reflects on every command it is given, a tenth of a second
   * of a cold start for those that will not run. Otherwise (no command, {@code --help}, a mistake)
   * all of them are, so that help and errors list them all.
   */
  static CommandLine commandLine(String[] args) {
    List<Class<?>> made = toRun(args).<List<Class<?>>>map(command -> List.of(command, CommandLine.HelpCommand.class))
        .orElse(COMMANDS);
    CommandLine line = new CommandLine(new Main());
    made.forEach(line::addSubcommand);
    // Set after the commands are added: picocli passes it only to those it has by then.
    return line.setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** The command {@code args} run, if they begin with the name of a command other than help. */
  private static Optional<Class<?>> toRun(String[] args) {
    return args.length == 0 ? Optional.empty() : COMMANDS.stream()
        .filter(command -> command != CommandLine.HelpCommand.class)
        .filter(command -> command.getAnnotation(Command.class).name().equals(args[0]))
        .findFirst();
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
