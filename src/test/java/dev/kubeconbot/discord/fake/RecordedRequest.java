package dev.kubeconbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One REST request the bot made, with the fake's answer.
 *
 * @param path path below the API root, as in Discord's docs, e.g. {@code /channels/123/messages}
 * @param headers header values by case-insensitive name
 * @param json the JSON body; for multipart requests the {@code payload_json} part; {@code null} if there is none
 * @param parts multipart parts (empty for other requests)
 * @param response the JSON the fake answered with, {@code null} for an empty answer
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        JsonNode json,
        List<Part> parts,
        int status,
        JsonNode response) {

    /** A multipart part; {@code filename} is {@code null} for plain fields such as {@code payload_json}. */
    public record Part(String name, String filename, String contentType, byte[] data) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** The uploaded files ({@code files[n]} parts), in upload order. */
    public List<Part> files() {
        return parts.stream().filter(part -> part.filename() != null).toList();
    }

    /** First value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /**
     * Id of the message the fake created or edited for this request: a message response's {@code id}, or the
     * {@code resource.message.id} of an interaction callback. Use it to click buttons on that message.
     */
    public String responseMessageId() {
        if (response == null) {
            throw new IllegalStateException("No response body for " + this);
        }
        JsonNode id = response.has("resource") ? response.at("/resource/message/id") : response.path("id");
        if (!id.isTextual()) {
            throw new IllegalStateException("Response carries no message: " + response);
        }
        return id.asText();
    }

    RecordedRequest withResponse(int responseStatus, JsonNode responseBody) {
        return new RecordedRequest(method, path, query, headers, json, parts, responseStatus, responseBody);
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
    }
}
