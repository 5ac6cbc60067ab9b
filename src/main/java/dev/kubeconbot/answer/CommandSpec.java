package dev.kubeconbot.answer;

import java.util.List;
import java.util.Optional;

/**
 * A command's name and options. Its texts (description, example, localised names) are looked up in
 * {@link Messages} under {@code command.<name>.*}, so a front end can register it without knowing it.
 *
 * @param slow whether its answer takes long to make or send (a chart to draw and upload), so that a
 *     front end acknowledges the request at once instead of waiting for the answer
 */
public record CommandSpec(String name, List<OptionSpec> options, boolean slow) {
  public CommandSpec {
    options = List.copyOf(options);
  }

  /** A command answered in milliseconds, the usual case. */
  public CommandSpec(String name, List<OptionSpec> options) {
    this(name, options, false);
  }

  /** A command whose answer is slow to make or send. */
  public static CommandSpec slow(String name, List<OptionSpec> options) {
    return new CommandSpec(name, options, true);
  }

  public String description(Lang lang) {
    return Messages.get(lang, "command." + name + ".description");
  }

  /** The command's name in {@code lang} ({@code 要点} for takeaways in Chinese), or its name. */
  public String localName(Lang lang) {
    String local = Messages.find(lang, "command." + name + ".name");
    return local == null ? name : local;
  }

  public String example(Lang lang) {
    return Messages.get(lang, "command." + name + ".example");
  }

  /** The example, if the command has one in {@code lang}. */
  public Optional<String> findExample(Lang lang) {
    return Optional.ofNullable(Messages.find(lang, "command." + name + ".example"));
  }

  public String optionDescription(OptionSpec option, Lang lang) {
    return Messages.get(lang, "option." + name + "." + option.name() + ".description");
  }

  public String optionLocalName(OptionSpec option, Lang lang) {
    String local = Messages.find(lang, "option." + name + "." + option.name() + ".name");
    return local == null ? option.name() : local;
  }
}
