package dev.kubeconbot.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A run's figures over one query group: how many queries, recall@3 and MRR over the first ten. */
record GroupScore(int n, double recallAt3, double mrr) {

  static final int RECALL_DEPTH = 3;

  /** Scores of {@code run} per group, in group order; groups without queries are left out. */
  static Map<EvalQuery.Group, GroupScore> perGroup(Run run) {
    Map<EvalQuery.Group, GroupScore> scores = new EnumMap<>(EvalQuery.Group.class);
    for (EvalQuery.Group group : EvalQuery.Group.values()) {
      List<Run.Ranked> results = run.results().stream().filter(r -> r.query().group() == group).toList();
      if (!results.isEmpty()) {
        scores.put(group, of(results));
      }
    }
    return scores;
  }

  static GroupScore of(List<Run.Ranked> results) {
    int n = results.size();
    double hits = results.stream().filter(r -> r.inTop(RECALL_DEPTH)).count();
    double reciprocal = results.stream().mapToDouble(Run.Ranked::reciprocalRank).sum();
    return new GroupScore(n, hits / n, reciprocal / n);
  }
}
