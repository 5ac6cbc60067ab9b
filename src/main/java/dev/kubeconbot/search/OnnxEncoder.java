package dev.kubeconbot.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A BGE small model in process through ONNX Runtime: the quantised weights and tokenizer come from
 * the langchain4j model jars on the class path, nothing is downloaded. The only class that touches
 * ONNX Runtime, so that with semantic search off it is never loaded.
 *
 * <p>The session runs each inference on the calling thread (one intra-op thread): the bot shares two
 * cores with request handling, and bulk embedding gets its parallelism from several callers instead.
 */
final class OnnxEncoder implements Encoder {

  static {
    // DJL unpacks its tokenizer library into a cache folder, by default under the home folder, which a
    // container may not have or may not let us write; and it must never try the network.
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", System.getProperty("java.io.tmpdir") + "/kubecon-bot-djl");
    }
    System.setProperty("ai.djl.offline", "true");
  }

  private final VectorLang lang;
  private final Model model;

  /** langchain4j's BERT pooling and normalisation over our own session (its own would use every core). */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }
  }

  private OnnxEncoder(VectorLang lang, Model model) {
    this.lang = lang;
    this.model = model;
  }

  /** Loads the model of {@code lang} (about half a second each); it stays loaded for the life of the process. */
  static OnnxEncoder load(VectorLang lang) {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    Path weights = null;
    // The session copies its options, so they can be closed once it exists.
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        InputStream tokenizer = resource(lang.model() + "-tokenizer.json")) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // Without its arena, ONNX Runtime gives memory back after each inference instead of keeping
      // the peak of the longest passage: less resident memory for a little time per inference.
      options.setCPUArenaAllocator(false);
      options.setMemoryPatternOptimization(false);
      // From a file rather than a byte array: the weights (24–34 MB) never pass through the heap,
      // which would keep the room they took.
      weights = Files.createTempFile("kubecon-bot-" + lang.model(), ".onnx");
      try (InputStream in = resource(lang.model() + ".onnx")) {
        Files.copy(in, weights, StandardCopyOption.REPLACE_EXISTING);
      }
      OrtSession session = environment.createSession(weights.toString(), options);
      return new OnnxEncoder(lang, new Model(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS)));
    } catch (IOException e) {
      throw new UncheckedIOException("the " + lang.model() + " model cannot be read", e);
    } catch (OrtException e) {
      throw new IllegalStateException("the " + lang.model() + " model cannot be loaded: " + e.getMessage(), e);
    } finally {
      deleteQuietly(weights);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file: the system cleans its temporary folder
      }
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = OnnxEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path");
    }
    return in;
  }

  @Override
  public VectorLang lang() {
    return lang;
  }

  @Override
  public float[] passage(String text) {
    return model.embed(text).content().vector();
  }

  @Override
  public float[] query(String text) {
    return model.embed(lang.queryPrefix() + text).content().vector();
  }
}
