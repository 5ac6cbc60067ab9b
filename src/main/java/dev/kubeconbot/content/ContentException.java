package dev.kubeconbot.content;

/** A content file cannot be used; the message says why, in words fit for a log line. */
public class ContentException extends Exception {
  public ContentException(String message) {
    super(message);
  }

  public ContentException(String message, Throwable cause) {
    super(message, cause);
  }
}
