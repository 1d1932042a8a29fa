package io.qunbao.reports.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.qunbao.common.config.ConfigException;
import io.qunbao.reports.model.HeadlineMetric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Targets per group type and metric, from the YAML file named by {@code report.targets}
 * (example: {@code reports/targets.example.yml}):
 * <pre>
 * new_user:
 *   conversion_rate: {at-least: 0.05}
 * </pre>
 * Rates are shares (0.05 is 5%), GMV is yuan. A metric or bound the report does not know fails at
 * start with the file and key named.
 */
public final class Targets {
  /** The metrics a target can be set on: the headline metrics, by their column names. */
  public static final Set<String> METRICS =
      Arrays.stream(HeadlineMetric.values()).map(HeadlineMetric::column).collect(Collectors.toUnmodifiableSet());

  private final Map<String, Map<String, Target>> byType;

  private Targets(Map<String, Map<String, Target>> byType) {
    this.byType = byType;
  }

  public static Targets none() {
    return new Targets(Map.of());
  }

  /** The targets in {@code location}; none when it is empty (the default). */
  public static Targets load(String location) {
    if (location == null || location.isBlank()) return none();
    Path file = Path.of(location);
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("report.targets file " + file + " does not exist (set report.targets to a targets YAML file, or leave it empty)");
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException("report.targets file " + file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    Map<String, Map<String, Target>> byType = new HashMap<>();
    if (root == null || root.isNull() || root.isMissingNode()) return new Targets(byType);
    if (!root.isObject()) throw new ConfigException("report.targets file " + file + " must map group types to metrics");
    for (Iterator<Map.Entry<String, JsonNode>> types = root.fields(); types.hasNext(); ) {
      Map.Entry<String, JsonNode> type = types.next();
      Map<String, Target> metrics = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> entries = type.getValue().fields(); entries.hasNext(); ) {
        Map.Entry<String, JsonNode> metric = entries.next();
        String key = type.getKey() + "." + metric.getKey();
        if (!METRICS.contains(metric.getKey())) {
          throw new ConfigException("report.targets file " + file + ": unknown metric '" + key + "'; known metrics: " + String.join(", ", METRICS.stream().sorted().toList()));
        }
        metrics.put(metric.getKey(), target(metric.getValue(), key, file));
      }
      byType.put(type.getKey(), metrics);
    }
    return new Targets(byType);
  }

  private static Target target(JsonNode bound, String key, Path file) {
    JsonNode atLeast = bound.get("at-least");
    JsonNode atMost = bound.get("at-most");
    if (bound.size() != 1 || (atLeast == null) == (atMost == null)) {
      throw new ConfigException("report.targets file " + file + ": '" + key + "' must be {at-least: number} or {at-most: number}");
    }
    JsonNode value = atLeast != null ? atLeast : atMost;
    if (!value.isNumber()) {
      throw new ConfigException("report.targets file " + file + ": '" + key + "' bound '" + value.asText() + "' is not a number");
    }
    return new Target(atLeast != null ? Target.Direction.AT_LEAST : Target.Direction.AT_MOST, value.asDouble());
  }

  public Optional<Target> of(String type, String metric) {
    return Optional.ofNullable(byType.getOrDefault(type, Map.of()).get(metric));
  }
}
