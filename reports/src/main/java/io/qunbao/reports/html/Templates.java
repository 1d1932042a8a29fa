package io.qunbao.reports.html;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The report's Mustache templates ({@code report.mustache}, {@code index.mustache}, and the
 * partials they include: {@code capped_table}, {@code chart}) and their shared stylesheet, inlined
 * so each page opens from disk with nothing else. The output is XHTML, because the PDF renderer
 * parses the same page as XML.
 */
public final class Templates {
  private static final String FOLDER = "/io/qunbao/reports/html/";
  /** A missing variable is a bug in the page model: fail instead of printing nothing. */
  private final Mustache.Compiler compiler = Mustache.compiler().emptyStringIsFalse(true)
      .withLoader(partial -> reader(partial + ".mustache"));

  public String render(String template, Map<String, Object> context, String fontFamily) {
    Map<String, Object> withStyle = new HashMap<>(context);
    withStyle.put("css", resource("style.css").replace("FONT_FAMILY", fontFamily));
    try (Reader source = reader(template + ".mustache")) {
      Template compiled = compiler.compile(source);
      return compiled.execute(withStyle);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + template, e);
    }
  }

  private static String resource(String name) {
    try (Reader in = reader(name)) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) text.append(buffer, 0, n);
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static Reader reader(String name) {
    InputStream in = Templates.class.getResourceAsStream(FOLDER + name);
    if (in == null) throw new IllegalStateException("bundled resource " + FOLDER + name + " is missing");
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
