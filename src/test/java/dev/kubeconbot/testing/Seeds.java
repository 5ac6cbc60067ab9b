package dev.kubeconbot.testing;

import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.content.EventCalendar;
import dev.kubeconbot.search.Glossary;
import dev.kubeconbot.search.Lexicon;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.search.ShortForms;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The project's own content and configuration, loaded once for all tests that answer from them. */
public final class Seeds {

  public static final Path CONTENT = Path.of("content");
  public static final Path CONFIG = Path.of("config");

  private static Library library;

  private Seeds() {}

  public static synchronized Library library() {
    if (library == null) {
      library = load(CONTENT);
    }
    return library;
  }

  /** The articles of {@code content} with the project's configuration. */
  public static Library load(Path content) {
    try {
      return Library.load(CONFIG, List.of(content));
    } catch (ContentException e) {
      throw new IllegalStateException(content + " must load", e);
    }
  }

  public static AnswerEngine engine() {
    return new AnswerEngine(CommandRegistry.standard(), library());
  }

  public static EventCalendar calendar() {
    try (InputStream in = Files.newInputStream(CONFIG.resolve("events.yaml"))) {
      return EventCalendar.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Lexicon lexicon() {
    try (InputStream in = Files.newInputStream(CONFIG.resolve("lexicon.yaml"))) {
      return Lexicon.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ShortForms shortForms() {
    try (InputStream in = Files.newInputStream(CONFIG.resolve("shortforms.yaml"))) {
      return ShortForms.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Glossary glossary() {
    try (InputStream in = Files.newInputStream(CONFIG.resolve("glossary.yaml"))) {
      return Glossary.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
