package dev.kubeconbot.content;

/** A content file that was not loaded, and why. */
public record SkippedFile(String file, String reason) {}
