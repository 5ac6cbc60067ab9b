package dev.kubeconbot.eval;

import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.content.Article;
import dev.kubeconbot.content.Block;
import dev.kubeconbot.content.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The floor the bot must beat: plain Lucene BM25 with {@link StandardAnalyzer} (no stemming, one
 * token per Chinese character), one document per paragraph or list item of the same articles, the
 * query's words OR-ed together after a leading command word is dropped.
 */
final class Bm25Baseline implements Retriever {

  private static final String TEXT = "text";
  private static final String ARTICLE = "article";

  private final CommandRegistry commands;
  private final Analyzer analyzer = new StandardAnalyzer();
  private final IndexSearcher searcher;

  Bm25Baseline(Corpus corpus, CommandRegistry commands) {
    this.commands = commands;
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (Article article : corpus.articles()) {
        for (Block block : article.blocks()) {
          if (block.kind() != Block.Kind.HEADING) {
            Document doc = new Document();
            doc.add(new StoredField(ARTICLE, article.id()));
            doc.add(new TextField(TEXT, block.text(), Field.Store.YES));
            writer.addDocument(doc);
          }
        }
      }
      searcher = new IndexSearcher(DirectoryReader.open(writer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    searcher.setSimilarity(new BM25Similarity());
  }

  @Override
  public String name() {
    return "bm25";
  }

  @Override
  public List<Retrieved> retrieve(String query) {
    Query parsed = new QueryBuilder(analyzer).createBooleanQuery(TEXT, withoutCommandWord(query));
    if (parsed == null) {
      return List.of();
    }
    try {
      List<Retrieved> hits = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(parsed, DEPTH).scoreDocs) {
        Document doc = searcher.storedFields().document(hit.doc);
        hits.add(new Retrieved(doc.get(ARTICLE), doc.get(TEXT)));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "/topic wasm" and "要点 2021" search for their words only; the command word is in no paragraph. */
  private String withoutCommandWord(String query) {
    String[] words = query.strip().split("\\s+", 2);
    boolean command = commands.find(words[0].startsWith("/") ? words[0].substring(1) : words[0]).isPresent();
    return command ? (words.length > 1 ? words[1] : "") : query;
  }
}
