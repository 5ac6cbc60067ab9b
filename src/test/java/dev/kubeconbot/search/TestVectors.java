package dev.kubeconbot.search;

import dev.kubeconbot.content.Passage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The real embedding models for tests, loaded at most once per test JVM, with one vector cache under
 * {@code target/} shared by every test: a library of the same passages is embedded once per build
 * (and once per checkout while {@code target/} stays).
 */
public final class TestVectors {

  private static final Path CACHE = Path.of("target", "test-vectors");
  private static SemanticSearch semantic;
  /** The semantic search of the last {@link #syntheticHybrid} library. */
  private static SemanticSearch synthetic;

  private TestVectors() {}

  /** Gives {@code library} its vectors and returns it, hybrid. */
  public static synchronized Library hybrid(Library library) {
    semantic().index(library, 2, (done, total) -> {});
    return library;
  }

  static synchronized Encoder model(VectorLang lang) {
    return semantic().encoder(lang);
  }

  /** Loads the models of the languages of {@code library}'s articles. */
  public static synchronized void loadModels(Library library) {
    languages(library).forEach(TestVectors::model);
  }

  /** Embeds every passage of {@code library} afresh into a new cache in {@code folder}; how many were embedded. */
  public static int embedUncached(Library library, Path folder, int threads) {
    try (SemanticSearch fresh = SemanticSearch.open(folder)) {
      fresh.index(library, threads, (done, total) -> {});
      return (int) fresh.stats().computed();
    }
  }

  /**
   * Gives {@code library} vectors without embedding its passages (for a corpus too large to embed in
   * a benchmark): each is the normalised sum of the real vectors of two passages of {@code pool},
   * chosen at random, plus a little noise, written to a cache in {@code folder}; then the vector index
   * is built from that cache as the bot builds it.
   */
  public static void syntheticHybrid(Library library, Library pool, Path folder, long seed) {
    hybrid(pool);
    Random random = new Random(seed);
    for (VectorLang lang : languages(library)) {
      List<float[]> real = new ArrayList<>();
      try (VectorCache source = VectorCache.open(CACHE, lang.model(), lang.dimension())) {
        pool.corpus().passages().stream().filter(p -> VectorLang.ofArticle(p.article().lang()) == lang)
            .map(p -> source.get(VectorCache.Key.of(p.text()))).forEach(real::add);
      }
      try (VectorCache target = VectorCache.open(folder, lang.model(), lang.dimension())) {
        for (Passage passage : library.corpus().passages()) {
          if (VectorLang.ofArticle(passage.article().lang()) == lang) {
            target.put(VectorCache.Key.of(passage.text()), mix(real.get(random.nextInt(real.size())),
                real.get(random.nextInt(real.size())), random));
          }
        }
      }
    }
    synthetic = SemanticSearch.open(folder);
    synthetic.index(library, 2, (done, total) -> {});
  }

  /** Whether the last {@link #syntheticHybrid} library keeps question vectors (as the bot does) or embeds every question afresh. */
  public static synchronized void cacheQuestions(boolean cache) {
    synthetic.keepQuestions(cache ? SemanticSearch.QUESTIONS_KEPT : 0);
  }

  private static float[] mix(float[] a, float[] b, Random random) {
    float[] v = new float[a.length];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = a[i] + b[i] + (float) (0.02 * random.nextGaussian());
      norm += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }

  private static Set<VectorLang> languages(Library library) {
    Set<VectorLang> languages = EnumSet.noneOf(VectorLang.class);
    library.corpus().articles().forEach(a -> {
      VectorLang lang = VectorLang.ofArticle(a.lang());
      if (lang != null) {
        languages.add(lang);
      }
    });
    return languages;
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
    /** Reciprocal rank fusion, measured beside the blend. */
    RECIPROCAL(new Fusion.ReciprocalRank(10)),
    /** The bot as shipped: the calibrated linear blend. */
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
