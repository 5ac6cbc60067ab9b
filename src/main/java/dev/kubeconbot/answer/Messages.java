package dev.kubeconbot.answer;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing texts in each {@link Lang}, from {@code i18n/messages*.properties}. A key missing in a
 * translation falls back to English, never to the JVM's default locale.
 */
public final class Messages {

  private static final Map<Lang, ResourceBundle> BUNDLES = new EnumMap<>(Lang.class);

  static {
    ResourceBundle.Control noFallback =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    for (Lang lang : Lang.values()) {
      BUNDLES.put(lang, ResourceBundle.getBundle("i18n/messages", lang.locale(), noFallback));
    }
  }

  private Messages() {}

  /** The text for {@code key} in {@code lang}, with {@code {0}}-style arguments filled in. */
  public static String get(Lang lang, String key, Object... args) {
    String pattern = BUNDLES.get(lang).getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, lang.locale()).format(args);
  }

  /** The text for {@code key}, or {@code null} if no bundle has it (optional texts such as localised names). */
  public static String find(Lang lang, String key) {
    try {
      return BUNDLES.get(lang).getString(key);
    } catch (MissingResourceException e) {
      return null;
    }
  }
}
