package dev.kubeconbot.answer;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.content.Passage;

/**
 * A verbatim piece of an article, with where it comes from.
 *
 * @param text plain article text, never rewritten
 * @param section the section heading it stands under ({@code ""} if none)
 * @param title the article title
 * @param url the original article URL, or {@code null} if the article names none
 * @param edition the KubeCon edition the article is about
 * @param score relevance within this answer, higher is better
 */
public record Quote(String text, String section, String title, String url, Edition edition, double score) {

  static Quote of(Passage passage, String text, double score) {
    return new Quote(text, passage.section(), passage.article().title(), passage.article().source(),
        passage.article().edition(), score);
  }
}
