package io.qunbao.reports.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qunbao.common.QunbaoException;
import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CjkFontTest {
  @Test
  void theInstalledFontDrawsTheReportsChineseAndEveryGroupTypeLabel() {
    // Given the machine's fonts (scripts/setup-system installs fonts-wqy-microhei)
    CjkFont font = CjkFont.find();
    Font awt = new Font(font.family(), Font.PLAIN, 12);
    assertThat(font.file()).exists();
    assertThat(awt.canDisplayUpTo(CjkFont.PROBE)).isEqualTo(-1);
    Messages zh = new Messages("zh");
    for (String code : GroupTypes.CODES) {
      assertThat(awt.canDisplayUpTo(zh.groupType(code))).as(code).isEqualTo(-1);
    }
  }

  @Test
  void withoutACjkFontTheReportStopsWithOneLineSayingWhatToInstall(@TempDir Path folder) throws Exception {
    // Given a font folder holding only a file that is no font
    Files.writeString(folder.resolve("broken.ttf"), "not a font");
    assertThatThrownBy(() -> CjkFont.find(List.of(folder)))
        .isInstanceOf(QunbaoException.class)
        .hasMessageContaining("no CJK font found")
        .hasMessageContaining("fonts-wqy-microhei")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
