package dev.kubeconbot.answer;

import java.util.List;

/**
 * One option of a command, as every front end presents it.
 *
 * @param name the option name ({@code year}); its texts live under {@code option.<command>.<name>.*}
 * @param type what kind of value it takes
 * @param required whether the command needs it
 * @param autocomplete whether values are suggested while typing
 * @param choices the only values allowed, if the list is not empty
 * @param min smallest allowed integer, or {@code null}
 * @param max largest allowed integer, or {@code null}
 */
public record OptionSpec(
    String name, Type type, boolean required, boolean autocomplete, List<String> choices, Integer min, Integer max) {

  public enum Type { TEXT, INTEGER, BOOLEAN }

  public OptionSpec {
    choices = List.copyOf(choices);
  }

  public static OptionSpec text(String name, boolean required, boolean autocomplete) {
    return new OptionSpec(name, Type.TEXT, required, autocomplete, List.of(), null, null);
  }
}
