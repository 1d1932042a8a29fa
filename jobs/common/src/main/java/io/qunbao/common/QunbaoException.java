package io.qunbao.common;

/**
 * An expected failure with a message a person can act on: logged as one line (no stack trace) and
 * mapped to its {@link ExitCode}.
 */
public class QunbaoException extends RuntimeException {
  private final ExitCode exitCode;

  public QunbaoException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public QunbaoException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
