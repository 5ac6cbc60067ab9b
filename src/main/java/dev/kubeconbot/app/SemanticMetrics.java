package dev.kubeconbot.app;

import dev.kubeconbot.search.SemanticSearch;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;

/** The semantic search's counters as metrics, read when scraped (the search itself knows no Micrometer). */
public final class SemanticMetrics {

  private SemanticMetrics() {}

  public static void bindTo(MeterRegistry registry, SemanticSearch semantic) {
    Gauge.builder("kubecon.bot.semantic.queue", semantic, s -> s.stats().queued())
        .description("Passages waiting to be embedded").register(registry);
    Gauge.builder("kubecon.bot.semantic.vectors.cached", semantic, s -> s.stats().cached())
        .description("Passage vectors in the on-disk cache").register(registry);
    FunctionCounter.builder("kubecon.bot.semantic.vectors.computed", semantic, s -> s.stats().computed())
        .description("Passage vectors computed since start (the rest came from the cache)").register(registry);
    FunctionTimer.builder("kubecon.bot.semantic.query.embedding", semantic, s -> s.stats().queries(),
            s -> s.stats().queryNanos(), TimeUnit.NANOSECONDS)
        .description("Time to embed a question").register(registry);
    Gauge.builder("kubecon.bot.semantic.hybrid", semantic, s -> s.stats().hybrid() ? 1 : 0)
        .description("1 once questions are searched by meaning too, 0 while answers are lexical only").register(registry);
  }
}
