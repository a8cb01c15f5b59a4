package io.cloudshift.generate;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * Hashes and seeds that are the same on every JVM and run: FNV-1a over UTF-8 bytes, then a 64-bit
 * finaliser. Never Object.hashCode of mutable things, never the clock.
 */
final class StableHash {
  private StableHash() {}

  static long of(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= (b & 0xff);
      hash *= 0x100000001b3L;
    }
    return mix(hash);
  }

  /** Lower-case hex digits of the hash, {@code length} of them (at most 16). */
  static String hex(String text, int length) {
    return zeroPadded(Long.toHexString(of(text)), 16, length);
  }

  /** Decimal digits of the hash, {@code length} of them (at most 18). */
  static String digits(String text, int length) {
    return zeroPadded(
        Long.toString(Math.floorMod(of(text), 1_000_000_000_000_000_000L)), 18, length);
  }

  /**
   * The first {@code length} characters of {@code number} left-padded with zeros to {@code width}:
   * what String.format("%0<width>x" or "d") gives, without its parsing, which cost more than the
   * hash itself (these run for every generated row).
   */
  private static String zeroPadded(String number, int width, int length) {
    String padded =
        number.length() >= width ? number : "0".repeat(width - number.length()) + number;
    return padded.substring(0, Math.min(length, padded.length()));
  }

  /**
   * The random source of one export file: a function of (seed, export id, month) only, so one
   * export's rows never depend on another's, on the month range or on the order of generation.
   */
  static SplittableRandom randomFor(long seed, String exportId, YearMonth month) {
    return new SplittableRandom(mix(seed ^ of(exportId + "|" + month)));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
