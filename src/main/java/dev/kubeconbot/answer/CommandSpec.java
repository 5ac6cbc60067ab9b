package dev.kubeconbot.answer;

import java.util.List;

/**
 * A command's name and options. Its texts (description, example, localised names) are looked up in
 * {@link Messages} under {@code command.<name>.*}, so a front end can register it without knowing it.
 */
public record CommandSpec(String name, List<OptionSpec> options) {
  public CommandSpec {
    options = List.copyOf(options);
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

  public String optionDescription(OptionSpec option, Lang lang) {
    return Messages.get(lang, "option." + name + "." + option.name() + ".description");
  }

  public String optionLocalName(OptionSpec option, Lang lang) {
    String local = Messages.find(lang, "option." + name + "." + option.name() + ".name");
    return local == null ? option.name() : local;
  }
}
