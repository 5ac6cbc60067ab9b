package dev.kubeconbot.search;

import java.util.List;

/**
 * A query as concepts to look for; empty when the text has nothing searchable (only symbols or stop
 * words).
 *
 * @param text the text planned
 * @param concepts what it asks about, in the order asked
 * @param asksHowMany whether it asks for a number ("how many", "多少"), so passages with figures answer better
 * @param hints what the kind of question makes likely in its answer without the user saying it (a
 *     question for a purpose is answered by "its goal is …", "旨在 …"): passages and sentences with
 *     them rank higher, but no passage must hold them and none is named as missing
 */
public record QueryPlan(String text, List<Concept> concepts, boolean asksHowMany, List<Concept> hints) {
  public QueryPlan {
    concepts = List.copyOf(concepts);
    hints = List.copyOf(hints);
  }

  /** A plan of {@code concepts} that asks for no number and hints at nothing. */
  public QueryPlan(String text, List<Concept> concepts) {
    this(text, concepts, false, List.of());
  }

  /** The same question about other concepts (a subset, say). */
  public QueryPlan withConcepts(List<Concept> others) {
    return new QueryPlan(text, others, asksHowMany, hints);
  }

  public boolean isEmpty() {
    return concepts.isEmpty();
  }
}
