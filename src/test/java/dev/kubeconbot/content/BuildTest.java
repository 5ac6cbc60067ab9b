package dev.kubeconbot.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildTest {

  @Test
  void theBuildIsNamedByMavensFilteringNotByItsPlaceholders() {
    // An unfiltered file would name every build alike, and saved parses would outlive the code that made them.
    assertThat(Build.id()).doesNotContain("${").matches("\\S+ \\d{4}-\\d\\d-\\d\\dT\\S+");
  }
}
