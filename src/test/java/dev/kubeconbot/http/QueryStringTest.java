package dev.kubeconbot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryStringTest {

  @Test
  void decodesPercentEscapesAndPlusAsUtf8() throws Exception {
    assertThat(QueryString.parameter("a=1&q=%2Ftopic+wasm%20%E6%9C%8D%E5%8A%A1&q=second", "q")).contains("/topic wasm 服务");
    assertThat(QueryString.parameter("q", "q")).contains("");
    assertThat(QueryString.parameter("qq=1", "q")).isEmpty();
    assertThat(QueryString.parameter(null, "q")).isEmpty();
  }

  @Test
  void reportsMalformedEscapesAndBytesThatAreNotUtf8() {
    for (String raw : new String[] {"q=%", "q=%4", "q=%G1", "q=abc%zz"}) {
      assertThatThrownBy(() -> QueryString.parameter(raw, "q")).as(raw)
          .isInstanceOf(QueryString.BadParameter.class).hasMessage("q has a malformed %-escape; encode it as UTF-8 percent-encoding");
    }
    assertThatThrownBy(() -> QueryString.parameter("q=€", "q")).hasMessage("q must be percent-encoded");
    for (String raw : new String[] {"q=%FF", "q=%C3%28", "q=%E6%9C"}) {
      assertThatThrownBy(() -> QueryString.parameter(raw, "q")).as(raw)
          .isInstanceOf(QueryString.BadParameter.class).hasMessage("q is not valid UTF-8 once %-decoded");
    }
  }
}
