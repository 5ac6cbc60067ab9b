package dev.kubeconbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Discord's limits as DESIGN §7 states them, written out here (not taken from JDA's constants) so the
 * tests check the bot against the spec, on the JSON that JDA actually sends.
 */
final class DiscordLimits {

  static final Pattern NAME = Pattern.compile("^[-_'\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$");

  private DiscordLimits() {}

  /** A message payload (create or edit) within every limit; no embed field may ping or unfurl. */
  static void assertWithinLimits(JsonNode message) {
    assertThat(message.path("content").asText("").length()).isLessThanOrEqualTo(2000);
    JsonNode embeds = message.path("embeds");
    assertThat(embeds.size()).isLessThanOrEqualTo(10);
    int total = 0;
    for (JsonNode embed : embeds) {
      total += checked(embed.path("title").asText(""), 256);
      total += checked(embed.path("description").asText(""), 4096);
      total += checked(embed.at("/footer/text").asText(""), 2048);
      total += checked(embed.at("/author/name").asText(""), 256);
      assertThat(embed.path("fields").size()).isLessThanOrEqualTo(25);
      for (JsonNode field : embed.path("fields")) {
        total += checked(field.path("name").asText(), 256);
        total += checked(field.path("value").asText(), 1024);
      }
    }
    assertThat(total).as("all embeds together").isLessThanOrEqualTo(6000);
    for (JsonNode row : message.path("components")) {
      assertThat(row.path("components").size()).isLessThanOrEqualTo(5);
      for (JsonNode button : row.path("components")) {
        if (button.has("custom_id")) {
          assertThat(button.path("custom_id").asText().length()).isLessThanOrEqualTo(100);
        }
        assertThat(button.path("label").asText("").length()).isLessThanOrEqualTo(80);
      }
    }
    assertThat(message.path("allowed_mentions").path("parse")).as("allowed_mentions.parse").isEmpty();
  }

  private static int checked(String text, int max) {
    assertThat(text.length()).as("length of %s", text).isLessThanOrEqualTo(max);
    assertWholeCodePoints(text);
    return text.length();
  }

  /** No half of a surrogate pair left alone by a cut. */
  static void assertWholeCodePoints(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))).as("pair at %d", i).isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d in %s", i, text).isFalse();
      }
    }
  }
}
