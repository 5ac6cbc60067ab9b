package dev.kubeconbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrendCliTest {

  @TempDir
  Path dir;

  private int run(StringWriter out, String... args) {
    CommandLine cli = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  @Test
  void writesTheChartAndPrintsTheTrend() throws Exception {
    Path png = dir.resolve("wasm.png");
    StringWriter out = new StringWriter();
    assertThat(run(out, "trend", "--png", png.toString(), "wasm")).isZero();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(out.toString()).contains("KubeCon EU 2022", "of  10 passages", "Chart written to");
  }

  @Test
  void trendsWritesTheHeatMapOfAnEditionAndPrintsItsTrends() throws Exception {
    Path png = dir.resolve("trends.png");
    StringWriter out = new StringWriter();
    assertThat(run(out, "trends", "--png", png.toString(), "--lang", "zh-CN", "EU", "2021")).isZero();
    assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(400);
    assertThat(out.toString()).contains("KubeCon EU 2021 的热点", "对比之前的 2 届", "GitOps", "Chart written to");

    Path latest = dir.resolve("latest.png");
    StringWriter vs = new StringWriter();
    assertThat(run(vs, "trends", "--png", latest.toString(), "--vs", "2019")).isZero();
    assertThat(vs.toString()).contains("KubeCon EU 2022 — trends", "against KubeCon 2019 (1 article, 14 passages)");

    Path none = dir.resolve("none.png");
    assertThat(run(new StringWriter(), "trends", "--png", none.toString(), "2017")).isEqualTo(1);
    assertThat(Files.exists(none)).isFalse();
  }

  @Test
  void aTopicNobodyDiscussesWritesNoChart() {
    Path png = dir.resolve("none.png");
    StringWriter out = new StringWriter();
    assertThat(run(out, "trend", "--png", png.toString(), "quantum", "computing")).isEqualTo(1);
    assertThat(Files.exists(png)).isFalse();
    assertThat(out.toString()).contains("quantum computing");
  }
}
