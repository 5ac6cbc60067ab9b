package dev.kubeconbot.search;

/** Turns text into unit-length vectors for one language; thread-safe, and kept for the life of the process. */
interface Encoder {

  VectorLang lang();

  /** The vector of a passage, as stored. */
  float[] passage(String text);

  /** The vector of a question: the model's query instruction, then the question. */
  float[] query(String text);
}
