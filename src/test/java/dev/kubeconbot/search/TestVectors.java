package dev.kubeconbot.search;

import java.nio.file.Path;

/**
 * The real embedding models for tests, loaded at most once per test JVM, with one vector cache under
 * {@code target/} shared by every test: a library of the same passages is embedded once per build
 * (and once per checkout while {@code target/} stays).
 */
public final class TestVectors {

  private static final Path CACHE = Path.of("target", "test-vectors");
  private static SemanticSearch semantic;

  private TestVectors() {}

  /** Gives {@code library} its vectors and returns it, hybrid. */
  public static synchronized Library hybrid(Library library) {
    semantic().index(library, 2, (done, total) -> {});
    return library;
  }

  static synchronized Encoder model(VectorLang lang) {
    return semantic().encoder(lang);
  }

  private static SemanticSearch semantic() {
    if (semantic == null) {
      semantic = SemanticSearch.open(CACHE);
    }
    return semantic;
  }

  /** The ways {@code /ask} can rank, for the eval to compare. */
  public enum Mode {
    LEXICAL(new Fusion.LexicalOnly()),
    SEMANTIC(new Fusion.SemanticOnly()),
    /** The calibrated linear blend, measured beside reciprocal rank fusion. */
    LINEAR(new Fusion.Linear(0.5)),
    /** The bot as shipped: reciprocal rank fusion. */
    HYBRID(Fusion.HYBRID);

    private final Fusion fusion;

    Mode(Fusion fusion) {
      this.fusion = fusion;
    }
  }

  /** Makes {@code library} answer questions the given way from now on. */
  public static void rank(Library library, Mode mode) {
    library.fuseWith(mode.fusion);
  }
}
