package io.qunbao.reports.i18n;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The installed font the report draws Chinese with: a TrueType font file (.ttf or .ttc) whose font
 * can display {@link #PROBE}. Charts use its AWT family, the PDF embeds the file. Without one the
 * report stops with a one-line message instead of drawing empty boxes.
 */
public record CjkFont(String family, File file) {
  /** Characters of the report's own headings: a font that draws these draws the report. */
  public static final String PROBE = "群报转化";

  private static final List<Path> FONT_FOLDERS = List.of(
      Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"), Path.of(System.getProperty("user.home"), ".fonts"));
  /** Known good TrueType-outline CJK fonts first; CFF-based ones (.otf, Noto CJK) embed badly in PDFs. */
  private static final List<String> PREFERRED = List.of("wqy-microhei", "wqy-zenhei", "droidsansfallback", "notosanscjk", "notoserifcjk");

  public static CjkFont find() {
    return find(FONT_FOLDERS);
  }

  /** The CJK font in {@code folders} (searched with their sub-folders). */
  static CjkFont find(List<Path> folders) {
    List<Path> candidates = new ArrayList<>();
    for (Path folder : folders) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.walk(folder)) {
          files.filter(CjkFont::isTrueType).forEach(candidates::add);
        } catch (IOException e) {
          // An unreadable font folder is skipped: another may hold the font.
        }
      }
    }
    candidates.sort(Comparator.comparingInt(CjkFont::preference).thenComparing(Path::toString));
    for (Path candidate : candidates) {
      Font font = displaying(candidate);
      if (font != null) {
        GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
        return new CjkFont(font.getFamily(Locale.ROOT), candidate.toFile());
      }
    }
    throw new QunbaoException(ExitCode.FAILED,
        "no CJK font found under " + folders + ": the report would draw Chinese as empty boxes; "
            + "install one (Debian: apt-get install fonts-wqy-microhei, or run scripts/setup-system)");
  }

  private static boolean isTrueType(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(file) && (name.endsWith(".ttf") || name.endsWith(".ttc"));
  }

  private static int preference(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    for (int i = 0; i < PREFERRED.size(); i++) {
      if (name.contains(PREFERRED.get(i).replace("-", ""))) return i;
    }
    return PREFERRED.size();
  }

  /** The first font of {@code file} that displays the probe, or null. */
  private static Font displaying(Path file) {
    try {
      for (Font font : Font.createFonts(file.toFile())) {
        if (font.canDisplayUpTo(PROBE) == -1) return font;
      }
    } catch (FontFormatException | IOException e) {
      // Not a font AWT can read: try the next file.
    }
    return null;
  }
}
