package dev.kubeconbot.config;

/** A configuration value is missing, malformed or out of range; the message names key, value and what is allowed. */
public class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }
}
