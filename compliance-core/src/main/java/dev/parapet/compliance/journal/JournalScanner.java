package dev.parapet.compliance.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A cursor over a journal directory that reads it front to back, verifying every segment header,
 * record CRC, sequence number and hash link, and stops at the first break. Used to open (recover),
 * verify and read a journal; reading is incremental, so a journal of any size streams in bounded memory.
 * <p>
 * <b>Torn tail or break.</b> Only the end of the last segment can be torn by a crash. A problem counts
 * as a torn tail when it is in the last segment and either the record there is incomplete (fewer bytes
 * left than its header needs, or its length runs past the end of the file) or its length or checksum is
 * wrong and no valid record can be found after it. A complete record with a wrong checksum that ends
 * exactly at the end of the file is a break, not a tear (a crashed process cannot leave one), so a
 * change to the last record is detected too. Everything else is a break.
 * <p>
 * Confined to one thread.
 */
final class JournalScanner implements Closeable {

  /** The outcome of a scan so far, with what recovery needs. */
  static final class Result {
    final Path directory;
    final List<Path> segments;
    long records;
    long firstSequence;
    long lastSequence;
    final byte[] lastHash = new byte[JournalFormat.HASH_LENGTH];
    boolean anyRecord;
    JournalBreak firstBreak;
    /** The byte length at which the valid content of the segment being read (at the end: the last) ends. */
    long lastSegmentValidLength;

    Result(Path directory, List<Path> segments) {
      this.directory = directory;
      this.segments = segments;
    }

    JournalVerification verification() {
      return new JournalVerification(directory, segments.size(), records, anyRecord ? firstSequence : 0,
          anyRecord ? lastSequence : 0, anyRecord ? HexFormat.of().formatHex(lastHash) : "",
          Optional.ofNullable(firstBreak));
    }
  }

  private final boolean decode;
  private final Result r;
  private final MessageDigest digest = JournalFormat.sha256();
  private final CRC32C crc = new CRC32C();
  private final byte[] hashScratch = new byte[JournalFormat.HASH_LENGTH];
  private ByteBuffer buf = ByteBuffer.allocate(1 << 20);
  private long bufStart;
  private int bufLength;
  private int segmentIndex = -1;
  private FileChannel channel;
  private Path segment;
  private long size;
  private long pos;
  private long expected = -1;
  private JournalRecord current;

  /**
   * Opens a cursor.
   *
   * @param directory the journal directory
   * @param decode whether to decode each record's type and payload (reading) or only verify it
   */
  JournalScanner(Path directory, boolean decode) throws IOException {
    this.decode = decode;
    this.r = new Result(directory, listSegments(directory));
  }

  static List<Path> listSegments(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> JournalFormat.segmentFirstSequence(p) >= 0).forEach(out::add);
    }
    out.sort(null);
    return out;
  }

  /** Verifies a whole directory. */
  static Result scan(Path dir) throws IOException {
    try (JournalScanner s = new JournalScanner(dir, false)) {
      while (s.advance()) {
        // verifying is all
      }
      return s.r;
    }
  }

  /** Returns what was found so far (all of it once {@link #advance()} returned false). */
  Result result() {
    return r;
  }

  /** Returns the record {@link #advance()} last verified (decoded readers only). */
  JournalRecord current() {
    return current;
  }

  /**
   * Verifies the next record.
   *
   * @return true if there was one; false at the end of the journal or at the first break
   */
  boolean advance() throws IOException {
    current = null;
    while (r.firstBreak == null) {
      if (channel == null) {
        if (!openNextSegment()) {
          return false;
        }
        continue;
      }
      if (pos >= size) {
        closeChannel();
        continue;
      }
      JournalBreak b = record();
      if (b != null) {
        r.firstBreak = b;
        closeChannel();
        return false;
      }
      expected++;
      return true;
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    closeChannel();
  }

  private void closeChannel() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  /** Opens and checks the next segment's header; false at the end of the segments or at a break. */
  private boolean openNextSegment() throws IOException {
    segmentIndex++;
    if (segmentIndex >= r.segments.size()) {
      return false;
    }
    segment = r.segments.get(segmentIndex);
    boolean last = segmentIndex == r.segments.size() - 1;
    channel = FileChannel.open(segment, StandardOpenOption.READ);
    bufStart = 0;
    bufLength = 0;
    size = channel.size();
    r.lastSegmentValidLength = 0;
    long nameSeq = JournalFormat.segmentFirstSequence(segment);
    if (size < JournalFormat.HEADER_LENGTH) {
      r.firstBreak = new JournalBreak(expected < 0 ? nameSeq : expected, segment, 0,
          last ? JournalBreak.Kind.TORN_TAIL : JournalBreak.Kind.BAD_SEGMENT_HEADER,
          "segment header incomplete: " + size + " of " + JournalFormat.HEADER_LENGTH + " bytes");
      closeChannel();
      return false;
    }
    ByteBuffer h = window(0, JournalFormat.HEADER_LENGTH);
    int p = h.position();
    crc.reset();
    crc.update(h.array(), p, JournalFormat.HEADER_LENGTH - 4);
    boolean magic = Arrays.equals(h.array(), p, p + 8, JournalFormat.MAGIC, 0, 8);
    int version = h.getInt(p + 8);
    long first = h.getLong(p + 16);
    byte[] prev = Arrays.copyOfRange(h.array(), p + 24, p + 56);
    JournalBreak b = null;
    if (!magic || version != JournalFormat.VERSION || (int) crc.getValue() != h.getInt(p + 60) || first != nameSeq) {
      b = new JournalBreak(expected < 0 ? nameSeq : expected, segment, 0, JournalBreak.Kind.BAD_SEGMENT_HEADER,
          !magic ? "not a journal segment (bad magic)"
          : version != JournalFormat.VERSION ? "unsupported version " + version
          : first != nameSeq ? "header says first sequence " + first + ", file name says " + nameSeq
          : "header checksum mismatch");
    } else if (expected < 0) {
      expected = first;
      r.firstSequence = first;
      System.arraycopy(prev, 0, r.lastHash, 0, r.lastHash.length);
    } else if (first != expected) {
      b = new JournalBreak(expected, segment, 0, JournalBreak.Kind.SEQUENCE_GAP,
          "segment starts at sequence " + first + ", expected " + expected);
    } else if (!Arrays.equals(prev, r.lastHash)) {
      b = new JournalBreak(expected, segment, 0, JournalBreak.Kind.HASH_MISMATCH,
          "segment header does not chain from the previous segment's last record");
    }
    if (b != null) {
      r.firstBreak = b;
      closeChannel();
      return false;
    }
    pos = JournalFormat.HEADER_LENGTH;
    r.lastSegmentValidLength = pos;
    return true;
  }

  /** Verifies the record at {@code pos}; on success advances the result and returns null. */
  private JournalBreak record() throws IOException {
    boolean last = segmentIndex == r.segments.size() - 1;
    if (size - pos < 4) {
      return tear(last, "only " + (size - pos) + " bytes left for a record length");
    }
    int body = window(pos, 4).getInt();
    if (body < JournalFormat.MIN_BODY || body > JournalFormat.MAX_BODY) {
      return damaged(last, JournalBreak.Kind.BAD_LENGTH, "impossible body length " + body, false);
    }
    long length = (long) JournalFormat.RECORD_OVERHEAD + body;
    if (pos + length > size) {
      return tear(last, "record of " + length + " bytes runs past the end of the file (" + (size - pos)
          + " bytes left)");
    }
    ByteBuffer b = window(pos, (int) length);
    int p = b.position();
    byte[] a = b.array();
    crc.reset();
    crc.update(a, p, (int) length - 4);
    if ((int) crc.getValue() != b.getInt(p + (int) length - 4)) {
      return damaged(last, JournalBreak.Kind.CRC_MISMATCH, "record checksum mismatch", pos + length == size);
    }
    long sequence = b.getLong(p + 4);
    if (sequence != expected) {
      return new JournalBreak(expected, segment, pos, JournalBreak.Kind.SEQUENCE_GAP,
          "record carries sequence " + sequence + ", expected " + expected);
    }
    int typeLength = b.getShort(p + 20) & 0xffff;
    if (typeLength < 1 || 18 + typeLength > body) {
      return new JournalBreak(expected, segment, pos, JournalBreak.Kind.BAD_LENGTH,
          "impossible type length " + typeLength);
    }
    digest.reset();
    digest.update(r.lastHash);
    digest.update(a, p + 4, body);
    try {
      digest.digest(hashScratch, 0, hashScratch.length);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e);
    }
    if (!Arrays.equals(hashScratch, 0, 32, a, p + 4 + body, p + 4 + body + 32)) {
      return new JournalBreak(expected, segment, pos, JournalBreak.Kind.HASH_MISMATCH,
          "record hash does not chain from the previous record");
    }
    System.arraycopy(hashScratch, 0, r.lastHash, 0, r.lastHash.length);
    if (decode) {
      long time = b.getLong(p + 12);
      String type = new String(a, p + 22, typeLength, StandardCharsets.UTF_8);
      String payload = new String(a, p + 22 + typeLength, body - 18 - typeLength, StandardCharsets.UTF_8);
      current = new JournalRecord(sequence, Instant.ofEpochSecond(Math.floorDiv(time, 1_000_000_000L),
          Math.floorMod(time, 1_000_000_000L)), type, payload, HexFormat.of().formatHex(r.lastHash));
    }
    r.records++;
    r.anyRecord = true;
    r.lastSequence = sequence;
    pos += length;
    r.lastSegmentValidLength = pos;
    return null;
  }

  private JournalBreak tear(boolean last, String detail) {
    return new JournalBreak(expected, segment, pos, last ? JournalBreak.Kind.TORN_TAIL
        : JournalBreak.Kind.BAD_LENGTH, detail + (last ? "" : " in a segment that is not the last"));
  }

  private JournalBreak damaged(boolean last, JournalBreak.Kind kind, String detail, boolean endsAtEof)
      throws IOException {
    if (last && !endsAtEof && !validRecordAfter()) {
      return new JournalBreak(expected, segment, pos, JournalBreak.Kind.TORN_TAIL, detail
          + ", and no valid record follows");
    }
    return new JournalBreak(expected, segment, pos, kind, detail);
  }

  /** Searches for any record with a valid checksum starting after {@code pos}. */
  private boolean validRecordAfter() throws IOException {
    long limit = Math.min(size - JournalFormat.RECORD_OVERHEAD - JournalFormat.MIN_BODY,
        pos + JournalFormat.RECORD_OVERHEAD + JournalFormat.MAX_BODY);
    for (long at = pos + 1; at <= limit; at++) {
      int body = window(at, 4).getInt();
      if (body < JournalFormat.MIN_BODY || body > JournalFormat.MAX_BODY
          || at + JournalFormat.RECORD_OVERHEAD + body > size) {
        continue;
      }
      int length = JournalFormat.RECORD_OVERHEAD + body;
      ByteBuffer b = window(at, length);
      crc.reset();
      crc.update(b.array(), b.position(), length - 4);
      if ((int) crc.getValue() == b.getInt(b.position() + length - 4)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the read buffer positioned at file offset {@code at}, with at least {@code length} bytes
   * readable from there (absolute gets are relative to the returned position).
   */
  private ByteBuffer window(long at, int length) throws IOException {
    if (at < bufStart || at + length > bufStart + bufLength) {
      if (buf.capacity() < length) {
        buf = ByteBuffer.allocate(Math.max(length, buf.capacity() * 2));
      }
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), size - at));
      while (buf.hasRemaining()) {
        if (channel.read(buf, at + buf.position()) < 0) {
          break;
        }
      }
      bufStart = at;
      bufLength = buf.position();
    }
    buf.limit(bufLength);
    buf.position((int) (at - bufStart));
    return buf;
  }
}
