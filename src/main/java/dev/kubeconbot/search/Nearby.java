package dev.kubeconbot.search;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * A question's nearest passages by meaning, looked up on another thread while its lexical search
 * runs on the request's: embedding the question takes longer than the whole lexical search, and the
 * two need different cores, not one after the other. Obtained from {@link Library#nearby}.
 */
public final class Nearby {

  private static final Nearby NONE = new Nearby(new Fusion.LexicalOnly(), VectorLang.EN, null);

  private final Fusion way;
  private final VectorLang lang;
  /** {@code null} when there is nothing to look up (no vectors, or answers are lexical only). */
  private final FutureTask<List<VectorIndex.Hit>> nearest;

  private Nearby(Fusion way, VectorLang lang, FutureTask<List<VectorIndex.Hit>> nearest) {
    this.way = way;
    this.lang = lang;
    this.nearest = nearest;
  }

  /** Nothing nearby: fusing returns the lexical hits as they are. */
  static Nearby none() {
    return NONE;
  }

  /**
   * Starts {@code lookup} on {@code threads}. A lookup still queued when its request needs it is run
   * by the request itself, so that when every lookup thread is busy a question waits for no one else's.
   */
  static Nearby start(Fusion way, VectorLang lang, Callable<List<VectorIndex.Hit>> lookup, Executor threads) {
    FutureTask<List<VectorIndex.Hit>> task = new FutureTask<>(lookup);
    try {
      threads.execute(task);
    } catch (RejectedExecutionException e) {
      // shut down (a closed semantic search whose library is still answering): fuse runs it here
    }
    return new Nearby(way, lang, task);
  }

  /**
   * {@code lexical} fused with the nearest passages (see {@link Fusion}); waits for the lookup if it is
   * still running, and runs it here if it has not started.
   *
   * @param lexical the lexical hits that passed the command's policy, best first
   */
  public List<SearchHit> fuse(List<SearchHit> lexical) {
    if (nearest == null) {
      return lexical;
    }
    nearest.run(); // does nothing if a lookup thread has started it
    try {
      return way.fuse(lexical, nearest.get(), lang, lang.floor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return lexical;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("searching by meaning failed", e.getCause());
    }
  }
}
