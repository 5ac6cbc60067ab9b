package dev.kubeconbot.discord.fake;

import static dev.kubeconbot.discord.fake.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages the bot created, as Discord would return them. JDA parses these responses (and the fake reuses them for
 * button clicks), so they are full message objects. All methods return copies.
 */
final class MessageStore {
    /** Discord's "is thinking…" flag on the placeholder of a deferred reply. */
    static final int FLAG_LOADING = 128;
    /** Message fields a create/edit payload sets directly. */
    private static final List<String> COPIED_FIELDS = List.of("content", "embeds", "components", "flags", "tts");

    private final Map<String, ObjectNode> messages = new HashMap<>();
    private final FakeUser bot;
    private final String applicationId;
    private final String attachmentBaseUrl;

    MessageStore(FakeUser bot, String applicationId, String attachmentBaseUrl) {
        this.bot = bot;
        this.applicationId = applicationId;
        this.attachmentBaseUrl = attachmentBaseUrl;
    }

    /** Creates a message by the bot; {@code viaWebhook} for interaction responses and follow-ups. */
    synchronized ObjectNode create(
            String channelId, JsonNode payload, List<RecordedRequest.Part> files, boolean viaWebhook) {
        ObjectNode message = Payloads.message(Snowflakes.next(), channelId, bot, "");
        if (viaWebhook) {
            message.put("webhook_id", applicationId).put("application_id", applicationId);
        }
        apply(message, payload, files);
        messages.put(message.get("id").asText(), message);
        return message.deepCopy();
    }

    synchronized Optional<ObjectNode> edit(String messageId, JsonNode payload, List<RecordedRequest.Part> files) {
        return Optional.ofNullable(messages.get(messageId)).map(message -> {
            apply(message, payload, files);
            message.put("flags", message.path("flags").asInt() & ~FLAG_LOADING); // an edit ends "thinking…"
            message.put("edited_timestamp", Payloads.now());
            return message.deepCopy();
        });
    }

    synchronized Optional<ObjectNode> get(String messageId) {
        return Optional.ofNullable(messages.get(messageId)).map(ObjectNode::deepCopy);
    }

    synchronized boolean delete(String messageId) {
        return messages.remove(messageId) != null;
    }

    private void apply(ObjectNode message, JsonNode payload, List<RecordedRequest.Part> files) {
        for (String field : COPIED_FIELDS) {
            if (payload.has(field)) {
                message.set(field, payload.get(field).deepCopy());
            }
        }
        // JDA omits the embed type when sending but requires it when parsing.
        message.withArrayProperty("embeds").forEach(embed -> {
            if (!embed.has("type")) {
                ((ObjectNode) embed).put("type", "rich");
            }
        });
        if (payload.has("attachments") || !files.isEmpty()) {
            message.set("attachments", attachments(message.withArrayProperty("attachments"), payload, files));
        }
    }

    /**
     * Entries of the payload's {@code attachments} either keep an existing attachment (by id) or describe the upload
     * {@code files[id]}.
     */
    private ArrayNode attachments(ArrayNode existing, JsonNode payload, List<RecordedRequest.Part> files) {
        Map<String, RecordedRequest.Part> uploads = new HashMap<>();
        files.forEach(file -> uploads.put(file.name().replaceAll("\\D", ""), file));
        ArrayNode result = Json.array();
        JsonNode requested = payload.has("attachments") ? payload.get("attachments") : Json.array();
        for (JsonNode entry : requested) {
            String id = entry.path("id").asText();
            RecordedRequest.Part upload = uploads.remove(id);
            if (upload != null) {
                result.add(attachment(upload, entry.path("description").textValue()));
            } else {
                existing.forEach(old -> {
                    if (old.path("id").asText().equals(id)) {
                        result.add(old);
                    }
                });
            }
        }
        uploads.values().forEach(upload -> result.add(attachment(upload, null)));
        return result;
    }

    private ObjectNode attachment(RecordedRequest.Part file, String description) {
        String id = Snowflakes.next();
        String url = attachmentBaseUrl + id + "/" + file.filename();
        return object(
                "id", id,
                "filename", file.filename(),
                "description", description,
                "content_type", file.contentType(),
                "size", file.data().length,
                "url", url,
                "proxy_url", url);
    }
}
