package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kubeconbot.render.AnswerJson;
import dev.kubeconbot.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 10,000 generated queries through the engine, each must get an answer with quotes or a message and
 * never an exception: random Unicode with long Chinese runs (beyond Lucene's 1,024-clause limit when
 * unbounded), bytes that are not UTF-8, Lucene syntax, and command prefixes with absurd numbers.
 * Seeded, so a failure names the seed and the query's number and reproduces with
 * {@code -Dfuzz.seed=…}.
 */
class QueryFuzzTest {

  private static final int QUERIES = 10_000;
  private static final long SEED = Long.getLong("fuzz.seed", 20261101L);
  private static final List<String> PREFIXES = List.of("", "/topic ", "/trend ", "/ask ", "/takeaways ", "/trends ",
      "takeaways ", "topic ", "trend ", "/sources ", "/help ", "/", "//", "/nonsense ", "要点 ", "话题 ");
  private static final List<String> SYNTAX = List.of("AND", "OR", "NOT", "(", ")", "\"", "*:*", "~2", "^3", "title:",
      "[a TO z]", "{}", "\\", "||", "&&", "?", "*", "-", "+", "/.*/", "%", "%25", "%zz", "\u0000", "\u202e",
      "<@everyone>", "@here", "```", "\r\n", "\t");
  private static final List<String> NUMBERS = List.of("2019", "0", "-1", "99999999999999999999", "2147483648",
      "-2147483649", "1e309", "NaN", "0x7e3", "２０１９", "٢٠١٩", "2019.5", "00002019", "9".repeat(400));
  private static final List<String> WORDS = List.of("wasm", "kubernetes", "可观测性", "服务网格", "GitOps", "eBPF",
      "2021", "EU", "China", "巴塞罗那", "vs", "what", "的", "吗");

  private final AnswerEngine engine = Seeds.engine();

  @Test
  void everyGeneratedQueryGetsAnAnswerOrAMessage() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < QUERIES; i++) {
      String query = query(random);
      Lang lang = random.nextInt(4) == 0 ? null : Lang.values()[random.nextInt(Lang.values().length)];
      try {
        Answer answer = random.nextInt(5) == 0 ? slash(random, query, lang) : engine.answer(query, lang);
        assertThat(answer).isNotNull();
        assertThat(answer.foundNothing() ? answer.message() : "quotes or articles").isNotBlank();
        AnswerJson.of(answer);
      } catch (RuntimeException | AssertionError e) {
        fail("query " + i + " of seed " + SEED + " (" + query.length() + " chars, starts '"
            + query.substring(0, Math.min(80, query.length())) + "') failed", e);
      }
    }
  }

  @Test
  void fiveHundredEighteenDistinctChineseCharactersAreAnswered() {
    StringBuilder text = new StringBuilder();
    for (char c = '\u4e00'; text.length() < 518; c += 3) {
      text.append(c);
    }
    for (String command : List.of("", "/topic ", "/trend ", "/ask ")) {
      Answer answer = engine.answer(command + text, Lang.ZH_CN);
      assertThat(answer.foundNothing() ? answer.message() : "quotes or articles").isNotBlank();
    }
  }

  /** A slash command with its options already split, as Discord sends them. */
  private Answer slash(SplittableRandom random, String text, Lang lang) {
    return switch (random.nextInt(4)) {
      case 0 -> engine.answer("topic", Map.of("name", text), "/topic", lang == null ? Lang.EN : lang);
      case 1 -> engine.answer("trend", Map.of("topic", text), "/trend", lang == null ? Lang.EN : lang);
      case 2 -> engine.answer("takeaways", Map.of("year", pick(random, NUMBERS), "region", text), "/takeaways",
          lang == null ? Lang.EN : lang);
      default -> engine.answer("ask", Map.of("question", text), "/ask", lang == null ? Lang.EN : lang);
    };
  }

  private static String query(SplittableRandom random) {
    StringBuilder query = new StringBuilder(pick(random, PREFIXES));
    if (random.nextInt(40) == 0) {
      // Rarer than the rest only because each such query searches hundreds of words.
      query.append(hanRun(random, 500 + random.nextInt(501)));
    }
    int parts = 1 + random.nextInt(6);
    for (int p = 0; p < parts; p++) {
      int kind = random.nextInt(20);
      if (kind < 2) {
        query.append(notUtf8(random));
      } else if (kind < 6) {
        query.append(pick(random, SYNTAX));
      } else if (kind < 9) {
        query.append(pick(random, NUMBERS));
      } else if (kind < 13) {
        query.append(pick(random, WORDS));
      } else {
        query.append(anyUnicode(random, 1 + random.nextInt(30)));
      }
      query.append(random.nextInt(3) == 0 ? "" : " ");
    }
    return query.toString();
  }

  /** Distinct-ish CJK ideographs: the shape that once exceeded Lucene's clause limit. */
  private static String hanRun(SplittableRandom random, int length) {
    StringBuilder run = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      run.append((char) (0x4e00 + random.nextInt(0x9fff - 0x4e00)));
    }
    return run.toString();
  }

  /** Bytes that are not valid UTF-8, decoded as a lenient front end would (replacement characters). */
  private static String notUtf8(SplittableRandom random) {
    byte[] bytes = new byte[1 + random.nextInt(24)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (0x80 + random.nextInt(0x80));
    }
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    // Lone surrogates too: what a broken client can put into a Java string.
    return random.nextBoolean() ? decoded : decoded + (char) (0xd800 + random.nextInt(0x800));
  }

  private static String anyUnicode(SplittableRandom random, int length) {
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      int c = random.nextInt(Character.MAX_CODE_POINT + 1);
      if (Character.isValidCodePoint(c) && !(c >= 0xd800 && c <= 0xdfff)) {
        text.appendCodePoint(c);
      }
    }
    return text.toString();
  }

  private static String pick(SplittableRandom random, List<String> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
