package dev.kubeconbot.answer;

/** An autocomplete suggestion: what the user sees and the value the option gets. */
public record Choice(String label, String value) {}
