package dev.kubeconbot.answer;

import dev.kubeconbot.content.Article;
import dev.kubeconbot.content.Edition;
import dev.kubeconbot.search.Library;
import java.util.List;
import java.util.stream.Collectors;

/** Selecting articles by a (possibly partial) edition, and saying so when there are none. */
final class Editions {

  private Editions() {}

  /** Whether {@code actual} is within {@code wanted}: same year if given, same region if given. */
  static boolean matches(Edition actual, Edition wanted) {
    return (!wanted.hasYear() || actual.year() == wanted.year())
        && (wanted.region() == null || wanted.region().equals(actual.region()));
  }

  /** Articles of {@code wanted}, editions in time order. */
  static List<Article> articles(Library library, Edition wanted) {
    return library.corpus().byEdition().entrySet().stream()
        .filter(e -> matches(e.getKey(), wanted))
        .flatMap(e -> e.getValue().stream())
        .toList();
  }

  /** "No articles about KubeCon EU 2017. Editions with articles: …" */
  static String noArticles(Invocation call, Edition wanted) {
    String known = call.library().corpus().byEdition().keySet().stream()
        .filter(Edition::isKnown)
        .map(Edition::shortLabel)
        .collect(Collectors.joining(", "));
    return call.text("edition.none", wanted.label(), known);
  }
}
