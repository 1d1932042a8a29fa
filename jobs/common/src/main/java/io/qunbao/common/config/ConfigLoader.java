package io.qunbao.common.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.qunbao.common.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the bundled defaults, lays the operator's YAML file over them key by key, and binds the
 * result to {@link QunbaoConfig}. A wrong key, type or value fails here, before any work starts,
 * with a message naming the key.
 */
public final class ConfigLoader {
  private static final String DEFAULTS = "/io/qunbao/common/config/defaults.yml";
  /** Keys whose value is a free map (no fixed key set). */
  private static final Set<String> OPEN_MAPS = Set.of("spark.conf");
  private static final Set<String> SOURCES_WITH_ENCODING =
      Arrays.stream(Source.values()).filter(Source::csv).map(Source::id).collect(Collectors.toSet());

  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** The defaults alone. */
  public QunbaoConfig defaults() {
    return bind(readDefaults());
  }

  /** The defaults with {@code file} laid over them; {@code file} may be null. */
  public QunbaoConfig load(Path file) {
    ObjectNode merged = readDefaults();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("config file " + file + " does not exist (check --config)");
      }
      JsonNode user;
      try {
        user = yaml.readTree(file.toFile());
      } catch (IOException e) {
        throw new ConfigException("config file " + file + " is not valid YAML: " + firstLine(e.getMessage()));
      }
      if (user != null && !user.isMissingNode() && !user.isNull()) {
        if (!user.isObject()) {
          throw new ConfigException("config file " + file + " must be a map of keys (see README, Configuration)");
        }
        overlay(merged, (ObjectNode) user, "", file);
      }
    }
    return bind(merged);
  }

  /**
   * The whole configuration as a YAML file {@link #load} reads back to the same values: what a
   * process started from this one (spark-submit of the metrics) is given.
   */
  public String toYaml(QunbaoConfig config) {
    try {
      return yaml.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a configuration always serializes", e);
    }
  }

  /** Lays {@code over} onto {@code base}; keys unknown to the defaults are rejected by name. */
  private void overlay(ObjectNode base, ObjectNode over, String prefix, Path file) {
    Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode current = base.get(field.getKey());
      if (current == null && !OPEN_MAPS.contains(prefix)) {
        throw new ConfigException(
            "unknown config key '" + key + "' in " + file + "; known keys here: " + knownKeys(base, prefix));
      }
      if (current != null && current.isObject() && field.getValue().isObject() && !OPEN_MAPS.contains(key)) {
        overlay((ObjectNode) current, (ObjectNode) field.getValue(), key, file);
      } else {
        base.set(field.getKey(), field.getValue());
      }
    }
  }

  private static String knownKeys(ObjectNode node, String prefix) {
    Iterable<String> names = node::fieldNames;
    return java.util.stream.StreamSupport.stream(names.spliterator(), false)
        .map(n -> prefix.isEmpty() ? n : prefix + "." + n)
        .sorted()
        .collect(Collectors.joining(", "));
  }

  private ObjectNode readDefaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
      return (ObjectNode) yaml.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("bundled defaults unreadable", e);
    }
  }

  private QunbaoConfig bind(ObjectNode tree) {
    QunbaoConfig config;
    try {
      config = yaml.treeToValue(tree, QunbaoConfig.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException("unknown config key '" + e.getPropertyName() + "'");
    } catch (InvalidFormatException e) {
      throw new ConfigException(
          "config key '" + path(e) + "' has value '" + e.getValue() + "', which is not a " + e.getTargetType().getSimpleName());
    } catch (JsonProcessingException e) {
      throw new ConfigException("bad configuration: " + firstLine(e.getOriginalMessage()));
    }
    validate(config);
    return config;
  }

  private static String path(InvalidFormatException e) {
    return e.getPath().stream().map(r -> r.getFieldName()).collect(Collectors.joining("."));
  }

  private static void validate(QunbaoConfig c) {
    try {
      ZoneId.of(c.timezone());
    } catch (DateTimeException e) {
      throw new ConfigException("timezone '" + c.timezone() + "' is not a time zone id (e.g. Asia/Shanghai)");
    }
    if (!(c.ingest().rejectShareLimit() >= 0 && c.ingest().rejectShareLimit() <= 1)) {
      throw new ConfigException("ingest.reject-share-limit must be between 0 and 1 (a share: 0.01 is 1%)");
    }
    if (c.metrics().conversionWindowDays() < 1) {
      throw new ConfigException("metrics.conversion-window-days must be a whole number of days, at least 1");
    }
    for (Map.Entry<String, String> e : c.ingest().encodings().entrySet()) {
      if (!SOURCES_WITH_ENCODING.contains(e.getKey())) {
        throw new ConfigException("unknown config key 'ingest.encodings." + e.getKey() + "'; known keys here: "
            + SOURCES_WITH_ENCODING.stream().sorted().map(s -> "ingest.encodings." + s).collect(Collectors.joining(", ")));
      }
      String enc = e.getValue().toLowerCase(java.util.Locale.ROOT);
      if (!Set.of("auto", "utf-8", "gb18030", "gbk").contains(enc)) {
        throw new ConfigException("ingest.encodings." + e.getKey() + " is '" + e.getValue() + "'; use auto, utf-8, gb18030 or gbk");
      }
    }
    if (!Set.of("zh", "en").contains(c.report().language())) {
      throw new ConfigException("report.language is '" + c.report().language() + "'; use zh or en");
    }
    validate(c.report());
    for (String folder : new String[] {c.inbox(), c.warehouse(), c.reports(), c.workDir()}) {
      if (folder == null || folder.isBlank()) {
        throw new ConfigException("inbox, warehouse, reports and work-dir must all be set");
      }
    }
  }

  private static void validate(QunbaoConfig.Report r) {
    if (r.minDenominator() < 0 || r.minScanners() < 1) {
      throw new ConfigException("report.min-denominator must be 0 or more and report.min-scanners at least 1 (people)");
    }
    QunbaoConfig.Baseline b = r.baseline();
    if (b.days() < 1 || b.minDays() < 1 || b.minDays() > b.days() || !(b.band() > 0)) {
      throw new ConfigException("report.baseline needs days >= 1, min-days between 1 and days, and a band above 0 (robust standard deviations)");
    }
    QunbaoConfig.Restatements s = r.restatements();
    if (s.runs() < 1 || !(s.materialPoints() >= 0) || !(s.materialShare() >= 0)) {
      throw new ConfigException("report.restatements needs runs >= 1 and material-points, material-share of 0 or more");
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
