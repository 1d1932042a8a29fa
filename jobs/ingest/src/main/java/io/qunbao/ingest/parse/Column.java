package io.qunbao.ingest.parse;

/** A column of a CSV export: its English name, its Chinese header, and whether a row needs it. */
public record Column(String name, String chineseName, boolean required) {
  public static Column required(String name, String chineseName) {
    return new Column(name, chineseName, true);
  }

  public static Column optional(String name, String chineseName) {
    return new Column(name, chineseName, false);
  }

  /** English names match regardless of case; both match regardless of surrounding blanks. */
  boolean matches(String header) {
    String h = header.strip();
    return h.equalsIgnoreCase(name) || h.equals(chineseName);
  }
}
