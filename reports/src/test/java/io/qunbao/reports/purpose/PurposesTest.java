package io.qunbao.reports.purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qunbao.common.config.ConfigException;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.reports.model.GroupHealth;
import io.qunbao.reports.model.HeadlineMetric;
import io.qunbao.reports.purpose.Purpose.GroupStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PurposesTest {
  static final QunbaoConfig.DeadGroup DEFAULTS = new QunbaoConfig.DeadGroup(7, 3, 0.02);

  @TempDir Path folder;

  @Test
  void theBundledPurposesJudgeEachTypeByWhatItIsFor() {
    Purposes bundled = Purposes.load("", DEFAULTS);
    // traffic and new-user groups convert; a delivery group serves (reach, leaves), it does not sell
    assertThat(bundled.of("traffic").primary()).first().isEqualTo(HeadlineMetric.CONVERSION_RATE);
    assertThat(bundled.of("new_user").primary()).first().isEqualTo(HeadlineMetric.CONVERSION_RATE);
    assertThat(bundled.of("delivery").primary()).containsExactly(HeadlineMetric.REACH_RATE, HeadlineMetric.LEAVES);
    assertThat(bundled.of("superfan").primary()).containsExactly(HeadlineMetric.REPURCHASE_RATE_30D, HeadlineMetric.K_FACTOR);
    assertThat(bundled.of("vip").primary()).containsExactly(HeadlineMetric.REPURCHASE_RATE_30D, HeadlineMetric.GMV);
    assertThat(bundled.of("flash").primary()).containsExactlyInAnyOrder(HeadlineMetric.CONVERSION_RATE, HeadlineMetric.GMV);
    assertThat(List.of("camp", "local", "checkin")).allSatisfy(type ->
        assertThat(bundled.of(type).primary()).first().isEqualTo(HeadlineMetric.ACTIVITY_RATE));
    // a type outside the file (and unknown groups) gets the default
    assertThat(bundled.of("wholesale").code()).isEqualTo("none");
  }

  @Test
  void aGroupMeantToEndHasEndedAfterItsLifespanAndOneMeantToLastIsDying() {
    Purposes bundled = Purposes.load("", DEFAULTS);
    // quiet: 2 active of 120 members < max(3, ceil(0.02 × 120) = 3)
    assertThat(bundled.of("flash").status(quiet("flash", 3))).isEqualTo(GroupStatus.ENDED);
    assertThat(bundled.of("sale").status(quiet("sale", 6))).isEqualTo(GroupStatus.LIVELY); // too young for the default's 7 days, event not over
    assertThat(bundled.of("sale").status(quiet("sale", 7))).isEqualTo(GroupStatus.ENDED);
    // a camp is judged against its 21 days: quiet from its third day is dying, after the camp it has ended
    assertThat(bundled.of("camp").status(quiet("camp", 2))).isEqualTo(GroupStatus.LIVELY);
    assertThat(bundled.of("camp").status(quiet("camp", 3))).isEqualTo(GroupStatus.DYING);
    assertThat(bundled.of("camp").status(quiet("camp", 21))).isEqualTo(GroupStatus.ENDED);
    // a VIP group must live for years: quiet after its first week is dying, at any age
    assertThat(bundled.of("vip").status(quiet("vip", 6))).isEqualTo(GroupStatus.LIVELY);
    assertThat(bundled.of("vip").status(quiet("vip", 400))).isEqualTo(GroupStatus.DYING);
    assertThat(bundled.of("vip").status(new GroupHealth(LocalDate.EPOCH, "g", "vip", 400, 120, 3, 9, false))).isEqualTo(GroupStatus.LIVELY);
  }

  @Test
  void aFileOverridesTheBundledOneAndLeftOutThresholdsAreTheMetricsOnes() throws Exception {
    Path file = Files.writeString(folder.resolve("purposes.yml"), String.join("\n",
        "default: {purpose: none, primary: [members]}",
        "vip: {purpose: retention, primary: [gmv], dying: {min-active: 10}}", ""));
    Purposes purposes = Purposes.load(file.toString(), DEFAULTS);
    assertThat(purposes.of("vip").primary()).containsExactly(HeadlineMetric.GMV);
    assertThat(purposes.of("vip").dying()).isEqualTo(new DyingRule(7, 10, 0.02));
    assertThat(purposes.of("traffic").primary()).containsExactly(HeadlineMetric.MEMBERS);
  }

  @Test
  void aWrongFileFailsWithTheFileAndKeyNamed() throws Exception {
    Path metric = Files.writeString(folder.resolve("metric.yml"), "default: {primary: [members]}\ncamp: {primary: [fun]}\n");
    assertThatThrownBy(() -> Purposes.load(metric.toString(), DEFAULTS))
        .isInstanceOf(ConfigException.class).hasMessageContaining(metric.toString()).hasMessageContaining("camp.primary").hasMessageContaining("fun");
    Path key = Files.writeString(folder.resolve("key.yml"), "default: {primary: [members]}\ncamp: {lifespan: 21}\n");
    assertThatThrownBy(() -> Purposes.load(key.toString(), DEFAULTS))
        .isInstanceOf(ConfigException.class).hasMessageContaining("camp.lifespan");
    Path purpose = Files.writeString(folder.resolve("purpose.yml"), "default: {primary: [members]}\ncamp: {purpose: fun}\n");
    assertThatThrownBy(() -> Purposes.load(purpose.toString(), DEFAULTS))
        .isInstanceOf(ConfigException.class).hasMessageContaining("camp.purpose");
    Path noDefault = Files.writeString(folder.resolve("nodefault.yml"), "camp: {primary: [members]}\n");
    assertThatThrownBy(() -> Purposes.load(noDefault.toString(), DEFAULTS))
        .isInstanceOf(ConfigException.class).hasMessageContaining("default");
    assertThatThrownBy(() -> Purposes.load(folder.resolve("absent.yml").toString(), DEFAULTS))
        .isInstanceOf(ConfigException.class).hasMessageContaining("report.purposes");
  }

  private static GroupHealth quiet(String type, int ageDays) {
    return new GroupHealth(LocalDate.EPOCH, "g", type, ageDays, 120, 2, 5, false);
  }
}
