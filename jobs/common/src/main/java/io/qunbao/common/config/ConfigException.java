package io.qunbao.common.config;

/** A configuration the operator must fix; its message says what and where, in one line. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
