package dev.kubeconbot.answer;

import java.util.List;
import java.util.function.Supplier;

/** {@code /help}: what each command does, with an example, in the user's language. */
public final class HelpCommand implements Command {

  private final Supplier<List<CommandSpec>> commands;

  /** {@code commands} lists every registered command, this one included, when help is asked. */
  public HelpCommand(Supplier<List<CommandSpec>> commands) {
    this.commands = commands;
  }

  @Override
  public CommandSpec spec() {
    return new CommandSpec("help", List.of());
  }

  @Override
  public Answer answer(Invocation call) {
    StringBuilder text = new StringBuilder();
    for (CommandSpec command : commands.get()) {
      text.append(command.example(call.lang())).append(" — ").append(command.description(call.lang())).append('\n');
    }
    text.append('\n').append(call.text("help.messages"));
    return Answer.guidance("help", call.query(), call.text("help.heading"), text.toString());
  }
}
