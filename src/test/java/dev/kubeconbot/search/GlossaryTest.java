package dev.kubeconbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.testing.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlossaryTest {

  private final Glossary glossary = Seeds.glossary();

  private List<String> names(String topic) {
    return glossary.topic(topic).orElseThrow().names();
  }

  @Test
  void hasAtLeastSixtyTopicsWithTheRequiredAliases() {
    assertThat(glossary.topics()).hasSizeGreaterThanOrEqualTo(60);
    assertThat(names("wasm")).contains("WebAssembly", "wasm");
    assertThat(names("服务网格")).contains("service mesh", "服务网状");
    assertThat(names("observability")).contains("可观察性", "可观测性");
    assertThat(names("multi-cloud")).contains("多云");
    assertThat(names("hybrid cloud")).contains("混合云");
    assertThat(names("Envoy")).contains("特使");
    assertThat(names("scalability")).contains("可扩展性", "可伸缩性");
    assertThat(names("upgrades")).contains("升级");
    assertThat(names("multi-cluster")).contains("多集群");
    assertThat(names("AI")).contains("人工智能");
    assertThat(names("platform engineering")).contains("平台工程");
    assertThat(names("sustainability")).contains("可持续性");
    assertThat(names("serverless")).contains("无服务器");
    assertThat(glossary.topic("GitOps")).isPresent();
    assertThat(glossary.topic("OpenTelemetry")).isPresent();
    assertThat(glossary.topic("eBPF")).isPresent();
  }

  @Test
  void lookupIgnoresCase() {
    assertThat(glossary.topic("WASM")).isEqualTo(glossary.topic("wasm"));
  }

  @Test
  void findsTopicsInTextLongestNameFirst() {
    List<Glossary.Mention> mentions = glossary.mentions("KubeCon 上关于服务网格接口和 wasm 的消息");
    assertThat(mentions).extracting(m -> m.topic().name()).containsExactly("Service Mesh Interface", "WebAssembly");
  }

  @Test
  void latinNamesMustStandAloneChineseNamesNeedNot() {
    assertThat(glossary.mentions("maintain the domain")).isEmpty();
    assertThat(glossary.mentions("AI and 使用wasm运行")).extracting(m -> m.topic().name())
        .containsExactly("AI", "WebAssembly");
  }
}
