package dev.kubeconbot.discord;

import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** What the bot sends for a request. */
sealed interface Response {

  /** A page of an answer. */
  record Page(MessageCreateData message) implements Response {}

  /** A short note that only its user sees, whatever they asked for: a rate limit, an error, a stale button. */
  record Notice(String text) implements Response {}
}
