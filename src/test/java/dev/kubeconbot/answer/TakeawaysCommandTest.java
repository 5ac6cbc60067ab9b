package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.content.Edition;
import dev.kubeconbot.testing.Seeds;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TakeawaysCommandTest {

  private final AnswerEngine engine = Seeds.engine();

  @Test
  void quotesTheArticlesOwnTakeawayListFirst() {
    Answer answer = engine.answer("/takeaways 2019", Lang.EN);
    assertThat(answer.command()).isEqualTo("takeaways");
    assertThat(answer.quotes()).isNotEmpty();
    Quote list = answer.quotes().getFirst();
    assertThat(list.text()).startsWith("1. 多平台和混合云（仍然）是一件事\n2. 技术捆绑显著增加")
        .endsWith("10. 社区仍然是Kubernetes成功的核心");
    assertThat(list.text().lines()).hasSize(10);
    assertThat(list.url()).isEqualTo("https://blog.getambassador.io/kubecon-eu-2019-top-10-takeaways-123b5fcb30a8");
    assertThat(answer.quotes()).allSatisfy(q -> assertThat(q.edition()).isEqualTo(new Edition("EU", 2019)));
  }

  @Test
  void sectionHeadingsAreTheTakeawaysOfAnArticleWithoutAList() {
    Answer answer = engine.answer("takeaways 2021", Lang.EN);
    assertThat(answer.quotes()).extracting(Quote::title)
        .contains("KubeCon EU 2021 的 3 个关键要点", "KubeCon + CloudNativeCon EU 面临巨大的应用交付挑战");
    assertThat(answer.quotes()).anySatisfy(q -> assertThat(q.text())
        .isEqualTo("具有更多 Kubernetes 范围的 GitOps\nKubernetes 管理计划'假设'\n将 CNCF 的作品放在适当的位置"));
  }

  @Test
  void anArticleWithOneSectionHeadingGetsItAndTheLinesThatStandAsHeadings() {
    Answer answer = engine.answer("takeaways 2022", Lang.EN);
    assertThat(answer.quotes()).anySatisfy(q -> assertThat(q.text())
        .isEqualTo("蜜月期结束后与 Kubernetes 同居\n每季度更新的挑战"));
    assertThat(answer.quotes()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void leadSentencesAreVerbatimAndSkipSponsorNotes() {
    Answer answer = engine.answer("takeaways 2021", Lang.EN);
    assertThat(answer.quotes()).anySatisfy(q -> assertThat(q.text())
        .startsWith("GitOps 的采用、API 的改进以及 WebAssembly (Wasm) 的不断扩展正在影响着 Kubernetes 开发者的体验。"));
    Answer na2020 = engine.answer("takeaways 2020", Lang.EN);
    assertThat(na2020.quotes()).isNotEmpty().noneMatch(q -> q.text().contains("赞助"));
    String allText = String.join("\n", Seeds.library().corpus().articles().stream()
        .flatMap(a -> a.blocks().stream()).map(b -> b.display()).toList());
    assertThat(na2020.quotes()).allSatisfy(q -> assertThat(q.text().lines()).allSatisfy(line -> assertThat(allText).contains(line)));
  }

  @Test
  void onlyArticlesOfThatYearAndRegion() {
    assertThat(engine.answer("takeaways 2021 EU", Lang.EN).quotes()).isNotEmpty()
        .allSatisfy(q -> assertThat(q.edition()).isEqualTo(new Edition("EU", 2021)));
    Answer na2021 = engine.answer("takeaways", Map.of("year", "2021", "region", "北美"), "/takeaways 2021 北美", Lang.EN);
    assertThat(na2021.quotes()).isEmpty();
    assertThat(na2021.message()).contains("KubeCon NA 2021", "EU 2021");
  }

  @Test
  void aYearWithoutArticlesListsTheYearsThatHaveSome() {
    Answer answer = engine.answer("/takeaways 2017", Lang.EN);
    assertThat(answer.quotes()).isEmpty();
    assertThat(answer.message()).contains("2017", "2019", "2020", "2021", "2022");
  }

  @Test
  void badYearsAndRegionsGetAClearMessage() {
    assertThat(engine.answer("takeaways soon", Lang.EN).message()).contains("2015", "2030");
    assertThat(engine.answer("takeaways 1999", Lang.EN).message()).contains("2015", "2030");
    assertThat(engine.answer("takeaways 2019 Atlantis", Lang.EN).message()).contains("Atlantis", "EU");
    assertThat(engine.answer("/takeaways", Lang.EN).message()).contains("2019");
  }

  @Test
  void answersInChineseWhenAskedInChinese() {
    Answer answer = engine.answer("要点 2019", null);
    assertThat(answer.command()).isEqualTo("takeaways");
    assertThat(answer.title()).contains("关键要点");
  }

  @Test
  void autocompletesYearsFromTheIndex() {
    assertThat(engine.complete("takeaways", "year", "20")).extracting(Choice::value)
        .containsExactly("2022", "2021", "2020", "2019");
    assertThat(engine.complete("takeaways", "year", "2019")).extracting(Choice::value).containsExactly("2019");
    assertThat(engine.complete("takeaways", "region", "")).extracting(Choice::value).containsExactly("EU", "NA");
  }
}
