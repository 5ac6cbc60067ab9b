package dev.kubeconbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.answer.CommandRegistry;
import dev.kubeconbot.answer.Lang;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageIdsTest {

  private final PageIds ids = new PageIds(CommandRegistry.standard());

  @Test
  void slashCommandsAndTextRoundTripCompactly() {
    Query takeaways = new Query.Slash("takeaways", Map.of("year", "2019", "region", "EU"), Lang.ZH_TW);
    assertThat(ids.encode(takeaways, 2)).contains("1|s|t|2|takeaways|2019|EU");
    assertThat(ids.decode("1|s|t|2|takeaways|2019|EU")).contains(new PageIds.Page(takeaways, 2));

    Query yearOnly = new Query.Slash("takeaways", Map.of("year", "2019"), Lang.EN);
    assertThat(ids.decode(ids.encode(yearOnly, 0).orElseThrow())).contains(new PageIds.Page(yearOnly, 0));

    Query text = new Query.Text("what | is 100% 可观测性 %7C?", Lang.ZH_CN);
    assertThat(ids.decode(ids.encode(text, 1).orElseThrow())).contains(new PageIds.Page(text, 1));
  }

  @Test
  void aQueryTooLongForDiscordHasNoId() {
    assertThat(ids.encode(new Query.Text("x".repeat(92), Lang.EN), 1)).hasValueSatisfying(id -> assertThat(id).hasSize(100));
    assertThat(ids.encode(new Query.Text("x".repeat(93), Lang.EN), 1)).isEmpty();
  }

  @Test
  void foreignOrOutdatedIdsAreRefused() {
    assertThat(ids.decode("rsvp:yes")).isEmpty();
    assertThat(ids.decode("2|t|e|0|wasm")).isEmpty();
    assertThat(ids.decode("1|s|e|0|nosuchcommand|x")).isEmpty();
    assertThat(ids.decode("1|s|e|0|topic|wasm|extra")).isEmpty();
    assertThat(ids.decode("1|t|x|0|wasm")).isEmpty();
    assertThat(ids.decode("1|t|e|-1|wasm")).isEmpty();
  }
}
