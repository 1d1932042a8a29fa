package io.qunbao.reports.i18n;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The report's words in one language: zh-CN by default, English with {@code report.language: en}.
 * Bundles are UTF-8 properties files beside this class ({@code messages_zh.properties},
 * {@code messages_en.properties}); a key missing from a bundle is a bug and fails loudly.
 */
public final class Messages {
  private final String language;
  private final ResourceBundle bundle;

  public Messages(String language) {
    this.language = language;
    this.bundle = ResourceBundle.getBundle(
        "io.qunbao.reports.i18n.messages", Locale.forLanguageTag(language), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public String language() {
    return language;
  }

  /** The {@code lang} attribute of the HTML page. */
  public String htmlLanguage() {
    return language.equals("zh") ? "zh-CN" : "en";
  }

  public String get(String key) {
    return bundle.getString(key);
  }

  public String format(String key, Object... arguments) {
    return new MessageFormat(get(key), Locale.ROOT).format(arguments);
  }

  /** The label of a group type code (spec/exports.md); the unattributed row has code null. */
  public String groupType(String code) {
    if (code == null) return get("type.unattributed");
    String key = "type." + code;
    return bundle.containsKey(key) ? get(key) : code;
  }

  /**
   * Every message, for the templates, keyed with {@code _} for {@code .} ({@code section.funnel} is
   * {@code {{t.section_funnel}}}): Mustache reads a dot as a step into a nested value.
   */
  public Map<String, String> all() {
    Map<String, String> all = new TreeMap<>();
    for (String key : Collections.list(bundle.getKeys())) {
      all.put(key.replace('.', '_'), bundle.getString(key));
    }
    return all;
  }
}
