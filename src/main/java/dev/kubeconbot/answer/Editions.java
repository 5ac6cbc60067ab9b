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

  /** Whether {@code wanted} has articles; cheaper than {@link #articles}, which lists them all. */
  static boolean hasArticles(Library library, Edition wanted) {
    return library.corpus().byEdition().entrySet().stream()
        .anyMatch(e -> matches(e.getKey(), wanted) && !e.getValue().isEmpty());
  }

  /**
   * The edition {@code question} names, narrowed to those with articles: "KubeCon Seattle" is NA
   * 2018 when only that Seattle edition has articles, and NA when both have. Unknown if it names none.
   */
  static Edition asked(Library library, String question) {
    List<Edition> candidates = library.calendar().editionsAsked(question);
    List<Edition> withArticles = candidates.stream().filter(e -> hasArticles(library, e)).toList();
    List<Edition> meant = withArticles.isEmpty() ? candidates : withArticles;
    Edition first = meant.getFirst();
    boolean oneYear = meant.stream().allMatch(e -> e.year() == first.year());
    boolean oneRegion = meant.stream().allMatch(e -> java.util.Objects.equals(e.region(), first.region()));
    return new Edition(oneRegion ? first.region() : null, oneYear ? first.year() : 0);
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
