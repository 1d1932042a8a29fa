package io.qunbao.reports.purpose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.qunbao.common.config.ConfigException;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.reports.model.HeadlineMetric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each group type's {@link Purpose}, from the YAML file named by {@code report.purposes}, or the
 * bundled {@code purposes.yml} (its comments document the format and the defaults). A type the
 * file does not list uses its {@code default} entry. A wrong key, purpose or metric fails at start
 * with the file and key named.
 */
public final class Purposes {
  public static final String BUNDLED = "/io/qunbao/reports/purposes.yml";
  /** The purposes the report has words for (messages {@code purpose.<code>}). */
  public static final List<String> CODES =
      List.of("conversion", "training", "service", "loyalty", "community", "event", "content", "habit", "retention", "none");
  private static final String DEFAULT = "default";
  private static final Set<String> KEYS = Set.of("purpose", "primary", "lifespan-days", "dying");
  private static final Set<String> DYING_KEYS = Set.of("min-age-days", "min-active", "min-active-share");

  private final Map<String, Purpose> byType;
  private final Purpose fallback;

  private Purposes(Map<String, Purpose> byType, Purpose fallback) {
    this.byType = byType;
    this.fallback = fallback;
  }

  /** The purposes in {@code location}, or the bundled ones when it is empty; unset dying thresholds are {@code deadGroup}'s. */
  public static Purposes load(String location, QunbaoConfig.DeadGroup deadGroup) {
    boolean bundled = location == null || location.isBlank();
    String source = bundled ? "bundled " + BUNDLED : "report.purposes file " + location;
    JsonNode root;
    try {
      if (bundled) {
        try (InputStream in = Purposes.class.getResourceAsStream(BUNDLED)) {
          root = yaml().readTree(in);
        }
      } else {
        Path file = Path.of(location);
        if (!Files.isRegularFile(file)) {
          throw new ConfigException(source + " does not exist (set report.purposes to a purposes YAML file, or leave it empty for the bundled one)");
        }
        root = yaml().readTree(file.toFile());
      }
    } catch (IOException e) {
      throw new ConfigException(source + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(source + " must map group types to {purpose, primary, lifespan-days, dying}");
    }
    Map<String, Purpose> byType = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> types = root.fields(); types.hasNext(); ) {
      Map.Entry<String, JsonNode> type = types.next();
      byType.put(type.getKey(), purpose(type.getKey(), type.getValue(), deadGroup, source));
    }
    Purpose fallback = byType.remove(DEFAULT);
    if (fallback == null) {
      throw new ConfigException(source + " has no 'default' entry (the purpose of types it does not list)");
    }
    return new Purposes(byType, fallback);
  }

  private static Purpose purpose(String type, JsonNode entry, QunbaoConfig.DeadGroup deadGroup, String source) {
    if (!entry.isObject()) {
      throw new ConfigException(source + ": '" + type + "' must be {purpose, primary, lifespan-days, dying}");
    }
    unknownKeys(entry, KEYS, type, source);
    String code = entry.path("purpose").asText("none");
    if (!CODES.contains(code)) {
      throw new ConfigException(source + ": '" + type + ".purpose' is '" + code + "'; known purposes: " + String.join(", ", CODES));
    }
    List<HeadlineMetric> primary = new ArrayList<>();
    for (JsonNode metric : entry.path("primary")) {
      primary.add(HeadlineMetric.byColumn(metric.asText()).orElseThrow(() -> new ConfigException(source + ": '" + type
          + ".primary' names '" + metric.asText() + "'; known metrics: "
          + String.join(", ", Arrays.stream(HeadlineMetric.values()).map(HeadlineMetric::column).toList()))));
    }
    JsonNode lifespan = entry.get("lifespan-days");
    if (lifespan != null && !lifespan.isNull() && !(lifespan.isInt() && lifespan.asInt() >= 1)) {
      throw new ConfigException(source + ": '" + type + ".lifespan-days' must be a whole number of days, at least 1");
    }
    JsonNode dying = entry.path("dying");
    unknownKeys(dying, DYING_KEYS, type + ".dying", source);
    DyingRule rule = new DyingRule(
        number(dying, "min-age-days", deadGroup.minAgeDays(), type, source).intValue(),
        number(dying, "min-active", deadGroup.minActive(), type, source).intValue(),
        number(dying, "min-active-share", deadGroup.minActiveShare(), type, source).doubleValue());
    return new Purpose(code, List.copyOf(primary), lifespan == null || lifespan.isNull() ? null : lifespan.asInt(), rule);
  }

  private static Number number(JsonNode dying, String key, Number fallback, String type, String source) {
    JsonNode value = dying.get(key);
    if (value == null) return fallback;
    if (!value.isNumber() || value.asDouble() < 0) {
      throw new ConfigException(source + ": '" + type + ".dying." + key + "' must be a number, 0 or more");
    }
    return value.numberValue();
  }

  private static void unknownKeys(JsonNode node, Set<String> known, String where, String source) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ConfigException(source + ": unknown key '" + where + "." + name + "'; known keys: " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private static ObjectMapper yaml() {
    return new ObjectMapper(new YAMLFactory());
  }

  /** The purpose of {@code type} (null: the unattributed row, which has none); the default for unlisted types. */
  public Purpose of(String type) {
    return byType.getOrDefault(type, fallback);
  }
}
