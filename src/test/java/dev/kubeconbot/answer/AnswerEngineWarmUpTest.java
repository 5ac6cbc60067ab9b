package dev.kubeconbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeconbot.search.Library;
import dev.kubeconbot.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerEngineWarmUpTest {

  /** Records what it is asked, then answers as {@code inner}. */
  private record Recording(Command inner, List<String> asked) implements Command {
    @Override
    public CommandSpec spec() {
      return inner.spec();
    }

    @Override
    public Answer answer(Invocation call) {
      asked.add(call.lang() + " " + call.options());
      return inner.answer(call);
    }

    @Override
    public Map<String, String> parseWords(String words) {
      return inner.parseWords(words);
    }

    @Override
    public List<Choice> complete(String option, String prefix, Library library) {
      asked.add("complete " + option);
      return inner.complete(option, prefix, library);
    }
  }

  @Test
  void warmUpAnswersEachExampleInEachLanguageFromTheGivenLibrary() {
    List<String> asked = new ArrayList<>();
    Library seeds = Seeds.library();
    AnswerEngine engine = new AnswerEngine(new CommandRegistry(List.of(
        new Recording(new TopicCommand(), asked), new Recording(new TakeawaysCommand(), asked))), seeds);
    engine.warmUp(seeds);
    assertThat(asked).contains("EN {name=wasm}", "ZH_CN {name=wasm}", "ZH_TW {name=wasm}", "complete name");
    assertThat(asked).anyMatch(call -> call.startsWith("EN ") && call.contains("year=2019") && call.contains("region=EU"));
  }

  @Test
  void commandsWithoutAnExampleAreNotRun() {
    List<String> asked = new ArrayList<>();
    Command bare = new Command() {
      @Override
      public CommandSpec spec() {
        return new CommandSpec("bare", List.of());
      }

      @Override
      public Answer answer(Invocation call) {
        asked.add(call.query());
        return Answer.message("bare", call.query(), "Bare", "");
      }
    };
    new AnswerEngine(new CommandRegistry(List.of(bare)), Seeds.library()).warmUp(Seeds.library());
    assertThat(asked).isEmpty();
  }
}
