package dev.kubeconbot.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which build of the bot this is, for files the bot saves from its own computations (parsed articles, warm state):
 * a file saved by another build is computed again instead of trusted, since the code that made it may have changed
 * without anyone bumping the file's format number. The Lucene index is not keyed by it: its key is the passages'
 * fingerprints, so an upgrade whose parser makes the same passages keeps the index.
 */
public final class Build {

  private static final String ID = read();

  private Build() {}

  /** This build's version and build time, e.g. {@code 0.1.0-SNAPSHOT 2026-12-01T15:30:00Z}; the same for every call. */
  public static String id() {
    return ID;
  }

  private static String read() {
    Properties properties = new Properties();
    try (InputStream in = Build.class.getResourceAsStream("/kubecon-bot-build.properties")) {
      if (in == null) {
        throw new IllegalStateException("kubecon-bot-build.properties is missing from the classpath: build with Maven");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version") + " " + properties.getProperty("built");
  }
}
