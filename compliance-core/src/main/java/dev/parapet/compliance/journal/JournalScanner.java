package dev.parapet.compliance.journal;

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
 * Reads a journal directory front to back, verifying every segment header, record CRC, sequence number
 * and hash link, and stops at the first break. Used to open (recover), verify and read a journal.
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
final class JournalScanner {

  /** Receives each verified record. */
  interface Sink {
    void record(JournalRecord record);
  }

  /** The outcome of a scan, with what recovery needs. */
  static final class Result {
    final Path directory;
    final List<Path> segments;
    long records;
    long firstSequence;
    long lastSequence;
    byte[] lastHash = new byte[JournalFormat.HASH_LENGTH];
    boolean anyRecord;
    JournalBreak firstBreak;
    /** For the writer: the last segment and the byte length its valid content ends at. */
    Path lastSegment;
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

  private final MessageDigest digest = JournalFormat.sha256();
  private final CRC32C crc = new CRC32C();
  private final byte[] hashScratch = new byte[JournalFormat.HASH_LENGTH];
  private ByteBuffer buf = ByteBuffer.allocate(1 << 20);
  private long bufStart;
  private int bufLength;

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

  Result scan(Path dir, Sink sink) throws IOException {
    Result r = new Result(dir, listSegments(dir));
    long expected = -1;
    byte[] chain = r.lastHash;
    for (int i = 0; i < r.segments.size(); i++) {
      Path seg = r.segments.get(i);
      boolean last = i == r.segments.size() - 1;
      try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.READ)) {
        bufStart = 0;
        bufLength = 0;
        long size = ch.size();
        r.lastSegment = seg;
        r.lastSegmentValidLength = 0;
        long nameSeq = JournalFormat.segmentFirstSequence(seg);
        if (size < JournalFormat.HEADER_LENGTH) {
          r.firstBreak = new JournalBreak(expected < 0 ? nameSeq : expected, seg, 0,
              last ? JournalBreak.Kind.TORN_TAIL : JournalBreak.Kind.BAD_SEGMENT_HEADER,
              "segment header incomplete: " + size + " of " + JournalFormat.HEADER_LENGTH + " bytes");
          return r;
        }
        ByteBuffer h = window(ch, 0, JournalFormat.HEADER_LENGTH, size);
        int p = h.position();
        crc.reset();
        crc.update(h.array(), p, JournalFormat.HEADER_LENGTH - 4);
        boolean magic = Arrays.equals(h.array(), p, p + 8, JournalFormat.MAGIC, 0, 8);
        int version = h.getInt(p + 8);
        long first = h.getLong(p + 16);
        byte[] prev = Arrays.copyOfRange(h.array(), p + 24, p + 56);
        if (!magic || version != JournalFormat.VERSION || (int) crc.getValue() != h.getInt(p + 60)
            || first != nameSeq) {
          r.firstBreak = new JournalBreak(expected < 0 ? nameSeq : expected, seg, 0,
              JournalBreak.Kind.BAD_SEGMENT_HEADER, !magic ? "not a journal segment (bad magic)"
              : version != JournalFormat.VERSION ? "unsupported version " + version
              : first != nameSeq ? "header says first sequence " + first + ", file name says " + nameSeq
              : "header checksum mismatch");
          return r;
        }
        if (expected < 0) {
          expected = first;
          r.firstSequence = first;
          System.arraycopy(prev, 0, chain, 0, chain.length);
        } else if (first != expected) {
          r.firstBreak = new JournalBreak(expected, seg, 0, JournalBreak.Kind.SEQUENCE_GAP,
              "segment starts at sequence " + first + ", expected " + expected);
          return r;
        } else if (!Arrays.equals(prev, chain)) {
          r.firstBreak = new JournalBreak(expected, seg, 0, JournalBreak.Kind.HASH_MISMATCH,
              "segment header does not chain from the previous segment's last record");
          return r;
        }
        long pos = JournalFormat.HEADER_LENGTH;
        r.lastSegmentValidLength = pos;
        while (pos < size) {
          JournalBreak b = record(ch, seg, pos, size, expected, chain, last, sink, r);
          if (b != null) {
            r.firstBreak = b;
            return r;
          }
          pos = r.lastSegmentValidLength;
          expected++;
        }
      }
    }
    return r;
  }

  /** Verifies the record at {@code pos}; on success advances the result and returns null. */
  private JournalBreak record(FileChannel ch, Path seg, long pos, long size, long expected,
      byte[] chain, boolean last, Sink sink, Result r) throws IOException {
    if (size - pos < 4) {
      return tear(seg, pos, expected, last, "only " + (size - pos) + " bytes left for a record length");
    }
    int body = window(ch, pos, 4, size).getInt();
    if (body < JournalFormat.MIN_BODY || body > JournalFormat.MAX_BODY) {
      return damaged(ch, seg, pos, size, expected, last, JournalBreak.Kind.BAD_LENGTH,
          "impossible body length " + body, false);
    }
    long length = (long) JournalFormat.RECORD_OVERHEAD + body;
    if (pos + length > size) {
      return tear(seg, pos, expected, last, "record of " + length + " bytes runs past the end of the file ("
          + (size - pos) + " bytes left)");
    }
    ByteBuffer b = window(ch, pos, (int) length, size);
    int p = b.position();
    byte[] a = b.array();
    crc.reset();
    crc.update(a, p, (int) length - 4);
    if ((int) crc.getValue() != b.getInt(p + (int) length - 4)) {
      return damaged(ch, seg, pos, size, expected, last, JournalBreak.Kind.CRC_MISMATCH,
          "record checksum mismatch", pos + length == size);
    }
    long sequence = b.getLong(p + 4);
    if (sequence != expected) {
      return new JournalBreak(expected, seg, pos, JournalBreak.Kind.SEQUENCE_GAP,
          "record carries sequence " + sequence + ", expected " + expected);
    }
    digest.reset();
    digest.update(chain);
    digest.update(a, p + 4, body);
    try {
      digest.digest(hashScratch, 0, hashScratch.length);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e);
    }
    if (!Arrays.equals(hashScratch, 0, 32, a, p + 4 + body, p + 4 + body + 32)) {
      return new JournalBreak(expected, seg, pos, JournalBreak.Kind.HASH_MISMATCH,
          "record hash does not chain from the previous record");
    }
    System.arraycopy(hashScratch, 0, chain, 0, chain.length);
    if (sink != null) {
      long time = b.getLong(p + 12);
      int typeLength = b.getShort(p + 20) & 0xffff;
      if (typeLength < 1 || 18 + typeLength > body) {
        return new JournalBreak(expected, seg, pos, JournalBreak.Kind.BAD_LENGTH,
            "impossible type length " + typeLength);
      }
      String type = new String(a, p + 22, typeLength, StandardCharsets.UTF_8);
      String payload = new String(a, p + 22 + typeLength, body - 18 - typeLength, StandardCharsets.UTF_8);
      sink.record(new JournalRecord(sequence, Instant.ofEpochSecond(Math.floorDiv(time, 1_000_000_000L),
          Math.floorMod(time, 1_000_000_000L)), type, payload, HexFormat.of().formatHex(chain)));
    }
    r.records++;
    r.anyRecord = true;
    r.lastSequence = sequence;
    r.lastSegmentValidLength = pos + length;
    return null;
  }

  private static JournalBreak tear(Path seg, long pos, long expected, boolean last, String detail) {
    return new JournalBreak(expected, seg, pos, last ? JournalBreak.Kind.TORN_TAIL
        : JournalBreak.Kind.BAD_LENGTH, detail + (last ? "" : " in a segment that is not the last"));
  }

  private JournalBreak damaged(FileChannel ch, Path seg, long pos, long size, long expected,
      boolean last, JournalBreak.Kind kind, String detail, boolean endsAtEof) throws IOException {
    if (last && !endsAtEof && !validRecordAfter(ch, pos, size)) {
      return new JournalBreak(expected, seg, pos, JournalBreak.Kind.TORN_TAIL, detail
          + ", and no valid record follows");
    }
    return new JournalBreak(expected, seg, pos, kind, detail);
  }

  /** Searches for any record with a valid checksum starting after {@code pos}. */
  private boolean validRecordAfter(FileChannel ch, long pos, long size) throws IOException {
    long limit = Math.min(size - JournalFormat.RECORD_OVERHEAD - JournalFormat.MIN_BODY,
        pos + JournalFormat.RECORD_OVERHEAD + JournalFormat.MAX_BODY);
    for (long at = pos + 1; at <= limit; at++) {
      int body = window(ch, at, 4, size).getInt();
      if (body < JournalFormat.MIN_BODY || body > JournalFormat.MAX_BODY
          || at + JournalFormat.RECORD_OVERHEAD + body > size) {
        continue;
      }
      int length = JournalFormat.RECORD_OVERHEAD + body;
      ByteBuffer b = window(ch, at, length, size);
      crc.reset();
      crc.update(b.array(), b.position(), length - 4);
      if ((int) crc.getValue() == b.getInt(b.position() + length - 4)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns a buffer whose position is at file offset {@code pos} with at least {@code length} bytes
   * readable from there (absolute gets relative to the returned position).
   */
  private ByteBuffer window(FileChannel ch, long pos, int length, long size) throws IOException {
    if (pos < bufStart || pos + length > bufStart + bufLength) {
      if (buf.capacity() < length) {
        buf = ByteBuffer.allocate(Math.max(length, buf.capacity() * 2));
      }
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), size - pos));
      while (buf.hasRemaining()) {
        if (ch.read(buf, pos + buf.position()) < 0) {
          break;
        }
      }
      bufStart = pos;
      bufLength = buf.position();
    }
    buf.limit(bufLength);
    buf.position((int) (pos - bufStart));
    return buf;
  }
}
