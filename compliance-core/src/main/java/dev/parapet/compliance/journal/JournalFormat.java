package dev.parapet.compliance.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The on-disk format (all integers big-endian).
 * <pre>
 * segment file journal-&lt;first sequence, 20 digits&gt;.log:
 *   header (64 bytes): magic "PRPTJRNL" | version int32 = 1 | header length int32 = 64
 *                      | first sequence int64 | previous hash (32 bytes) | reserved int32 = 0
 *                      | CRC32C of bytes [0, 60) int32
 *   then records, back to back:
 *   record: body length B int32
 *           | body: sequence int64 | time int64 (epoch nanoseconds) | type length T int16 | type (T bytes,
 *             UTF-8) | payload (B - 18 - T bytes, UTF-8 JSON)
 *           | hash (32 bytes) = SHA-256(previous record's hash || body)
 *           | CRC32C of everything before it in the record (length, body, hash) int32
 * </pre>
 * The first record of a journal chains from 32 zero bytes; each segment header repeats the hash its
 * first record chains from, so a segment verifies on its own and older segments may be archived. The
 * CRC catches torn and damaged records cheaply; the hash chain makes any change to a past record
 * visible, since every later hash would have to be recomputed (anchor the head hash elsewhere, e.g. in
 * the end-of-day report, to detect that too).
 */
final class JournalFormat {

  static final byte[] MAGIC = "PRPTJRNL".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int HEADER_LENGTH = 64;
  static final int HASH_LENGTH = 32;
  /** Bytes of a record around the body: length, hash, CRC. */
  static final int RECORD_OVERHEAD = 4 + HASH_LENGTH + 4;
  /** The smallest body: sequence, time, type length and a one-byte type. */
  static final int MIN_BODY = 8 + 8 + 2 + 1;
  static final int MAX_BODY = 16 * 1024 * 1024;
  static final Pattern SEGMENT_NAME = Pattern.compile("journal-(\\d{20})\\.log");

  private JournalFormat() {
  }

  static String segmentName(long firstSequence) {
    return String.format("journal-%020d.log", firstSequence);
  }

  static long segmentFirstSequence(Path file) {
    java.util.regex.Matcher m = SEGMENT_NAME.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Writes a segment header into a 64-byte buffer. */
  static ByteBuffer header(long firstSequence, byte[] previousHash) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH);
    b.put(MAGIC).putInt(VERSION).putInt(HEADER_LENGTH).putLong(firstSequence).put(previousHash).putInt(0);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, HEADER_LENGTH - 4);
    b.putInt((int) crc.getValue());
    b.flip();
    return b;
  }

  /** Returns true when a record type is valid: {@code [a-z][a-z0-9.-]{0,63}} (checked without a regex). */
  static boolean validType(String type) {
    int n = type.length();
    if (n < 1 || n > 64) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = type.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || i > 0 && (c >= '0' && c <= '9' || c == '.' || c == '-');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the length of a string in UTF-8, as {@link #putUtf8} writes it: a lone surrogate becomes
   * {@code '?'}, as {@code String.getBytes(UTF_8)} does.
   */
  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        n++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** Writes a string as UTF-8 into an array from an offset; returns the offset after it. */
  static int putUtf8(String s, byte[] a, int at) {
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        a[at++] = (byte) c;
      } else if (c < 0x800) {
        a[at++] = (byte) (0xc0 | c >> 6);
        a[at++] = (byte) (0x80 | c & 0x3f);
      } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        a[at++] = (byte) (0xf0 | cp >> 18);
        a[at++] = (byte) (0x80 | cp >> 12 & 0x3f);
        a[at++] = (byte) (0x80 | cp >> 6 & 0x3f);
        a[at++] = (byte) (0x80 | cp & 0x3f);
      } else if (Character.isSurrogate(c)) {
        a[at++] = '?';
      } else {
        a[at++] = (byte) (0xe0 | c >> 12);
        a[at++] = (byte) (0x80 | c >> 6 & 0x3f);
        a[at++] = (byte) (0x80 | c & 0x3f);
      }
    }
    return at;
  }

  /**
   * Encodes one record at the buffer's position and advances the chain: {@code chain} holds the previous
   * hash on entry and this record's hash on return. The buffer must be a heap buffer with room for
   * {@link #recordLength(int, int)} bytes; the type is ASCII ({@link #validType}) and
   * {@code payloadBytes} is {@link #utf8Length} of the payload. Allocation-free.
   */
  static void encode(ByteBuffer buf, long sequence, long timeNanos, String type, String payload, int payloadBytes,
      byte[] chain, MessageDigest digest, CRC32C crc) {
    int typeLength = type.length();
    int body = 8 + 8 + 2 + typeLength + payloadBytes;
    int start = buf.position();
    buf.putInt(body).putLong(sequence).putLong(timeNanos).putShort((short) typeLength);
    byte[] a = buf.array();
    int at = buf.arrayOffset() + buf.position();
    for (int i = 0; i < typeLength; i++) {
      a[at++] = (byte) type.charAt(i);
    }
    at = putUtf8(payload, a, at);
    buf.position(at - buf.arrayOffset());
    digest.reset();
    digest.update(chain);
    digest.update(a, buf.arrayOffset() + start + 4, body);
    try {
      digest.digest(chain, 0, HASH_LENGTH);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e);
    }
    buf.put(chain);
    crc.reset();
    crc.update(a, buf.arrayOffset() + start, 4 + body + HASH_LENGTH);
    buf.putInt((int) crc.getValue());
  }

  static int recordLength(int typeBytes, int payloadBytes) {
    return RECORD_OVERHEAD + 8 + 8 + 2 + typeBytes + payloadBytes;
  }
}
