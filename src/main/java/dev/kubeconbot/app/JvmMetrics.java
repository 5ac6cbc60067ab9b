package dev.kubeconbot.app;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.lang.management.ManagementFactory;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The JVM's own metrics: memory, GC, threads, class loading, uptime and CPU, under the names
 * Prometheus users know ({@code jvm_*}, {@code process_*}).
 */
final class JvmMetrics implements AutoCloseable {

  private final JvmGcMetrics gc = new JvmGcMetrics();

  private JvmMetrics() {}

  /**
   * Prometheus conventions for what libraries register under names of their own, set before any
   * meter is: the answer cache's meters ({@code cache.*}, from Micrometer's Caffeine binder) under
   * the application's prefix, and the process CPU time in seconds ({@link #bindTo}) rather than
   * Micrometer's nanoseconds.
   */
  static void nameByConvention(MeterRegistry registry) {
    registry.config()
        .meterFilter(new MeterFilter() {
          @Override
          public Meter.Id map(Meter.Id id) {
            return id.getName().startsWith("cache.") ? id.withName("kubecon.bot." + id.getName()) : id;
          }
        })
        .meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
  }

  static JvmMetrics bindTo(MeterRegistry registry) {
    JvmMetrics metrics = new JvmMetrics();
    new JvmMemoryMetrics().bindTo(registry);
    metrics.gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    // process_cpu_seconds_total, as every Prometheus client library names it.
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9)
          .baseUnit("seconds")
          .description("CPU time used by the process")
          .register(registry);
    }
    return metrics;
  }

  /** Stops listening for GC notifications. */
  @Override
  public void close() {
    gc.close();
  }
}
