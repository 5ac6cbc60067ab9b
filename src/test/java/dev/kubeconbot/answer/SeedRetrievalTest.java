package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.content.Article;
import dev.kubeconbot.search.Library;
import dev.kubeconbot.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A labelled retrieval evaluation over the seed articles: each query names the article a reader
 * would expect among the first three quotes. Written from reading the articles, in both languages.
 */
class SeedRetrievalTest {

  private static final String TAKEAWAYS_2021 = "2021-eu-3-key-takeaways";
  private static final String APP_DELIVERY = "2021-eu-app-delivery-challenge";
  private static final String TOP_10_2019 = "2019-eu-top-10-takeaways";
  private static final String HONEYMOON = "2022-eu-after-the-honeymoon";
  private static final String PREVAILS_2020 = "2020-na-cloud-native-prevails";

  private record Case(String query, String expectedArticle) {}

  private static final List<Case> CASES = List.of(
      // /takeaways
      new Case("/takeaways 2019", TOP_10_2019),
      new Case("/takeaways 2020", PREVAILS_2020),
      new Case("/takeaways 2022", HONEYMOON),
      new Case("takeaways 2021 EU", TAKEAWAYS_2021),
      new Case("要点 2021", APP_DELIVERY),
      // /topic, English and Chinese names
      new Case("/topic wasm", HONEYMOON),
      new Case("/topic WebAssembly", TAKEAWAYS_2021),
      new Case("/topic GitOps", TAKEAWAYS_2021),
      new Case("/topic service mesh", TOP_10_2019),
      new Case("/topic 服务网格", TOP_10_2019),
      new Case("/topic observability", PREVAILS_2020),
      new Case("/topic 可观察性", PREVAILS_2020),
      new Case("/topic OpenTelemetry", PREVAILS_2020),
      new Case("/topic Envoy", APP_DELIVERY),
      new Case("/topic multi-cloud", TOP_10_2019),
      new Case("/topic 混合云", TOP_10_2019),
      new Case("/topic scalability", PREVAILS_2020),
      new Case("/topic upgrades", HONEYMOON),
      new Case("/topic 多集群", HONEYMOON),
      new Case("/topic multi-tenancy", TAKEAWAYS_2021),
      new Case("/topic Istio", TOP_10_2019),
      new Case("/topic Flux", APP_DELIVERY),
      new Case("/topic etcd", PREVAILS_2020),
      new Case("/topic diversity", PREVAILS_2020),
      new Case("/topic 沙盒项目", APP_DELIVERY),
      // /ask and plain questions, English and Chinese
      new Case("/ask What is the Service Mesh Interface?", TOP_10_2019),
      new Case("谁宣布了服务网格接口？", TOP_10_2019),
      new Case("/ask How many nodes can a Kubernetes cluster have?", PREVAILS_2020),
      new Case("15，000 个节点的集群", PREVAILS_2020),
      new Case("Flux 如何维护 Kubernetes 集群的状态", APP_DELIVERY),
      new Case("为什么组织经常运行过时的 Kubernetes 版本？", HONEYMOON),
      new Case("Go 内存中的锁争用", PREVAILS_2020),
      new Case("/ask kcp 多租户", TAKEAWAYS_2021),
      new Case("What did Peloton do with Kubernetes?", APP_DELIVERY),
      new Case("利兹·赖斯 应用交付", APP_DELIVERY),
      new Case("蜜月期结束后与 Kubernetes 同居", HONEYMOON),
      new Case("Velero 备份", TOP_10_2019),
      new Case("社区仍然是Kubernetes成功的核心", TOP_10_2019),
      new Case("/ask What about policy as code?", TOP_10_2019),
      new Case("OpenTelemetry 厂商中立的可观测性标准", PREVAILS_2020),
      new Case("WebAssembly 在浏览器之外的服务器环境运行", HONEYMOON),
      new Case("What did people say about GitOps at KubeCon EU 2021?", TAKEAWAYS_2021),
      new Case("北美 2020 的可观测性", PREVAILS_2020));

  @Test
  void recallAtThreeIsAtLeastNinetyPercent() {
    AnswerEngine engine = Seeds.engine();
    Library library = Seeds.library();
    List<String> misses = new ArrayList<>();
    double reciprocalRanks = 0;
    int hits = 0;
    for (Case c : CASES) {
      assertThat(library.corpus().articles()).extracting(Article::id).contains(c.expectedArticle());
      String expectedTitle = library.corpus().articles().stream()
          .filter(a -> a.id().equals(c.expectedArticle())).findFirst().orElseThrow().title();
      List<Quote> quotes = engine.answer(c.query(), null).quotes();
      int rank = 0;
      for (int i = 0; i < quotes.size(); i++) {
        if (quotes.get(i).title().equals(expectedTitle)) {
          rank = i + 1;
          break;
        }
      }
      if (rank > 0) {
        reciprocalRanks += 1.0 / rank;
      }
      if (rank > 0 && rank <= 3) {
        hits++;
      } else {
        misses.add(c.query() + " → rank " + (rank == 0 ? "none" : rank));
      }
    }
    double recall = (double) hits / CASES.size();
    double mrr = reciprocalRanks / CASES.size();
    System.out.printf("Retrieval eval over %d queries: recall@3 = %.3f, MRR = %.3f%n", CASES.size(), recall, mrr);
    misses.forEach(m -> System.out.println("  miss: " + m));
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(30);
    assertThat(recall).as("recall@3; misses: %s", misses).isGreaterThanOrEqualTo(0.9);
  }
}
