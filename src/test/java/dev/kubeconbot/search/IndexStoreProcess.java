package dev.kubeconbot.search;

import dev.kubeconbot.content.ContentLoader;
import dev.kubeconbot.content.Corpus;
import dev.kubeconbot.testing.Seeds;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * One bot process opening the index, for {@link IndexStoreTest}: {@code IndexStoreProcess CONTENT INDEX}
 * loads the content, says {@code loaded}, waits for a line on stdin (so that two processes open the
 * folder at the same moment), opens the index and prints how ({@link IndexStore.Outcome}) and its
 * document count.
 */
public final class IndexStoreProcess {

  private IndexStoreProcess() {}

  public static void main(String[] args) throws Exception {
    Corpus corpus = new ContentLoader(Seeds.calendar(), ContentLoader.DEFAULT_MAX_FILE_BYTES).load(List.of(Path.of(args[0])));
    Analyzer analyzer = Analyzers.perField();
    System.out.println("loaded");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    IndexStore.Opened opened = IndexStore.onDisk(Path.of(args[1]), corpus, analyzer, 1);
    System.out.println(opened.outcome() + " " + opened.reader().numDocs());
    opened.reader().close();
  }
}
