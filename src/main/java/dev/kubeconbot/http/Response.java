package dev.kubeconbot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response to send: status, content type, body and any extra headers. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

  static final String JSON_TYPE = "application/json; charset=utf-8";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  Response {
    headers = Map.copyOf(headers);
  }

  /** A text body, such as JSON that is already written. */
  static Response text(int status, String contentType, String body) {
    return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static Response json(int status, String body) {
    return text(status, JSON_TYPE, body);
  }

  static Response png(byte[] image) {
    return new Response(200, "image/png", image, Map.of());
  }

  /** A JSON object of string fields, in the order given: {@code "status", "ready"}. */
  static Response fields(int status, String... namesAndValues) {
    Map<String, String> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    try {
      return json(status, JSON.writeValueAsString(object));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a map of strings could not be written as JSON", e);
    }
  }

  /** {@code {"error": message}}. */
  static Response error(int status, String message) {
    return fields(status, "error", message);
  }

  Response withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, contentType, body, more);
  }
}
