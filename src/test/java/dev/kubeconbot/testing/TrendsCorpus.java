package dev.kubeconbot.testing;

import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.search.Library;
import java.nio.file.Path;

/**
 * The test-only corpus of {@code src/test/resources/trends}: four editions in which service mesh
 * fades after 2020, WebAssembly and platform engineering are new at EU 2022, and a made-up project,
 * Kubeflux, is named in three EU 2022 articles. Loaded once.
 */
public final class TrendsCorpus {

  public static final Path CONTENT = Path.of("src/test/resources/trends");

  private static Library library;

  private TrendsCorpus() {}

  public static synchronized Library library() {
    if (library == null) {
      library = Seeds.load(CONTENT);
    }
    return library;
  }

  public static AnswerEngine engine() {
    return new AnswerEngine(CommandRegistry.standard(), library());
  }
}
