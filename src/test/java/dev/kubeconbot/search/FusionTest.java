package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.content.Article;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How lexical hits and nearest passages become one ranking, and the floor that keeps weak neighbours out. */
class FusionTest {

  private static final Article EN = article("en-recap", "en");
  private static final Article ZH = article("zh-recap", "zh");
  private static final Passage A = new Passage(0, EN, "", "a");
  private static final Passage B = new Passage(1, EN, "", "b");
  private static final Passage C = new Passage(2, EN, "", "c");
  private static final Passage D = new Passage(3, EN, "", "d");
  private static final Passage CHINESE = new Passage(4, ZH, "", "中");
  private static final double FLOOR = 0.6;

  private static Article article(String id, String lang) {
    return new Article(id, id + ".md", id, "https://example.com/" + id, new Edition("EU", 2024), lang, List.of(), List.of());
  }

  private static SearchHit lexical(Passage passage, float score) {
    return new SearchHit(passage, score, 1.0);
  }

  private static VectorIndex.Hit near(Passage passage, double similarity) {
    return new VectorIndex.Hit(passage, (float) similarity);
  }

  private static List<Passage> passages(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::passage).toList();
  }

  @Test
  void reciprocalRankFusionPutsWhatBothFindFirst() {
    List<SearchHit> fused = new Fusion.ReciprocalRank(10).fuse(
        List.of(lexical(A, 9), lexical(B, 8), lexical(C, 7)),
        List.of(near(C, 0.8), near(D, 0.7), near(A, 0.65)), VectorLang.EN, FLOOR);
    // A: 1/11 + 1/13, C: 1/13 + 1/11 (equal: corpus order), then B (lexical 2nd) and D (semantic 2nd) tie: corpus order.
    assertThat(passages(fused)).containsExactly(A, C, B, D);
    assertThat(fused.get(3).coverage()).as("found by meaning only").isZero();
    assertThat(fused.getFirst().coverage()).isEqualTo(1.0);
  }

  @Test
  void aPassageFoundByMeaningOnlyMustClearTheFloor() {
    List<VectorIndex.Hit> weak = List.of(near(D, 0.59), near(C, 0.4));
    assertThat(new Fusion.ReciprocalRank(10).fuse(List.of(), weak, VectorLang.EN, FLOOR)).isEmpty();
    assertThat(new Fusion.Linear(0.5).fuse(List.of(), weak, VectorLang.EN, FLOOR)).isEmpty();
    assertThat(new Fusion.SemanticOnly().fuse(List.of(), weak, VectorLang.EN, FLOOR)).isEmpty();
    // A lexical hit needs no floor: its weak similarity only adds to it.
    assertThat(passages(new Fusion.ReciprocalRank(10).fuse(List.of(lexical(C, 3)), weak, VectorLang.EN, FLOOR)))
        .containsExactly(C);
    assertThat(passages(new Fusion.SemanticOnly().fuse(List.of(), List.of(near(D, 0.61)), VectorLang.EN, FLOOR)))
        .containsExactly(D);
  }

  @Test
  void aLexicalHitInTheOtherLanguageIsNotPushedDownByWhatTheModelsCannotSee() {
    List<SearchHit> fused = new Fusion.ReciprocalRank(10).fuse(
        List.of(lexical(CHINESE, 5), lexical(B, 4)), List.of(near(A, 0.9), near(B, 0.8)), VectorLang.EN, FLOOR);
    assertThat(passages(fused)).containsExactly(CHINESE, B, A);
  }

  @Test
  void theLinearBlendWeighsLexicalShareAgainstSimilarityAboveTheFloor() {
    // A: 0.5 * 1 + 0.5 * 0 (not near); B: 0.5 * 0.5 + 0.5 * (0.9 - 0.6) / 0.4 = 0.625; D: 0.5 * 0.25 = 0.125.
    List<SearchHit> fused = new Fusion.Linear(0.5).fuse(List.of(lexical(A, 10), lexical(B, 5)),
        List.of(near(B, 0.9), near(D, 0.7)), VectorLang.EN, FLOOR);
    assertThat(passages(fused)).containsExactly(B, A, D);
    assertThat(fused.getFirst().score()).isCloseTo(0.625f, org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void lexicalOnlyIgnoresTheNeighbours() {
    List<SearchHit> lexical = List.of(lexical(B, 2), lexical(A, 1));
    assertThat(new Fusion.LexicalOnly().fuse(lexical, List.of(near(C, 0.99)), VectorLang.EN, FLOOR)).isEqualTo(lexical);
  }
}
