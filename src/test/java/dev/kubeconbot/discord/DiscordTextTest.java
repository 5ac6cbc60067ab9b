package dev.kubeconbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordTextTest {

  @Test
  void markdownMentionAndListMarkupIsEscaped() {
    assertThat(DiscordText.escape("**a** _b_ ~c~ `d` |e| > f [g](h) <@1> @here #i"))
        .isEqualTo("\\*\\*a\\*\\* \\_b\\_ \\~c\\~ \\`d\\` \\|e\\| \\> f \\[g\\](h) \\<\\@1\\> \\@here \\#i");
    assertThat(DiscordText.escape("- one\n  + two\n3. three\nsee 3.5 - 2")).isEqualTo("\\- one\n  \\+ two\n3\\. three\nsee 3.5 - 2");
  }

  @Test
  void fitCutsAtASentenceEndSoTheEscapedTextFits() {
    String text = "第一句*重要*。第二句也很长很长。第三句。";
    String fitted = DiscordText.fit(text, 20);
    assertThat(fitted).isEqualTo("第一句\\*重要\\*。第二句也很长很长。…").hasSize(20);
    assertThat(DiscordText.fit("short", 20)).isEqualTo("short");
  }

  @Test
  void fitNeverSplitsASurrogatePair() {
    String text = "𠀀".repeat(100);
    for (int max = 2; max < 40; max++) {
      String fitted = DiscordText.fit(text, max);
      assertThat(fitted.length()).isLessThanOrEqualTo(max);
      DiscordLimits.assertWholeCodePoints(fitted);
    }
  }

  @Test
  void linksKeepTheirTargetWhole() {
    assertThat(DiscordText.link("t", "https://x.org/a (b) <c>")).isEqualTo("[t](https://x.org/a%20%28b%29%20%3Cc%3E)");
  }
}
