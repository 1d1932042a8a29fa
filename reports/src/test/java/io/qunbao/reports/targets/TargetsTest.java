package io.qunbao.reports.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qunbao.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsTest {
  @TempDir Path folder;

  @Test
  void theShippedExampleLoadsAndMarksHitAndMiss() {
    // reports/targets.example.yml: new_user conversion_rate at least 0.05
    Targets targets = Targets.load(Path.of("targets.example.yml").toString());
    Target conversion = targets.of("new_user", "conversion_rate").orElseThrow();
    assertThat(conversion.hit(0.05)).isTrue(); // the bound itself is a hit
    assertThat(conversion.hit(0.049)).isFalse();
    assertThat(conversion.hit(null)).isNull(); // no value, no mark
    assertThat(targets.of("vip", "conversion_rate")).isEmpty();
  }

  @Test
  void anUnknownMetricFailsWithTheFileAndKeyNamed() throws Exception {
    Path file = Files.writeString(folder.resolve("targets.yml"), "camp:\n  conversion: {at-least: 0.3}\n");
    assertThatThrownBy(() -> Targets.load(file.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("camp.conversion")
        .hasMessageContaining(file.toString());
  }

  @Test
  void aBoundMustBeOneNumber() throws Exception {
    Path file = Files.writeString(folder.resolve("targets.yml"), "camp:\n  gmv: {at-least: lots}\n");
    assertThatThrownBy(() -> Targets.load(file.toString())).isInstanceOf(ConfigException.class).hasMessageContaining("camp.gmv");
    assertThatThrownBy(() -> Targets.load(folder.resolve("absent.yml").toString()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("report.targets");
  }
}
