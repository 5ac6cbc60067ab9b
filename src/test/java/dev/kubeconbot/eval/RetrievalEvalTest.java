package dev.kubeconbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.content.Article;
import dev.kubeconbot.content.Block;
import dev.kubeconbot.content.ContentException;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.testing.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The labelled retrieval benchmark: queries typed the way people type them, over the seed articles
 * plus a test-only corpus of recaps, scored for the bot and, in the same run, for a plain BM25
 * baseline. Stages as in Anserini: read the queries and their judgments, run each engine, score
 * per group, report. The held-out split is scored only with {@code -Deval.heldout=true}, so that
 * tuning never looks at it.
 */
class RetrievalEvalTest {

  static final Path CORPUS = Path.of("src/test/resources/eval/corpus");
  static final Path QUERIES = Path.of("src/test/resources/eval/queries.tsv");
  /** Issue #8's target: recall@3 ≥ 0.9 in every asserted group. Groups short of it are printed. */
  static final double TARGET_RECALL = 0.9;
  /**
   * What the engine reached on the tune split when the eval landed, rounded down to 0.05: the
   * regression guard. en-en (0.889) and zh-en (0.854) were still short of {@link #TARGET_RECALL};
   * raise a floor when its group improves, never lower one to let a change through. en-en reached
   * 0.926 with short forms written out, zh-en 0.902 with lexicon additions and phrase translations
   * searched as their words too (both floors raised to 0.90); zh-en 0.976 with "when" asking for a
   * date and words of degree and of whether as scaffolding (floor 0.95).
   */
  static final Map<EvalQuery.Group, Double> FLOOR = Map.of(
      EvalQuery.Group.EN_EN, 0.90, EvalQuery.Group.EN_ZH, 0.90,
      EvalQuery.Group.ZH_EN, 0.95, EvalQuery.Group.KEYWORD, 0.90);
  static final int MAX_PHRASE_LENGTH = 20;

  private static Library library;
  private static List<EvalQuery> queries;
  private static List<Retriever> engines;

  @BeforeAll
  static void load() throws ContentException {
    library = Library.load(Seeds.CONFIG, List.of(Seeds.CONTENT, CORPUS));
    queries = EvalQueries.read(QUERIES);
    CommandRegistry commands = CommandRegistry.standard();
    engines = List.of(new BotRetriever(new AnswerEngine(commands, library)), new Bm25Baseline(library.corpus(), commands));
  }

  /** A typo in a label would silently count as a miss, so the labels are tested before the engines. */
  @Test
  void everyLabelNamesAnArticleAndAPhraseOfItsText() {
    Map<String, Article> articles = library.corpus().articles().stream()
        .collect(Collectors.toMap(Article::id, Function.identity()));
    assertThat(library.corpus().skipped()).as("eval corpus files that did not load").isEmpty();
    List<String> wrong = new ArrayList<>();
    for (EvalQuery q : queries) {
      for (EvalQuery.Answer answer : q.answers()) {
        Article article = articles.get(answer.article());
        if (article == null) {
          wrong.add("line " + q.line() + ": no article " + answer.article());
        } else if (!answer.isWholeArticle()) {
          if (answer.phrase().length() > MAX_PHRASE_LENGTH) {
            wrong.add("line " + q.line() + ": phrase longer than " + MAX_PHRASE_LENGTH + " characters: " + answer.phrase());
          }
          if (article.blocks().stream().filter(b -> b.kind() != Block.Kind.HEADING)
              .noneMatch(b -> answer.isGivenBy(article.id(), b.text()))) {
            wrong.add("line " + q.line() + ": no paragraph of " + answer.article() + " contains \"" + answer.phrase() + "\"");
          }
        }
      }
    }
    assertThat(wrong).as("wrong labels").isEmpty();
    assertThat(queries.stream().map(EvalQuery::query).distinct().count()).as("distinct queries").isEqualTo(queries.size());
  }

  /**
   * A paraphrase is only a paraphrase if lexical search has nothing to hold on to: after stemming
   * and dropping question words, no word of the query may occur in the answering passage or its heading.
   */
  @Test
  void paraphrasesShareNoContentWordWithTheirAnswer() {
    List<String> shared = new ArrayList<>();
    for (EvalQuery q : queries) {
      if (q.group() != EvalQuery.Group.PARAPHRASE) {
        continue;
      }
      Set<String> words = ContentWords.of(q.query());
      library.corpus().passages().stream()
          .filter(p -> q.isAnsweredBy(p.article().id(), p.text()))
          .forEach(p -> {
            Set<String> common = new TreeSet<>(words);
            common.retainAll(ContentWords.of(p.section() + "\n" + p.text()));
            if (!common.isEmpty()) {
              shared.add("line " + q.line() + " \"" + q.query() + "\" shares " + common);
            }
          });
    }
    assertThat(shared).as("paraphrases sharing words with their answer").isEmpty();
  }

  @Test
  void everyGroupIsLargeEnoughAndHoldsAQuarterOut() {
    Map<EvalQuery.Group, Integer> minimum = new EnumMap<>(Map.of(EvalQuery.Group.EN_EN, 40, EvalQuery.Group.EN_ZH, 40,
        EvalQuery.Group.ZH_EN, 35, EvalQuery.Group.KEYWORD, 35, EvalQuery.Group.PARAPHRASE, 20));
    minimum.forEach((group, size) -> {
      List<EvalQuery> inGroup = queries.stream().filter(q -> q.group() == group).toList();
      long heldout = inGroup.stream().filter(q -> q.split() == EvalQuery.Split.HELDOUT).count();
      assertThat(inGroup).as(group.label).hasSizeGreaterThanOrEqualTo(size);
      assertThat((double) heldout / inGroup.size()).as(group.label + " held-out share").isBetween(0.15, 0.35);
    });
  }

  @Test
  void recallAtThreeHoldsItsFloorAndBeatsTheBaselinePerGroupOnTheTuneSplit() {
    List<Run> runs = runAll(EvalQuery.Split.TUNE);
    System.out.println(Report.table("Retrieval eval, tune split", runs));
    System.out.println(Report.misses(runs.getFirst()));
    Map<EvalQuery.Group, GroupScore> bot = GroupScore.perGroup(runs.getFirst());
    Map<EvalQuery.Group, GroupScore> baseline = GroupScore.perGroup(runs.get(1));
    Set<String> belowTarget = new TreeSet<>();
    Set<String> failing = new TreeSet<>();
    bot.forEach((group, score) -> {
      if (!group.asserted) {
        return;
      }
      String figure = group.label + " " + String.format("%.3f", score.recallAt3());
      if (score.recallAt3() < TARGET_RECALL) {
        belowTarget.add(figure);
      }
      if (score.recallAt3() < FLOOR.get(group) || score.recallAt3() < baseline.get(group).recallAt3()) {
        failing.add(figure + " (floor " + FLOOR.get(group) + ", baseline "
            + String.format("%.3f", baseline.get(group).recallAt3()) + ")");
      }
    });
    if (!belowTarget.isEmpty()) {
      System.out.printf("groups still below the target recall@3 %.2f: %s%n", TARGET_RECALL, belowTarget);
    }
    assertThat(failing).as("groups below their recall@3 floor or the BM25 baseline on the tune split").isEmpty();
  }

  /** Printed only: the held-out figures are reported at the end of tuning, not asserted during it. */
  @Test
  @EnabledIfSystemProperty(named = "eval.heldout", matches = "true")
  void heldOutSplit() {
    List<Run> runs = runAll(EvalQuery.Split.HELDOUT);
    System.out.println(Report.table("Retrieval eval, HELD-OUT split", runs));
    System.out.println(Report.misses(runs.getFirst()));
  }

  private static List<Run> runAll(EvalQuery.Split split) {
    List<EvalQuery> selected = queries.stream().filter(q -> q.split() == split).toList();
    return engines.stream().map(e -> Run.of(e, selected)).toList();
  }
}
