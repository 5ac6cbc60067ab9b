package dev.kubeconbot.discord.fake;

/** An interaction the fake dispatched; its id and token identify the bot's callback and webhook requests. */
public record Interaction(String id, String token, String channelId) {}
