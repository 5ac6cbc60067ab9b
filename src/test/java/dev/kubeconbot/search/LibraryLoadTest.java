package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A persisted load opens the index once the calendar is read and waits for the other configuration
 * files only then: one that cannot be parsed still stops the load, and leaves nothing open.
 */
class LibraryLoadTest {

  @TempDir
  Path folder;

  private Library load(Path config, Library.Memory memory) throws ContentException {
    return Library.loadPersisted(config, List.of(Seeds.CONTENT), ContentLoader.DEFAULT_MAX_FILE_BYTES,
        folder.resolve("index"), memory);
  }

  @Test
  void aLexiconThatCannotBeParsedStopsTheLoadAndLeavesTheFolderToTheNextLoad() throws Exception {
    Path config = Files.createDirectories(folder.resolve("config"));
    for (String name : List.of("events.yaml", "glossary.yaml", "shortforms.yaml")) {
      Files.copy(Seeds.CONFIG.resolve(name), config.resolve(name));
    }
    Files.writeString(config.resolve("lexicon.yaml"), "entries: [not, a, map\n");
    Library.Memory memory = new Library.Memory(new ContentLoader.Memory());

    assertThatThrownBy(() -> load(config, memory)).isInstanceOf(ContentException.class)
        .hasMessageStartingWith("configuration cannot be read: " + config.resolve("lexicon.yaml") + ": ");

    // Whatever the refused load opened was closed, not kept as the live index: a load with good files opens the folder.
    Files.copy(Seeds.CONFIG.resolve("lexicon.yaml"), config.resolve("lexicon.yaml"), StandardCopyOption.REPLACE_EXISTING);
    try (Library library = load(config, memory)) {
      assertThat(library.corpus().articles()).hasSize(5);
      assertThat(library.lexicon().size()).isGreaterThan(1000);
    }
  }

  @Test
  void aCalendarThatCannotBeParsedStopsTheLoadBeforeTheContentIsRead() throws Exception {
    Path config = Files.createDirectories(folder.resolve("config"));
    Files.writeString(config.resolve("events.yaml"), "regions: {EU: [oops\n");
    Library.Memory memory = new Library.Memory(new ContentLoader.Memory());
    assertThatThrownBy(() -> load(config, memory)).isInstanceOf(ContentException.class)
        .hasMessageStartingWith("configuration cannot be read: " + config.resolve("events.yaml") + ": ");
    assertThat(folder.resolve("index")).doesNotExist();
  }
}
