package dev.kubeconbot.search;

import dev.kubeconbot.content.Scripts;
import java.util.Locale;

/**
 * The languages with an embedding model. The BGE small models are not cross-lingual (an English
 * question's vector lands among Chinese URLs and front matter), so a passage is embedded with the
 * model of its article's language, a question with the model of its own language, and searched
 * against passages of that language only; the lexicon stays the bridge between languages.
 *
 * @param model the model's name: the stem of its ONNX and tokenizer resources, and of its cache file
 * @param dimension floats per vector
 * @param queryPrefix the instruction BGE puts before a retrieval query (passages get none)
 * @param floor see {@link #floor()}
 */
enum VectorLang {
  EN("bge-small-en-v1.5-q", 384, "Represent this sentence for searching relevant passages: ", 0.60),
  ZH("bge-small-zh-v1.5-q", 512, "为这个句子生成表示以用于检索相关文章：", 0.50);

  private final String model;
  private final int dimension;
  private final String queryPrefix;
  private final double floor;

  VectorLang(String model, int dimension, String queryPrefix, double floor) {
    this.model = model;
    this.dimension = dimension;
    this.queryPrefix = queryPrefix;
    this.floor = floor;
  }

  /**
   * The cosine similarity a passage found by meaning alone must reach to be quoted: each model has
   * its own scale. Set just above the best match of questions the corpus cannot answer ("how do I
   * bake sourdough bread", "what time is it in tokyo": up to 0.58 in English, 0.49 in Chinese), so
   * that nearest neighbours never pad an answer; lower floors found more paraphrases on the tune split.
   */
  double floor() {
    return floor;
  }

  String model() {
    return model;
  }

  int dimension() {
    return dimension;
  }

  String queryPrefix() {
    return queryPrefix;
  }

  /** The Lucene field holding this language's vectors (the dimensions differ, so one field each). */
  String field() {
    return "vector_" + name().toLowerCase(Locale.ROOT);
  }

  /** The model for an article's {@code lang} ({@code zh}, {@code zh-TW}, {@code en-US} …), or {@code null} for none. */
  static VectorLang ofArticle(String lang) {
    String lower = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
    if (lower.startsWith("zh")) {
      return ZH;
    }
    return lower.startsWith("en") ? EN : null;
  }

  /** Chinese when a question has Chinese characters, else English, as answers choose their language. */
  static VectorLang ofQuery(String text) {
    return Scripts.hasHan(text) ? ZH : EN;
  }
}
