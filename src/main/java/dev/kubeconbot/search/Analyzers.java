package dev.kubeconbot.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The two analyses every text field gets, identical at index and query time: Chinese word
 * segmentation (smartcn, which also Porter-stems English words) for precision, and CJK bigrams with
 * English stemming for recall when segmentation splits a term differently in the question.
 */
final class Analyzers {

  /** Passage text, segmented into Chinese words. */
  static final String TEXT_WORDS = "text_words";
  /** Passage text as CJK bigrams and stemmed English words. */
  static final String TEXT_BIGRAMS = "text_bigrams";
  /** The passage's section heading, analysed like {@link #TEXT_BIGRAMS}: a passage inherits its heading's words. */
  static final String HEADING = "heading";
  /** The article's title, analysed like {@link #TEXT_BIGRAMS}. */
  static final String TITLE = "title";
  /** The words of the targets of the passage's links ({@code Passage.linkWords}), analysed like {@link #TEXT_BIGRAMS}. */
  static final String LINKS = "links";

  private Analyzers() {}

  /** A token, its position (as a phrase query needs it) and where it stands in the text, [start, end). */
  record Token(String term, int position, int start, int end) {}

  static Analyzer words() {
    // Before smartcn's first use, which would read its own copy of the dictionary the slow way.
    CompiledDictionary.installOnce();
    return new SmartChineseAnalyzer(true);
  }

  static Analyzer bigrams() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
      }
    };
  }

  /** How far an English word is reduced before it is compared with lexicon headwords. */
  enum Reduction {
    /** As written, lower-cased ("news", "organizations"). */
    NONE,
    /** Plurals made singular ("organizations" → "organization"), nothing else. */
    PLURAL,
    /** Porter-stemmed ("organizations", "organizer" and "organize" are all "organ"). */
    STEM
  }

  /**
   * English words lower-cased and reduced as {@code reduction} says, stop words kept, one token per
   * word whatever the reduction (so that the tokens of one text line up across reductions): how
   * lexicon headwords and the words of a question are compared.
   */
  static Analyzer english(Reduction reduction) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(new LowerCaseFilter(new CJKWidthFilter(source)));
        stream = switch (reduction) {
          case NONE -> stream;
          case PLURAL -> new EnglishMinimalStemFilter(stream);
          case STEM -> new PorterStemFilter(stream);
        };
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  /**
   * Loads smartcn's dictionaries, about a second of a cold start, so that start-up can do it on a
   * second core while it reads configuration and content. Later analyzers share the loaded copies.
   */
  static void warmUp() {
    try (Analyzer words = words()) {
      tokens(words, TEXT_WORDS, "可观测性 service mesh");
    }
  }

  /** The per-field analyzer used both to index passages and to analyze queries. */
  static Analyzer perField() {
    Analyzer words = words();
    Analyzer bigrams = bigrams();
    return new PerFieldAnalyzerWrapper(words, Map.of(
        TEXT_WORDS, words, TEXT_BIGRAMS, bigrams, HEADING, bigrams, TITLE, bigrams, LINKS, bigrams));
  }

  /** Where {@code analyzer} finds {@code term} in {@code text}: the start offset of each occurrence. */
  static List<Integer> occurrences(Analyzer analyzer, String field, String text, String term) {
    List<Integer> starts = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute token = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (token.toString().equals(term)) {
          starts.add(offset.startOffset());
        }
      }
      stream.end();
      return starts;
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
  }

  /** The tokens {@code analyzer} makes of {@code text} for {@code field}. */
  static List<Token> tokens(Analyzer analyzer, String field, String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        tokens.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
    return tokens;
  }
}
