package dev.kubeconbot.answer;

import dev.kubeconbot.content.Scripts;
import java.util.Locale;

/** The languages answers and command texts come in; Discord's locale tags map onto them. */
public enum Lang {
  EN("en-US"),
  ZH_CN("zh-CN"),
  ZH_TW("zh-TW");

  private final String tag;

  Lang(String tag) {
    this.tag = tag;
  }

  /** The IETF tag, as Discord names its locales. */
  public String tag() {
    return tag;
  }

  public Locale locale() {
    return Locale.forLanguageTag(tag);
  }

  /** The language for a locale tag such as {@code zh-TW}, {@code zh-CN}, {@code en-GB}; English by default. */
  public static Lang of(String tag) {
    if (tag == null) {
      return EN;
    }
    String lower = tag.toLowerCase(Locale.ROOT);
    if (lower.startsWith("zh-tw") || lower.startsWith("zh-hk") || lower.startsWith("zh-hant")) {
      return ZH_TW;
    }
    return lower.startsWith("zh") ? ZH_CN : EN;
  }

  /** Chinese if the text has Chinese characters, else English: for DMs, which carry no locale. */
  public static Lang detect(String text) {
    return text != null && Scripts.hasHan(text) ? ZH_CN : EN;
  }
}
