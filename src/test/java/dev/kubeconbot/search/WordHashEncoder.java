package dev.kubeconbot.search;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the embedding models in tests that are about caching and routing, not about
 * meaning: each word (or Chinese character) adds to one hashed dimension, so texts sharing words are
 * near. Counts its calls.
 */
final class WordHashEncoder implements Encoder {

  private static final Pattern WORD = Pattern.compile("\\p{IsHan}|[\\p{L}\\p{N}]+");

  private final VectorLang lang;
  final AtomicInteger passages = new AtomicInteger();
  final AtomicInteger queries = new AtomicInteger();

  WordHashEncoder(VectorLang lang) {
    this.lang = lang;
  }

  @Override
  public VectorLang lang() {
    return lang;
  }

  @Override
  public float[] passage(String text) {
    passages.incrementAndGet();
    return vector(text);
  }

  @Override
  public float[] query(String text) {
    queries.incrementAndGet();
    return vector(text);
  }

  private float[] vector(String text) {
    float[] v = new float[lang.dimension()];
    v[0] = 0.1f;
    Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (words.find()) {
      v[1 + Math.floorMod(words.group().hashCode(), v.length - 1)] += 1;
    }
    double norm = 0;
    for (float f : v) {
      norm += f * f;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }
}
