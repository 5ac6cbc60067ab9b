package dev.kubeconbot.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every command the bot has, by name. Front ends register and route from this list, so a new
 * command is one class plus one line here.
 */
public final class CommandRegistry {

  private final Map<String, Command> byName = new LinkedHashMap<>();
  private final Map<String, Command> byAnyName = new LinkedHashMap<>();

  public CommandRegistry(List<Command> commands) {
    for (Command command : commands) {
      String name = command.spec().name();
      if (byName.putIfAbsent(name, command) != null) {
        throw new IllegalArgumentException("two commands named " + name);
      }
      byAnyName.put(name, command);
      for (Lang lang : Lang.values()) {
        byAnyName.putIfAbsent(command.spec().localName(lang).toLowerCase(Locale.ROOT), command);
      }
    }
  }

  /** The bot's commands: the order here is the order of help and registration. */
  public static CommandRegistry standard() {
    List<Command> commands = new ArrayList<>(List.of(
        new TakeawaysCommand(),
        new TopicCommand(),
        new AskCommand(),
        new TrendCommand(),
        new TrendsCommand(),
        new SourcesCommand()));
    commands.add(new HelpCommand(() -> commands.stream().map(Command::spec).toList()));
    return new CommandRegistry(commands);
  }

  public List<Command> commands() {
    return List.copyOf(byName.values());
  }

  public List<CommandSpec> specs() {
    return byName.values().stream().map(Command::spec).toList();
  }

  /** The command with this name, or a localised name of it ({@code 要点}), ignoring case. */
  public Optional<Command> find(String name) {
    return Optional.ofNullable(byAnyName.get(name.toLowerCase(Locale.ROOT)));
  }
}
