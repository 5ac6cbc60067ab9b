package dev.kubeconbot.discord;

import dev.kubeconbot.answer.Lang;
import dev.kubeconbot.service.AnswersWhenReady;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct messages and @mentions: "takeaways 2019", "/topic wasm", "要点 2019" or any question get the
 * same answer as the slash command; empty or unknown words get help. People only: bots (this one
 * included), webhooks and system messages are never answered, and in a guild only a mention is.
 */
final class MessageListener extends ListenerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(MessageListener.class);

  private final AnswersWhenReady answers;
  private final AnswerRenderer renderer;
  private final ErrorReporter errors;

  MessageListener(AnswersWhenReady answers, AnswerRenderer renderer, ErrorReporter errors) {
    this.answers = answers;
    this.renderer = renderer;
    this.errors = errors;
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    Message message = event.getMessage();
    User author = event.getAuthor();
    if (author.isBot() || author.isSystem() || event.isWebhookMessage()) {
      return;
    }
    User self = event.getJDA().getSelfUser();
    if (event.isFromGuild() && !message.getMentions().isMentioned(self, Message.MentionType.USER)) {
      return;
    }
    String text = withoutMention(message.getContentRaw(), self);
    Query query = new Query.Text(text, Lang.detect(text));
    Response response = errors.guard("message", query.lang(),
        () -> renderer.response(query.answerWhenReady(answers, author.getId()), query, 0));
    MessageCreateData reply = switch (response) {
      case Response.Page page -> page.message();
      case Response.Notice notice -> AnswerRenderer.notice(notice.text());
    };
    message.reply(reply).queue(null, error -> LOG.warn("could not answer a message: {}", error.toString()));
  }

  /** The text without the bot's own mention ({@code <@id>} or the older {@code <@!id>}). */
  private static String withoutMention(String content, User self) {
    return content.replaceAll("<@!?" + Pattern.quote(self.getId()) + ">", " ").strip();
  }
}
