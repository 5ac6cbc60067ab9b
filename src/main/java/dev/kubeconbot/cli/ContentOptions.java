package dev.kubeconbot.cli;

import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.search.Library;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command shares for finding content and configuration. */
final class ContentOptions {

  @Option(names = "--content", paramLabel = "DIR",
      description = "Content folder (repeatable); replaces the default 'content'.")
  List<Path> content = List.of();

  @Option(names = "--config", paramLabel = "DIR", defaultValue = "config",
      description = "Folder with application.yaml (serve), events.yaml and glossary.yaml "
          + "(default: ${DEFAULT-VALUE}; built-in copies stand in for missing files).")
  Path config;

  List<Path> contentFolders(List<Path> defaults) {
    return content.isEmpty() ? defaults : content;
  }

  Library load(List<Path> defaults) throws ContentException {
    return Library.load(config, contentFolders(defaults));
  }
}
