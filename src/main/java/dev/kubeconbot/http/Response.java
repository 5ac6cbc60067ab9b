package dev.kubeconbot.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response to send: status, content type, body and any extra headers. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

  static final String JSON_TYPE = "application/json; charset=utf-8";
  /**
   * Jackson's generator without a mapper: the probes answer from the first instant of start-up, when
   * the first mapper a process makes would cost it about 0.2 s of CPU.
   */
  private static final JsonFactory JSON = new JsonFactory();

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
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      for (int i = 0; i < namesAndValues.length; i += 2) {
        json.writeStringField(namesAndValues[i], namesAndValues[i + 1]);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("strings could not be written as JSON", e);
    }
    return json(status, text.toString());
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
