package dev.kubeconbot.eval;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The eval's printed output: a table of groups by engines, then the queries an engine missed. */
final class Report {

  private Report() {}

  /** One line per group: n, then recall@3 and MRR of each run, in the order given. */
  static String table(String title, List<Run> runs) {
    StringBuilder out = new StringBuilder(title).append('\n');
    out.append(String.format("  %-11s %4s", "group", "n"));
    runs.forEach(r -> out.append(String.format("  %8s R@3  MRR  ", r.engine())));
    out.append('\n');
    List<Map<EvalQuery.Group, GroupScore>> scores = runs.stream().map(GroupScore::perGroup).toList();
    for (EvalQuery.Group group : scores.getFirst().keySet()) {
      out.append(String.format("  %-11s %4d", group.label, scores.getFirst().get(group).n()));
      for (Map<EvalQuery.Group, GroupScore> score : scores) {
        GroupScore s = score.get(group);
        out.append(String.format("       %.3f %.3f", s.recallAt3(), s.mrr()));
      }
      out.append('\n');
    }
    GroupScore all = GroupScore.of(runs.getFirst().results());
    out.append(String.format("  %-11s %4d", "all", all.n()));
    runs.forEach(r -> {
      GroupScore s = GroupScore.of(r.results());
      out.append(String.format("       %.3f %.3f", s.recallAt3(), s.mrr()));
    });
    return out.append('\n').toString();
  }

  /** The queries of {@code run} whose answer is not in the first three, with what came first instead. */
  static String misses(Run run) {
    return run.results().stream()
        .filter(r -> !r.inTop(GroupScore.RECALL_DEPTH))
        .map(r -> String.format("  miss %-10s %-7s %s → %s (want %s)", run.engine(), r.query().group().label,
            r.query().query(), r.rank() == 0 ? "none in top 10" : "rank " + r.rank(), r.query().labels())
            + r.retrieved().stream().findFirst().map(first -> "; first: " + first.article()).orElse(""))
        .collect(Collectors.joining("\n", run.engine() + " misses:\n", "\n"));
  }
}
