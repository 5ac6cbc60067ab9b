package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.content.EventCalendar;
import dev.kubeconbot.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The configuration files read from their YAML tree ({@link dev.kubeconbot.content.YamlTree}) mean
 * what the records' databinding reads from them: each bundled file against a copy that the tree
 * reading leaves to the databinding (a value YAML does not type as text), meaning the same.
 */
class UsualShapeReadTest {

  private static String bundled(String name) throws IOException {
    return Files.readString(Seeds.CONFIG.resolve(name));
  }

  private static InputStream in(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theEventsReadTheSameEitherWay() throws IOException {
    String usual = bundled("events.yaml");
    // A quoted year is a string to YAML: the databinding reads it, and makes the same number of it.
    String quoted = usual.replaceAll("year: (\\d{4})", "year: \"$1\"");
    assertThat(quoted).isNotEqualTo(usual);
    EventCalendar tree = EventCalendar.read(in(usual));
    EventCalendar records = EventCalendar.read(in(quoted));
    assertThat(tree.events()).isNotEmpty().isEqualTo(records.events());
    assertThat(tree.regions()).isEqualTo(records.regions());
    assertThat(tree.editionIn("巴伦西亚 见闻")).isEqualTo(records.editionIn("巴伦西亚 见闻"));
  }

  @Test
  void theGlossaryReadsTheSameEitherWay() throws IOException {
    String usual = bundled("glossary.yaml");
    // An explicit null Chinese name is no Chinese name, as a missing one.
    String withNull = usual.replaceFirst("\\{name: WebAssembly, ", "{name: WebAssembly, zh: ~, ");
    assertThat(withNull).isNotEqualTo(usual);
    assertThat(Glossary.read(in(usual)).topics()).isNotEmpty().isEqualTo(Glossary.read(in(withNull)).topics());
  }

  @Test
  void theShortFormsReadTheSameEitherWay() throws IOException {
    String usual = bundled("shortforms.yaml");
    // A number is not text to YAML: the databinding reads the file, and the number as its digits.
    ShortForms tree = ShortForms.read(in(usual));
    ShortForms records = ShortForms.read(in(usual + "  zzz: 123\n"));
    assertThat(records.size()).isEqualTo(tree.size() + 1);
    String text = "how many ppl and orgs couldnt come, zzz";
    assertThat(tree.expand(text)).isNotEqualTo(text);
    assertThat(records.expand(text)).isEqualTo(tree.expand(text).replace("zzz", "123"));
  }
}
