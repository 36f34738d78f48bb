package dev.parapet.monitoring.alert;

import java.util.Arrays;

/**
 * An open-addressing hash map from primitive {@code long} keys to objects, after Agrona's
 * {@code Long2ObjectHashMap}: linear probing, backward-shift deletion (Knuth, TAOCP vol. 3, 6.4, algorithm R),
 * no boxing, so lookups and updates allocate nothing. A null value marks an empty slot, so values are never
 * null. Not thread-safe.
 */
final class LongObjectMap<V> {

  private long[] keys;
  private Object[] values;
  private int mask;
  private int size;
  private int resizeAt;

  LongObjectMap(int expectedSize) {
    int capacity = Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1;
    allocate(capacity);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
    resizeAt = capacity / 2;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  // hot path: allocation-free (see AlertIngestBenchmark)
  @SuppressWarnings("unchecked")
  V get(long key) {
    int i = slot(key);
    Object v;
    while ((v = values[i]) != null) {
      if (keys[i] == key) {
        return (V) v;
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  void put(long key, V value) {
    int i = slot(key);
    while (values[i] != null) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    if (++size > resizeAt) {
      rehash();
    }
  }

  @SuppressWarnings("unchecked")
  V remove(long key) {
    int i = slot(key);
    Object v;
    while ((v = values[i]) != null) {
      if (keys[i] == key) {
        shiftBack(i);
        size--;
        return (V) v;
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  private void shiftBack(int gap) {
    int j = gap;
    while (true) {
      j = (j + 1) & mask;
      if (values[j] == null) {
        break;
      }
      int ideal = slot(keys[j]);
      if (((j - ideal) & mask) >= ((j - gap) & mask)) {
        keys[gap] = keys[j];
        values[gap] = values[j];
        gap = j;
      }
    }
    values[gap] = null;
  }

  private void rehash() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    allocate(oldKeys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      Object v = oldValues[i];
      if (v != null) {
        int s = slot(oldKeys[i]);
        while (values[s] != null) {
          s = (s + 1) & mask;
        }
        keys[s] = oldKeys[i];
        values[s] = v;
      }
    }
  }

  int size() {
    return size;
  }

  /** Returns the number of slots, for iteration with {@link #valueAt}. */
  int slots() {
    return values.length;
  }

  /** Returns the value in a slot, or null when the slot is empty. */
  @SuppressWarnings("unchecked")
  V valueAt(int slot) {
    return (V) values[slot];
  }

  void clear() {
    Arrays.fill(values, null);
    size = 0;
  }
}
