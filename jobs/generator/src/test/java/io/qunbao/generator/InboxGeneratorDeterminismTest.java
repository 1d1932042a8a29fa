package io.qunbao.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxGeneratorDeterminismTest {
  private static final GeneratorOptions SMALL = GeneratorOptions.defaults(Path.of("unused"))
      .withDays(5).withGroups(40).withMessagesPerGroupPerDay(60);

  @TempDir
  Path temp;

  @Test
  void sameSeedAndOptionsGiveByteIdenticalFiles() throws IOException {
    // given two inboxes generated from the same options
    new InboxGenerator(SMALL.withInbox(temp.resolve("a"))).generate();
    new InboxGenerator(SMALL.withInbox(temp.resolve("b"))).generate();

    // when every file of each is hashed
    Map<String, String> a = hashes(temp.resolve("a"));
    Map<String, String> b = hashes(temp.resolve("b"));

    // then the same files exist with the same bytes, gzip files and the generator's own files included
    assertThat(a).isNotEmpty().isEqualTo(b);
    assertThat(a.keySet()).anyMatch(f -> f.endsWith(".gz")).contains(InboxGenerator.SUMMARY_FILE,
        InboxGenerator.EXPECTED_REJECTS_FILE);
  }

  @Test
  void anotherSeedGivesOtherData() throws IOException {
    // given the same options but the seed
    new InboxGenerator(SMALL.withInbox(temp.resolve("a"))).generate();
    new InboxGenerator(SMALL.withSeed(SMALL.seed() + 1).withInbox(temp.resolve("b"))).generate();

    // when the first chat export of each is compared
    String firstChat = "chat/2026-11-01/wecom_msgs_20261101_01.jsonl";

    // then it differs
    assertThat(hashes(temp.resolve("a")).get(firstChat)).isNotNull()
        .isNotEqualTo(hashes(temp.resolve("b")).get(firstChat));
  }

  @Test
  void aRerunIntoTheSameInboxReplacesItsFilesAndLeavesNoStaleOnes() throws IOException {
    // given an inbox generated for 5 days, then a stale file in one of its folders
    Path inbox = temp.resolve("inbox");
    new InboxGenerator(SMALL.withInbox(inbox)).generate();
    Map<String, String> first = hashes(inbox);
    Files.writeString(inbox.resolve("chat/2026-11-02/stale.jsonl"), "{}\n");

    // when the same options run again into it
    new InboxGenerator(SMALL.withInbox(inbox)).generate();

    // then the inbox holds exactly the files of the first run
    assertThat(hashes(inbox)).isEqualTo(first);
  }

  private static Map<String, String> hashes(Path root) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        hashes.put(root.relativize(file).toString().replace('\\', '/'), sha256(Files.readAllBytes(file)));
      }
    }
    return hashes;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
