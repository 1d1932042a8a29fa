package io.qunbao.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.testkit.SpecExample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/qunbao's class-data-sharing archive for {@code ingest} (jobs/app README): whichever ingest
 * command comes first after a build, the archive it leaves holds the classes a real ingest loads.
 */
class IngestClassArchiveIT {
  private static final Path SCRIPT = Repository.root().resolve("scripts/qunbao");
  private static final Path ARCHIVE = Repository.root().resolve("jobs/app/target/ingest-classes.jsa");

  @TempDir Path tmp;

  @Test
  void anIngestHelpFirstAfterABuildStillLeavesAnArchiveOfARealIngest() throws Exception {
    // given: no archive, as after a build
    Files.deleteIfExists(ARCHIVE);

    // when: the first ingest command is `ingest --help`, which loads little more than the command line
    assertThat(run(tmp.resolve("help.out"), Map.of(), "ingest", "--help")).isZero();

    // then: a real ingest of the spec's example day maps from the archive the classes that parse the
    // exports and write Parquet, instead of reading them from the jars
    Path config = Files.writeString(tmp.resolve("qunbao.yml"), String.join("\n",
        "inbox: " + SpecExample.inbox(),
        "warehouse: " + tmp.resolve("warehouse"),
        "reports: " + tmp.resolve("reports"),
        "work-dir: " + tmp.resolve("work"), ""), StandardCharsets.UTF_8);
    Path out = tmp.resolve("ingest.out");
    assertThat(run(out, Map.of("QUNBAO_JAVA_OPTS", "-Xlog:class+load=info"),
        "--config", config.toString(), "ingest", "--date", "2026-10-01")).isZero();
    List<String> loads = Files.readAllLines(out, StandardCharsets.UTF_8);
    for (String type : List.of("io.qunbao.ingest.chat.ChatSource", "org.apache.parquet.hadoop.ParquetWriter",
        "org.apache.parquet.avro.AvroWriteSupport", "org.apache.commons.csv.CSVParser")) {
      assertThat(loads).as("how %s was loaded", type).filteredOn(line -> line.contains(" " + type + " source:"))
          .singleElement().asString().contains("source: shared objects file");
    }
  }

  private static int run(Path out, Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString());
    builder.command().addAll(List.of(arguments));
    builder.environment().putAll(environment);
    Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("scripts/qunbao did not finish within 5 minutes");
    }
    return process.exitValue();
  }
}
