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
  void aTopicNobodyDiscussesWritesNoChart() {
    Path png = dir.resolve("none.png");
    StringWriter out = new StringWriter();
    assertThat(run(out, "trend", "--png", png.toString(), "quantum", "computing")).isEqualTo(1);
    assertThat(Files.exists(png)).isFalse();
    assertThat(out.toString()).contains("quantum computing");
  }
}
