package dev.kubeconbot.search;

import java.util.List;

/**
 * A query as concepts to look for; empty when the text has nothing searchable (only symbols or stop
 * words).
 *
 * @param text the text planned
 * @param concepts what it asks about, in the order asked
 * @param asksHowMany whether it asks for a number ("how many", "多少"), so passages with figures answer better
 */
public record QueryPlan(String text, List<Concept> concepts, boolean asksHowMany) {
  public QueryPlan {
    concepts = List.copyOf(concepts);
  }

  /** A plan of {@code concepts} that asks for no number. */
  public QueryPlan(String text, List<Concept> concepts) {
    this(text, concepts, false);
  }

  /** The same question about other concepts (a subset, say). */
  public QueryPlan withConcepts(List<Concept> others) {
    return new QueryPlan(text, others, asksHowMany);
  }

  public boolean isEmpty() {
    return concepts.isEmpty();
  }
}
