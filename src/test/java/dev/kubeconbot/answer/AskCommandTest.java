package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.testing.Seeds;
import org.junit.jupiter.api.Test;

class AskCommandTest {

  private final AnswerEngine engine = Seeds.engine();

  @Test
  void anEditionNamedInTheQuestionNarrowsTheSearch() {
    Answer answer = engine.answer("What did people say about GitOps at KubeCon EU 2021?", Lang.EN);
    assertThat(answer.quotes()).isNotEmpty()
        .allSatisfy(q -> assertThat(q.edition()).isEqualTo(new Edition("EU", 2021)))
        .allSatisfy(q -> assertThat(q.text()).containsIgnoringCase("gitops"));
    Answer none = engine.answer("What happened at KubeCon 2017?", Lang.EN);
    assertThat(none.quotes()).isEmpty();
    assertThat(none.message()).contains("KubeCon 2017", "EU 2019");
  }

  /** The seed's list of ten takeaways is one passage: the item asked about leads, an item or two up, not the list's opening words. */
  @Test
  void anItemOfAListLeadsItsQuote() {
    Quote quote = engine.answer("Istio 的未来", Lang.ZH_CN).quotes().getFirst();
    assertThat(quote.text()).startsWith("…").contains("Istio的（不确定？）未来").doesNotContain("没有特别的顺序", "多平台和混合云");
  }

  /** "What is X for" is answered where the article says what X aims at ("SMI旨在…"), that sentence first. */
  @Test
  void aQuestionForAPurposeFindsThePassageStatingIt() {
    Quote quote = engine.answer("what is SMI for", Lang.EN).quotes().getFirst();
    assertThat(quote.text()).contains("SMI旨在");
    assertThat(engine.answer("what is SMI for", Lang.EN).message()).doesNotContain("purpose", "“for”");
  }

  @Test
  void anEnglishNameFindsTheChinesePassageThatLinksItsName() {
    // The seed writes [丹·科恩](…/in-memoriam-dan-kohn/): the link's target says the name in English.
    Answer answer = engine.answer("Dan Kohn", Lang.EN);
    assertThat(answer.quotes()).isNotEmpty();
    assertThat(answer.quotes().getFirst().text()).contains("丹·科恩").doesNotContain("kohn");
  }

  @Test
  void wordsFoundNowhereAreNamedWhenADistinctiveTopicStillAnswers() {
    Answer answer = engine.answer("how does WebAssembly run on a toaster?", Lang.EN);
    assertThat(answer.quotes()).isNotEmpty()
        .allSatisfy(q -> assertThat(q.text()).containsIgnoringCase("wasm").containsAnyOf("WebAssembly", "WASM", "Wasm"));
    assertThat(answer.message()).contains("“toaster”", "“WebAssembly”");
  }

  @Test
  void noWeakPassagesForQuestionsTheArticlesDoNotCover() {
    for (String question : new String[] {"quantum computing", "kubernetes quantum", "Tell me about eBPF", "量子计算的未来"}) {
      Answer answer = engine.answer(question, Lang.EN);
      assertThat(answer.quotes()).as(question).isEmpty();
      assertThat(answer.message()).as(question).contains("Try a topic");
    }
  }

  @Test
  void aChineseQuestionFindsItsPassage() {
    Answer answer = engine.answer("谁宣布了服务网格接口？", null);
    assertThat(answer.quotes().getFirst().text()).contains("宣布", "服务网状接口");
  }

  @Test
  void questionsForTakeawaysGetThem() {
    for (String question : new String[] {"key takeaways of 2019", "KubeCon EU 2021 的要点是什么", "What was special about KubeCon Valencia?"}) {
      Answer answer = engine.answer(question, Lang.EN);
      assertThat(answer.command()).as(question).isEqualTo("takeaways");
      assertThat(answer.quotes()).as(question).isNotEmpty();
    }
    assertThat(engine.answer("What did Valencia say about WebAssembly?", Lang.EN).command()).isEqualTo("ask");
  }
}
