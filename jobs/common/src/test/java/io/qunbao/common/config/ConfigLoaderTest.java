package io.qunbao.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path root;

  @Test
  void theYamlOfAConfigLoadsBackToTheSameConfig() throws IOException {
    // given a config that sets keys of every kind: nested, maps with dotted keys, numbers, booleans, secrets
    ConfigLoader loader = new ConfigLoader();
    QunbaoConfig config = loader.load(Files.writeString(root.resolve("given.yml"), String.join("\n",
        "inbox: s3a://bucket/inbox",
        "timezone: Asia/Tokyo",
        "ingest:",
        "  reject-share-limit: 0.025",
        "  keep-message-text: true",
        "  encodings:",
        "    orders: gbk",
        "spark:",
        "  master: spark://127.0.0.1:7077",
        "  home: /opt/spark",
        "  conf:",
        "    spark.executor.memory: 4g",
        "    spark.hadoop.fs.s3a.retry.limit: \"3\"",
        "s3:",
        "  secret-key: \"a:b#c\"",
        "alerts:",
        "  webhook-url: https://example.invalid/send?key=k", "")));

    // when it is written as YAML (what a spark-submit of the metrics is given) and read again
    Path written = Files.writeString(root.resolve("written.yml"), loader.toYaml(config));

    // then every value is the same
    assertThat(loader.load(written)).isEqualTo(config);
    assertThat(config.spark().isLocal()).isFalse();
  }
}
