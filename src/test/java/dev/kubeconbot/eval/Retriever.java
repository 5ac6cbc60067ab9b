package dev.kubeconbot.eval;

import java.util.List;

/** An engine under evaluation: a query in, passages best first out. */
interface Retriever {

  /** At most this many passages are scored, as MRR is computed over the first ten. */
  int DEPTH = 10;

  String name();

  /** The best passages for {@code query}, best first, at most {@link #DEPTH}. */
  List<Retrieved> retrieve(String query);

  /** One retrieved passage: the article it comes from and the text shown. */
  record Retrieved(String article, String text) {}
}
