package dev.kubeconbot.search;

import java.util.List;

/** A query as concepts to look for; empty when the text has nothing searchable (only symbols or stop words). */
public record QueryPlan(String text, List<Concept> concepts) {
  public QueryPlan {
    concepts = List.copyOf(concepts);
  }

  public boolean isEmpty() {
    return concepts.isEmpty();
  }
}
