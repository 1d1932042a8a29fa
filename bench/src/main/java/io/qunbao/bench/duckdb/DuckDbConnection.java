package io.qunbao.bench.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;

/**
 * One in-memory DuckDB whose session time zone is the business time zone, so that every
 * TIMESTAMPTZ cast to DATE in the bundled SQL is a business day, and export time stamps without
 * an offset are read in that zone (exports.md).
 */
final class DuckDbConnection implements AutoCloseable {
  private final Connection connection;

  DuckDbConnection(ZoneId businessZone) throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    execute("SET TimeZone = " + literal(businessZone.getId()));
  }

  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Runs a bundled script of several statements, e.g. {@code clean.sql}. */
  void executeResource(String name) throws SQLException {
    execute(resource(name));
  }

  /** Sets a DuckDB variable the bundled SQL reads with {@code getvariable(name)}. */
  void setVariable(String name, Object value) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SET VARIABLE " + name + " = ?")) {
      statement.setObject(1, value);
      statement.execute();
    }
  }

  /** Replaces {@code folder} with the rows of a query as Parquet, one hive partition per value of {@code partitionColumn}. */
  long copyToParquet(String query, Path folder, String partitionColumn) throws SQLException, IOException {
    Files.createDirectories(folder.getParent());
    try (Statement statement = connection.createStatement()) {
      boolean hasResult = statement.execute("COPY (" + query + ") TO " + literal(folder.toString())
          + " (FORMAT parquet, PARTITION_BY (" + partitionColumn + "), OVERWRITE true)");
      if (!hasResult) {
        return statement.getUpdateCount();
      }
      try (ResultSet writtenRows = statement.getResultSet()) {
        writtenRows.next();
        return writtenRows.getLong(1);
      }
    }
  }

  static String resource(String name) {
    try (InputStream in = DuckDbConnection.class.getResourceAsStream("/duckdb/" + name)) {
      if (in == null) {
        throw new IllegalStateException("bundled SQL /duckdb/" + name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled SQL /duckdb/" + name, e);
    }
  }

  /** A SQL string literal (paths and zone ids are not bindable in DDL and table functions). */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
