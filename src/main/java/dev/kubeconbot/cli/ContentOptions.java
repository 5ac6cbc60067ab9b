package dev.kubeconbot.cli;

import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.search.Library;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command shares for finding content and configuration. */
final class ContentOptions {

  /** The configuration folder unless {@code --config} names another. */
  static final String DEFAULT_CONFIG = "config";

  @Option(names = "--content", paramLabel = "DIR",
      description = "Content folder (repeatable); replaces the default 'content'.")
  List<Path> content = List.of();

  @Option(names = "--config", paramLabel = "DIR", defaultValue = DEFAULT_CONFIG,
      description = "Folder with application.yaml (serve), events.yaml and glossary.yaml "
          + "(default: ${DEFAULT-VALUE}; built-in copies stand in for missing files).")
  Path config;

  List<Path> contentFolders(List<Path> defaults) {
    return content.isEmpty() ? defaults : content;
  }

  /**
   * The answer engine over the content (default: the {@code content} folder), or empty after
   * printing to {@code err} why the content cannot be loaded.
   */
  Optional<AnswerEngine> engine(PrintWriter err) {
    try {
      return Optional.of(new AnswerEngine(CommandRegistry.standard(),
          Library.load(config, contentFolders(List.of(Path.of("content"))))));
    } catch (ContentException e) {
      err.println("kubecon-bot: " + e.getMessage());
      return Optional.empty();
    }
  }
}
