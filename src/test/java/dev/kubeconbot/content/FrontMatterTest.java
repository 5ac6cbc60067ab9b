package dev.kubeconbot.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrontMatterTest {

  @Test
  void readsYaml() throws ContentException {
    FrontMatter.Split split = FrontMatter.split("""
        ---
        title: Wasm at KubeCon
        event: KubeCon EU 2021
        year: 2021
        region: EU
        date: 2021-05-07
        source: https://example.org/wasm
        lang: en
        tags: [wasm, runtime]
        ---
        # Heading
        Body text.
        """);
    FrontMatter meta = split.frontMatter();
    assertThat(meta.title()).isEqualTo("Wasm at KubeCon");
    assertThat(meta.event()).isEqualTo("KubeCon EU 2021");
    assertThat(meta.year()).isEqualTo(2021);
    assertThat(meta.region()).isEqualTo("EU");
    assertThat(meta.date()).isEqualTo("2021-05-07");
    assertThat(meta.source()).isEqualTo("https://example.org/wasm");
    assertThat(meta.lang()).isEqualTo("en");
    assertThat(meta.tags()).containsExactly("wasm", "runtime");
    assertThat(split.body()).isEqualTo("# Heading\nBody text.\n");
  }

  @Test
  void readsTomlAndIgnoresUnknownTables() throws ContentException {
    FrontMatter.Split split = FrontMatter.split("""
        +++
        title = "[译] KubeCon EU 2019：十大要点"
        date = 2019-05-31
        draft = true
        tags = ["SMI", "Service Mesh"]

        [header]
        image = ""
        +++

        正文。
        """);
    assertThat(split.frontMatter().title()).isEqualTo("[译] KubeCon EU 2019：十大要点");
    assertThat(split.frontMatter().date()).isEqualTo("2019-05-31");
    assertThat(split.frontMatter().tags()).containsExactly("SMI", "Service Mesh");
    assertThat(split.body()).isEqualTo("\n正文。\n");
  }

  @Test
  void withoutFrontMatterTheWholeTextIsBody() throws ContentException {
    String text = "# Title\n\n---\n\nA thematic break above is not front matter.\n";
    FrontMatter.Split split = FrontMatter.split(text);
    assertThat(split.frontMatter()).isEqualTo(FrontMatter.EMPTY);
    assertThat(split.body()).isEqualTo(text);
  }

  @Test
  void brokenFrontMatterSaysWhy() {
    assertThatThrownBy(() -> FrontMatter.split("---\ntitle: [unclosed\n---\nbody\n"))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> FrontMatter.split("+++\ntitle = \n+++\nbody\n"))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("not valid TOML");
    assertThatThrownBy(() -> FrontMatter.split("---\ntitle: never closed\nbody\n"))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("never closed");
    assertThatThrownBy(() -> FrontMatter.split("---\nyear: soon\n---\nbody\n"))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("'year'")
        .hasMessageContaining("soon");
  }
}
