package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.Passage;
import dev.kubeconbot.testing.CapturedLog;
import dev.kubeconbot.testing.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vector cache and routing around the embedding models, with a fast stand-in for the models:
 * what is embedded when, and which passages a question is searched against.
 */
class SemanticSearchTest {

  @TempDir
  Path content;
  @TempDir
  Path cache;

  private final Map<VectorLang, WordHashEncoder> encoders = Map.of(
      VectorLang.EN, new WordHashEncoder(VectorLang.EN), VectorLang.ZH, new WordHashEncoder(VectorLang.ZH));

  @BeforeEach
  void writeContent() throws IOException {
    article("upgrades", "en", "KubeCon EU 2022", 2022, "EU",
        "Organizations often run outdated versions of Kubernetes because upgrades are risky and take a lot of time.",
        "Operators keep clusters alive for years, and every upgrade needs the add-ons to be tested again first.");
    article("wasm", "en", "KubeCon NA 2020", 2020, "NA",
        "WebAssembly modules start in milliseconds, so functions can scale to zero without cold starts hurting users.",
        "The sandbox of WebAssembly keeps modules apart, which is what multi-tenant platforms need from a runtime.");
    article("mesh", "zh", "KubeCon EU 2019", 2019, "EU",
        "服务网格接口是微软在巴塞罗那宣布的一项规范，它为服务网格定义了一组通用的接口，让工具不再绑定到某一个实现上，社区反应很热烈。",
        "很多公司仍然在运行过时的 Kubernetes 版本，因为升级需要大量的测试，而且升级过程中出现问题的代价很高，运维团队往往选择等待。");
  }

  private void article(String id, String lang, String event, int year, String region, String... paragraphs)
      throws IOException {
    String front = "---\ntitle: " + id + "\nevent: " + event + "\nyear: " + year + "\nregion: " + region
        + "\nlang: " + lang + "\nsource: https://example.com/" + id + "\n---\n";
    Files.writeString(content.resolve(id + ".md"), front + String.join("\n\n", paragraphs) + "\n");
  }

  private Library load() throws Exception {
    return Library.load(Seeds.CONFIG, List.of(content));
  }

  private SemanticSearch semantic() {
    return SemanticSearch.withEncoders(cache, encoders::get);
  }

  private static int embedded(SemanticSearch semantic) {
    return (int) semantic.stats().computed();
  }

  @Test
  void embedsEveryPassageOnceThenReadsTheCacheAfterARestart() throws Exception {
    Library first = load();
    try (SemanticSearch semantic = semantic()) {
      assertThat(first.hybrid()).isFalse();
      semantic.attach(first).get();
      assertThat(first.hybrid()).isTrue();
      assertThat(embedded(semantic)).isEqualTo(first.corpus().passages().size());
      assertThat(semantic.stats().cached()).isEqualTo(first.corpus().passages().size());
      assertThat(semantic.stats().queued()).isZero();
      assertThat(semantic.stats().hybrid()).isTrue();
    }
    Library restarted = load();
    try (SemanticSearch semantic = semantic()) {
      semantic.attach(restarted).get();
      assertThat(restarted.hybrid()).isTrue();
      assertThat(embedded(semantic)).as("a restart with unchanged content embeds nothing").isZero();
      assertThat(semantic.stats().cached()).isEqualTo(restarted.corpus().passages().size());
    }
    assertThat(indexFolders()).as("the vector index is kept for the next start").hasSize(1);
  }

  @Test
  void aReloadThatChangesOneFileEmbedsOnlyItsChangedPassages() throws Exception {
    try (SemanticSearch semantic = semantic()) {
      semantic.attach(load()).get();
      int before = embedded(semantic);
      article("wasm", "en", "KubeCon NA 2020", 2020, "NA",
          "WebAssembly modules start in milliseconds, so functions can scale to zero without cold starts hurting users.",
          "Edited: the component model lets modules written in different languages call each other safely.");
      Library reloaded = load();
      semantic.attach(reloaded).get();
      List<Passage> wasm = reloaded.corpus().passages().stream().filter(p -> p.article().id().equals("wasm")).toList();
      assertThat(wasm).hasSize(2);
      assertThat(embedded(semantic) - before).as("only the passage whose text changed").isEqualTo(1);
      assertThat(reloaded.vectors().size()).isEqualTo(reloaded.corpus().passages().size());
      assertThat(indexFolders()).as("the old content's index is removed").hasSize(1);
    }
  }

  @Test
  void aChangedTextIsEmbeddedAgainAndItsOldVectorNoLongerFound() throws Exception {
    try (SemanticSearch semantic = semantic()) {
      semantic.attach(load()).get();
      article("upgrades", "en", "KubeCon EU 2022", 2022, "EU",
          "Nobody talks about service meshes any more: the platform teams simply installed one and moved on.",
          "Operators keep clusters alive for years, and every upgrade needs the add-ons to be tested again first.");
      Library changed = load();
      semantic.attach(changed).get();
      List<VectorIndex.Hit> hits = changed.vectors().search("outdated versions of Kubernetes", 5, null);
      assertThat(hits).extracting(h -> h.passage().text()).noneMatch(t -> t.contains("outdated"));
      assertThat(hits.getFirst().passage().text()).contains("service meshes");
    }
  }

  @Test
  void questionsAreSearchedAmongPassagesOfTheirOwnLanguageOnly() throws Exception {
    Library library = load();
    try (SemanticSearch semantic = semantic()) {
      semantic.attach(library).get();
      List<VectorIndex.Hit> english = library.vectors().search("Why do companies run outdated Kubernetes versions", 10, null);
      assertThat(english).isNotEmpty().allMatch(h -> h.passage().article().lang().equals("en"));
      assertThat(english.getFirst().passage().article().id()).isEqualTo("upgrades");
      List<VectorIndex.Hit> chinese = library.vectors().search("为什么公司运行过时的 Kubernetes 版本", 10, null);
      assertThat(chinese).isNotEmpty().allMatch(h -> h.passage().article().lang().equals("zh"));
      assertThat(encoders.get(VectorLang.EN).queries).hasValue(1);
      assertThat(encoders.get(VectorLang.ZH).queries).hasValue(1);
    }
  }

  @Test
  void aQuestionAskedAgainIsNotEmbeddedAgain() throws Exception {
    Library library = load();
    try (SemanticSearch semantic = semantic()) {
      semantic.attach(library).get();
      List<VectorIndex.Hit> first = library.vectors().search("Why do companies run outdated Kubernetes versions", 10, null);
      // White space the tokenizers drop anyway is not a new question.
      List<VectorIndex.Hit> again = library.vectors().search("  Why do companies run  outdated Kubernetes versions ", 10, null);
      assertThat(again).isEqualTo(first);
      assertThat(encoders.get(VectorLang.EN).queries).hasValue(1);
      assertThat(semantic.stats().queries()).isEqualTo(1);
      library.vectors().search("why do companies run outdated Kubernetes versions", 10, null);
      assertThat(encoders.get(VectorLang.EN).queries).hasValue(2);
    }
  }

  @Test
  void aQuestionsNearestPassagesAreFusedWhetherOrNotALookupThreadTookIt() throws Exception {
    Library library = load();
    try (SemanticSearch semantic = semantic()) {
      semantic.attach(library).get();
      String question = "Why do companies run outdated Kubernetes versions";
      List<SearchHit> lexical = library.search(library.plan("outdated Kubernetes versions"), Match.RANKED, null, 5);
      List<VectorIndex.Hit> nearest = library.vectors().search(question, Fusion.NEAREST, null);
      List<SearchHit> expected = Fusion.HYBRID.fuse(lexical, nearest, VectorLang.EN, VectorLang.EN.floor());
      assertThat(lexical).isNotEmpty();
      assertThat(library.nearby(question, null).fuse(lexical)).isEqualTo(expected);
      // Queued behind other questions (never picked up) or refused: the request looks it up itself.
      assertThat(Nearby.start(Fusion.HYBRID, VectorLang.EN, () -> nearest, task -> { }).fuse(lexical)).isEqualTo(expected);
      assertThat(Nearby.start(Fusion.HYBRID, VectorLang.EN, () -> nearest, task -> {
        throw new RejectedExecutionException("shut down");
      }).fuse(lexical)).isEqualTo(expected);
      TestVectors.rank(library, TestVectors.Mode.LEXICAL);
      assertThat(library.nearby(question, null).fuse(lexical)).isSameAs(lexical);
    }
  }

  @Test
  void anEditionNarrowsTheNearestPassagesLikeTheLexicalSearch() throws Exception {
    Library library = load();
    try (SemanticSearch semantic = semantic()) {
      semantic.attach(library).get();
      List<VectorIndex.Hit> na2020 = library.vectors().search("Kubernetes upgrades take time", 10, new Edition("NA", 2020));
      assertThat(na2020).isNotEmpty().allMatch(h -> h.passage().article().edition().equals(new Edition("NA", 2020)));
      assertThat(library.vectors().search("Kubernetes upgrades take time", 10, new Edition("EU", 2021))).isEmpty();
    }
  }

  @Test
  void aCacheFolderThatCannotBeWrittenStillGivesVectors() throws Exception {
    Path file = cache.resolve("not-a-folder");
    Files.writeString(file, "x");
    Library library = load();
    try (CapturedLog warnings = CapturedLog.of(VectorCache.class);
        SemanticSearch semantic = SemanticSearch.withEncoders(file, encoders::get)) {
      semantic.attach(library).get();
      assertThat(library.hybrid()).isTrue();
      assertThat(semantic.stats().cached()).isEqualTo(library.corpus().passages().size());
      assertThat(warnings.messages()).anyMatch(m -> m.contains("cannot be written") && m.contains("in memory only"));
    }
  }

  private List<Path> indexFolders() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(p -> p.getFileName().toString().startsWith("index-")).toList();
    }
  }
}
