package dev.kubeconbot.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {

  private static List<String> texts(String markdown) {
    return MarkdownText.parse(markdown).blocks().stream().map(Block::display).toList();
  }

  @Test
  void keepsLinkTextAndDropsLinkSyntaxImagesAndHtml() {
    List<String> blocks = texts("""
        # 标题

        GitOps 的采用以及 [WebAssembly (Wasm)](https://webassembly.org/) 的扩展，见 **重点** 和 `kubectl`。

        ![](img/c209097465d3a4724be09993c83957f1.png)

        <div class="note">HTML 块里的<b>文字</b></div>

        <svg xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 68 31" version="1.1"><title>Group</title> <desc>Created with Sketch.</desc></svg>
        """);
    assertThat(blocks).containsExactly(
        "GitOps 的采用以及 WebAssembly (Wasm) 的扩展，见 重点 和 kubectl。",
        "HTML 块里的文字");
    assertThat(String.join("\n", blocks)).doesNotContain("](", "![", "<", "Group", "Sketch");
  }

  @Test
  void dropsEmbedLinksAndTheirVideoCaption() {
    List<String> blocks = texts("""
        前一段。

        [https://www.youtube.com/embed/xSAP9rPmitM?feature=oembed](https://www.youtube.com/embed/xSAP9rPmitM?feature=oembed)

        视频

        后一段。
        """);
    assertThat(blocks).containsExactly("前一段。", "后一段。");
  }

  @Test
  void firstLevelOneHeadingIsTheTitleOthersAreSections() {
    MarkdownText.Result result = MarkdownText.parse("""
        # KubeCon EU 2021 的 3 个关键要点

        导语。

        ## 具有更多 Kubernetes 范围的 GitOps

        正文。
        """);
    assertThat(result.title()).isEqualTo("KubeCon EU 2021 的 3 个关键要点");
    assertThat(result.blocks()).extracting(Block::kind, Block::section, Block::text).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Block.Kind.PARAGRAPH, "", "导语。"),
        org.assertj.core.groups.Tuple.tuple(Block.Kind.HEADING, "具有更多 Kubernetes 范围的 GitOps", "具有更多 Kubernetes 范围的 GitOps"),
        org.assertj.core.groups.Tuple.tuple(Block.Kind.PARAGRAPH, "具有更多 Kubernetes 范围的 GitOps", "正文。"));
  }

  @Test
  void listItemsKeepTheirNumbers() {
    assertThat(texts("""
        这是我的十大要点：

        1. 多平台和混合云（仍然）是一件事
        2. 技术捆绑显著增加

        - bullet [link](https://x.y)
        """)).containsExactly("这是我的十大要点：", "1. 多平台和混合云（仍然）是一件事", "2. 技术捆绑显著增加", "• bullet link");
  }

  @Test
  void softLineBreaksJoinChineseWithoutSpaceAndEnglishWithSpace() {
    assertThat(texts("中文句子\n继续。\n\nAn English\nsentence.")).containsExactly("中文句子继续。", "An English sentence.");
  }
}
