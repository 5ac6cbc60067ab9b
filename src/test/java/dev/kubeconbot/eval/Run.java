package dev.kubeconbot.eval;

import java.util.List;

/**
 * One engine's answers to a set of queries, each with the rank of the first passage that answers it.
 *
 * @param engine the retriever's name
 */
record Run(String engine, List<Ranked> results) {

  /** Runs every query through {@code retriever}. */
  static Run of(Retriever retriever, List<EvalQuery> queries) {
    return new Run(retriever.name(), queries.stream().map(q -> Ranked.of(q, retriever.retrieve(q.query()))).toList());
  }

  /** A query, what came back, and the 1-based rank of the first answering passage (0 if none). */
  record Ranked(EvalQuery query, List<Retriever.Retrieved> retrieved, int rank) {

    static Ranked of(EvalQuery query, List<Retriever.Retrieved> retrieved) {
      for (int i = 0; i < retrieved.size() && i < Retriever.DEPTH; i++) {
        Retriever.Retrieved r = retrieved.get(i);
        if (query.isAnsweredBy(r.article(), r.text())) {
          return new Ranked(query, retrieved, i + 1);
        }
      }
      return new Ranked(query, retrieved, 0);
    }

    boolean inTop(int k) {
      return rank > 0 && rank <= k;
    }

    double reciprocalRank() {
      return rank == 0 ? 0 : 1.0 / rank;
    }
  }
}
