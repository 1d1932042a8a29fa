package io.qunbao.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {
  private final GeneratorOptions defaults = GeneratorOptions.defaults(Path.of("inbox"));

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(defaults.days()).isEqualTo(14);
    assertThat(defaults.groups()).isEqualTo(300);
    assertThat(defaults.businessZone().getId()).isEqualTo("Asia/Shanghai");
    assertThat(defaults.endDate()).isEqualTo(LocalDate.of(2026, 11, 14));
  }

  @Test
  void badValuesAreUsageErrorsSayingWhatToFix() {
    assertThatThrownBy(() -> defaults.withDays(0))
        .isInstanceOf(QunbaoException.class).hasMessageContaining("days must be at least 1")
        .satisfies(e -> assertThat(((QunbaoException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    assertThatThrownBy(() -> defaults.withGroups(3)).hasMessageContaining("groups must be at least 12");
    assertThatThrownBy(() -> defaults.withMessagesPerGroupPerDay(-1)).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> defaults.withMessagesPerGroupPerDay(Double.NaN)).hasMessageContaining(">= 0");
  }
}
