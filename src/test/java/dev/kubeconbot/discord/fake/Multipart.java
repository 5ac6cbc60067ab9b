package dev.kubeconbot.discord.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the multipart/form-data bodies JDA sends with files: a {@code payload_json} part + {@code files[n]} parts. */
final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");
    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private Multipart() {}

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.startsWith("multipart/form-data");
    }

    static List<RecordedRequest.Part> parse(String contentType, byte[] body) {
        Matcher boundaryMatch = BOUNDARY.matcher(contentType);
        if (!boundaryMatch.find()) {
            throw new IllegalArgumentException("No boundary in " + contentType);
        }
        byte[] delimiter = ("--" + boundaryMatch.group(1)).getBytes(StandardCharsets.US_ASCII);
        byte[] separator = ("\r\n--" + boundaryMatch.group(1)).getBytes(StandardCharsets.US_ASCII);
        List<RecordedRequest.Part> parts = new ArrayList<>();
        int position = indexOf(body, delimiter, 0) + delimiter.length;
        while (position + 1 < body.length && !(body[position] == '-' && body[position + 1] == '-')) {
            int headersStart = position + 2; // skip CRLF after the delimiter
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            int dataStart = headersEnd + HEADER_END.length;
            int dataEnd = indexOf(body, separator, dataStart);
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            parts.add(part(headers, Arrays.copyOfRange(body, dataStart, dataEnd)));
            position = dataEnd + separator.length;
        }
        return List.copyOf(parts);
    }

    private static RecordedRequest.Part part(String headers, byte[] data) {
        String disposition = null;
        String contentType = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Disposition")) {
                disposition = value;
            } else if (name.equalsIgnoreCase("Content-Type")) {
                contentType = value;
            }
        }
        if (disposition == null) {
            throw new IllegalArgumentException("Multipart part without Content-Disposition: " + headers);
        }
        Matcher name = NAME.matcher(disposition);
        Matcher filename = FILENAME.matcher(disposition);
        return new RecordedRequest.Part(
                name.find() ? name.group(1) : null, filename.find() ? filename.group(1) : null, contentType, data);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("Malformed multipart body");
    }
}
