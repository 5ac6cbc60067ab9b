package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzersTest {

  private static List<String> terms(org.apache.lucene.analysis.Analyzer analyzer, String text) {
    return Analyzers.tokens(analyzer, "f", text).stream().map(Analyzers.Token::term).toList();
  }

  @Test
  void segmentsChineseIntoWords() {
    List<String> words = terms(Analyzers.words(), "服务网格接口公布了");
    assertThat(words).contains("服务", "网格", "接口");
    assertThat(words).doesNotContain("服务网格接口公布了");
  }

  @Test
  void wordsAnalysisStemsEnglishAndDropsPunctuation() {
    assertThat(terms(Analyzers.words(), "Clusters, scaling!")).containsExactly("cluster", "scale");
  }

  @Test
  void bigramsCoverEveryPairOfChineseCharacters() {
    assertThat(terms(Analyzers.bigrams(), "可观测性")).containsExactly("可观", "观测", "测性");
  }

  @Test
  void bigramsStemEnglishAndDropStopWords() {
    assertThat(terms(Analyzers.bigrams(), "The observability of clusters")).containsExactly("observ", "cluster");
  }

  @Test
  void fullWidthLettersMatchHalfWidth() {
    assertThat(terms(Analyzers.bigrams(), "ＷＡＳＭ")).containsExactly("wasm");
  }
}
