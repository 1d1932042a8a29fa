package io.qunbao.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the generator module lands; replaced by the real options then. */
@Command(name = "generate", description = "Write a sample inbox (not available yet in this build)")
final class GenerateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new io.qunbao.common.QunbaoException(io.qunbao.common.ExitCode.USAGE, "generate is not built yet");
  }
}
