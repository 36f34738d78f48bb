package dev.parapet.compliance.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JournalFormatTest {

  @Test
  void utf8_encoding_matches_the_jdk_for_random_text_with_surrogates() {
    long seed = System.nanoTime();
    System.out.println("utf8 seed " + seed);
    Random random = new Random(seed);
    char[] alphabet = {'a', '"', '{', '\u00e9', '\u20ac', '\ud83d', '\ude00', '\u0000', '\u07ff', '\u0800', '\uffff'};
    for (int k = 0; k < 2_000; k++) {
      char[] c = new char[random.nextInt(40)];
      for (int i = 0; i < c.length; i++) {
        c[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String s = new String(c);
      byte[] expected = s.getBytes(StandardCharsets.UTF_8);
      assertThat(JournalFormat.utf8Length(s)).as("length of %s", Arrays.toString(c)).isEqualTo(expected.length);
      byte[] actual = new byte[expected.length + 2];
      assertThat(JournalFormat.putUtf8(s, actual, 1)).isEqualTo(expected.length + 1);
      assertThat(Arrays.copyOfRange(actual, 1, expected.length + 1)).as("bytes of %s", Arrays.toString(c))
          .isEqualTo(expected);
    }
  }

  @Test
  void record_types_are_lower_case_words() {
    assertThat(JournalFormat.validType("decision")).isTrue();
    assertThat(JournalFormat.validType("kill-switch.v2")).isTrue();
    assertThat(JournalFormat.validType("a".repeat(64))).isTrue();
    assertThat(JournalFormat.validType("a".repeat(65))).isFalse();
    assertThat(JournalFormat.validType("")).isFalse();
    assertThat(JournalFormat.validType("1abc")).isFalse();
    assertThat(JournalFormat.validType("Decision")).isFalse();
    assertThat(JournalFormat.validType("a b")).isFalse();
  }
}
