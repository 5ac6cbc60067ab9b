package dev.kubeconbot.search;

/**
 * How much one edition discusses a topic.
 *
 * @param passages passages that mention it
 * @param articles articles with at least one such passage
 */
public record Mentions(int passages, int articles) {

  public static final Mentions NONE = new Mentions(0, 0);
}
