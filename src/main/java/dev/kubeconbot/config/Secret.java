package dev.kubeconbot.config;

/**
 * A value that must never be printed: {@link #toString()} hides it, so it cannot leak into logs,
 * error messages or a record's {@code toString()}.
 */
public final class Secret {

  private final String value;

  public Secret(String value) {
    this.value = value;
  }

  /** The secret itself, for the one place that needs it (logging in to Discord). */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "[hidden]";
  }
}
