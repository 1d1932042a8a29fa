package io.qunbao.generator;

import io.qunbao.common.Source;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The export of one CSV source on one day: good rows, and now and then a bad row crafted from the row
 * just written, broken in exactly one way and listed in expected_rejects.csv.
 */
final class CsvSourceExport implements Closeable {
  /**
   * Which columns a bad row may break: required ones (to leave empty), ids (to mangle), time stamps,
   * the amount, status and role columns (null when the source has none), and a text column to put
   * invalid bytes into.
   */
  record BadRowFields(List<CsvColumn> required, List<CsvColumn> ids, List<CsvColumn> timestamps,
      CsvColumn amount, CsvColumn status, CsvColumn role, CsvColumn text) {}

  /** Letters that no CSV quoting touches, replaced after rendering. */
  private static final String MARKER = "QQMARKERQQ";

  private final Source source;
  private final LocalDate day;
  private final CsvExport file;
  private final BadRowBudget budget;
  private final BadRowFields fields;
  private final Clock clock;
  private final SplittableRandom random;
  private final RejectLedger ledger;
  private final ExportTally tally;

  CsvSourceExport(Source source, LocalDate day, CsvExport file, BadRowBudget budget, BadRowFields fields,
      Clock clock, SplittableRandom random, RejectLedger ledger, ExportTally tally) {
    this.source = source;
    this.day = day;
    this.file = file;
    this.budget = budget;
    this.fields = fields;
    this.clock = clock;
    this.random = random;
    this.ledger = ledger;
    this.tally = tally;
    budget.startExport();
    tally.files.add(file.relativePath());
  }

  /** A good row about an event at {@code time}, maybe followed by a bad one. */
  void write(String[] values, long time) {
    writeGood(values);
    RejectClass bad = budget.nextBadRow();
    if (bad != null) {
      writeBad(bad, values, time);
    }
  }

  /** A good row an earlier export already held. */
  void writeRepeated(String[] values) {
    writeGood(values);
    tally.repeatedRows++;
  }

  /** A good row of an earlier day's event that no earlier export held. */
  void writeLate(String[] values) {
    writeGood(values);
    tally.lateRows++;
  }

  /** A bad row of the next kind in turn, whatever the chance (snapshots get one each). */
  void writeOneBad(String[] template, long time) {
    writeBad(budget.takeTurn(), template, time);
  }

  private void writeGood(String[] values) {
    file.write(values);
    budget.countGood();
    tally.rows++;
  }

  private void writeBad(RejectClass kind, String[] template, long time) {
    String[] v = singleLine(template);
    long line = switch (kind) {
      case MISSING_FIELD -> set(v, pick(fields.required()), "");
      case MANGLED_ID -> set(v, pick(fields.ids()), BadValues.mangledId(random));
      case BAD_TIMESTAMP -> set(v, pick(fields.timestamps()), BadValues.timestamp(time, clock, random));
      case BAD_AMOUNT -> set(v, fields.amount(), Draw.oneOf(random, "abc", "-5.00", "12.345", "1.2.3", "¥", "-0.01"));
      case UNKNOWN_STATUS -> set(v, fields.status(), Draw.oneOf(random, "shipping", "已签收", "paid_partially", "退款中"));
      case UNKNOWN_ROLE -> set(v, fields.role(), Draw.oneOf(random, "实习生", "intern", "外包", "manager"));
      case BROKEN_CSV -> brokenQuote(v);
      case BAD_ENCODING -> invalidBytes(v);
      default -> throw new IllegalArgumentException(source + " has no " + kind + " rows");
    };
    ledger.record(source, day, file.relativePath(), line, kind);
    tally.rows++;
    tally.badRows++;
  }

  private long set(String[] values, CsvColumn column, String value) {
    values[column.index()] = value;
    return file.write(values);
  }

  /** A quoted id followed by a stray character: {@code "2026110100000042"x,...}, which no CSV reader accepts. */
  private long brokenQuote(String[] values) {
    CsvColumn id = fields.ids().get(0);
    String original = values[id.index()];
    values[id.index()] = MARKER;
    return file.writeRaw(file.render(values).replace(MARKER, "\"" + original + "\"x"));
  }

  /** The row with bytes that are not valid in the file's encoding after its text column's value. */
  private long invalidBytes(String[] values) {
    CsvColumn text = fields.text();
    values[text.index()] = values[text.index()] + MARKER;
    String rendered = file.render(values);
    int at = rendered.indexOf(MARKER);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(rendered.substring(0, at).getBytes(file.charset()));
    out.writeBytes(BadValues.invalidBytes());
    out.writeBytes(rendered.substring(at + MARKER.length()).getBytes(file.charset()));
    return file.writeRawBytes(out.toByteArray());
  }

  /**
   * A copy without line breaks in values: a bad record must be one physical line, or a reader that
   * rejects its first line would meet the rest as further (unlisted) bad records.
   */
  private static String[] singleLine(String[] template) {
    String[] copy = template.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] != null && (copy[i].indexOf('\n') >= 0 || copy[i].indexOf('\r') >= 0)) {
        copy[i] = "";
      }
    }
    return copy;
  }

  private CsvColumn pick(List<CsvColumn> columns) {
    return Draw.oneOf(columns, random);
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
