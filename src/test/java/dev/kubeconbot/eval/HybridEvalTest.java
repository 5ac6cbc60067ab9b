package dev.kubeconbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.answer.AnswerEngine;
import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.search.TestVectors;
import dev.kubeconbot.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The retrieval eval run three ways over one library: lexical only, semantic only, and hybrid (the
 * bot as shipped with semantic search on: the linear blend; reciprocal rank fusion is printed beside it). Hybrid must beat lexical on the groups of English
 * questions and lose on none; the paraphrase group shows what meaning adds. Held-out figures
 * print at the end, with {@code -Deval.heldout=true}.
 */
class HybridEvalTest {

  private static Library library;
  private static BotRetriever bot;
  private static List<EvalQuery> queries;

  @BeforeAll
  static void load() throws Exception {
    library = TestVectors.hybrid(Library.load(Seeds.CONFIG, List.of(Seeds.CONTENT, RetrievalEvalTest.CORPUS)));
    bot = new BotRetriever(new AnswerEngine(CommandRegistry.standard(), library));
    queries = EvalQueries.read(RetrievalEvalTest.QUERIES);
  }

  @Test
  void hybridBeatsLexicalOnEnglishQuestionsAndLosesNowhere() {
    List<Run> runs = runs(EvalQuery.Split.TUNE);
    System.out.println(Report.table("Retrieval eval, tune split: lexical, semantic, reciprocal rank fusion, hybrid (linear blend, shipped)", runs));
    System.out.println(Report.misses(runs.getLast()));
    Map<EvalQuery.Group, GroupScore> lexical = GroupScore.perGroup(runs.get(0));
    Map<EvalQuery.Group, GroupScore> hybrid = GroupScore.perGroup(runs.getLast());
    lexical.forEach((group, score) -> {
      assertThat(hybrid.get(group).recallAt3()).as(group.label + " recall@3, hybrid vs lexical")
          .isGreaterThanOrEqualTo(score.recallAt3());
      assertThat(hybrid.get(group).mrr()).as(group.label + " MRR, hybrid vs lexical")
          .isGreaterThanOrEqualTo(score.mrr() - 0.01);
    });
    // Paraphrases share no word with their answer: only meaning finds them, so hybrid must find more.
    assertThat(hybrid.get(EvalQuery.Group.PARAPHRASE).recallAt3()).as("paraphrase recall@3, hybrid beats lexical")
        .isGreaterThan(lexical.get(EvalQuery.Group.PARAPHRASE).recallAt3());
    // English questions over English articles: the lexical engine (short forms, spellings, typos) now
    // finds as many as hybrid does, so "beats" is over both figures the eval reports: hybrid is not
    // lower on recall@3 (checked above) and higher on recall@3 or on MRR (the lead's decision, issue #9).
    GroupScore enLexical = lexical.get(EvalQuery.Group.EN_EN);
    GroupScore enHybrid = hybrid.get(EvalQuery.Group.EN_EN);
    assertThat(enHybrid.recallAt3() > enLexical.recallAt3() || enHybrid.mrr() > enLexical.mrr())
        .as("en-en: hybrid beats lexical on recall@3 or MRR (hybrid %.3f / %.3f, lexical %.3f / %.3f)",
            enHybrid.recallAt3(), enHybrid.mrr(), enLexical.recallAt3(), enLexical.mrr())
        .isTrue();
  }

  @Test
  void heldOutSplitAtTheEnd() {
    if (Boolean.getBoolean("eval.heldout")) {
      System.out.println(Report.table("Retrieval eval, HELD-OUT split: lexical, semantic, reciprocal rank fusion, hybrid (linear blend, shipped)", runs(EvalQuery.Split.HELDOUT)));
    }
  }

  private static List<Run> runs(EvalQuery.Split split) {
    List<EvalQuery> selected = queries.stream().filter(q -> q.split() == split).toList();
    List<Run> runs = new ArrayList<>();
    try {
      for (TestVectors.Mode mode : TestVectors.Mode.values()) {
        TestVectors.rank(library, mode);
        Run run = Run.of(bot, selected);
        runs.add(new Run(mode.name().toLowerCase(java.util.Locale.ROOT), run.results()));
      }
    } finally {
      TestVectors.rank(library, TestVectors.Mode.HYBRID);
    }
    return runs;
  }
}
