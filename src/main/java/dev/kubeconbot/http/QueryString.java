package dev.kubeconbot.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads one parameter of a raw query string strictly: a malformed %-escape or bytes that are not
 * UTF-8 are reported, never replaced, so the user learns that the text did not arrive as sent.
 */
final class QueryString {

  /** Why a parameter could not be read; the message is for the client. */
  static final class BadParameter extends Exception {
    BadParameter(String message) {
      super(message);
    }
  }

  private QueryString() {}

  /** The first value of {@code name} in {@code rawQuery} (which may be null), decoded. */
  static Optional<String> parameter(String rawQuery, String name) throws BadParameter {
    if (rawQuery == null) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        return Optional.of(eq < 0 ? "" : decode(name, pair.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  private static String decode(String name, String raw) throws BadParameter {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
        if (low < 0) {
          throw new BadParameter(name + " has a malformed %-escape; encode it as UTF-8 percent-encoding");
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        // The JDK server refuses raw non-ASCII in the request line, so this comes only from other callers.
        throw new BadParameter(name + " must be percent-encoded");
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadParameter(name + " is not valid UTF-8 once %-decoded");
    }
  }
}
