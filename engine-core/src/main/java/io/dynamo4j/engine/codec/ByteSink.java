package io.dynamo4j.engine.codec;

import java.util.Arrays;

/** A growable byte array for building keys and encoded values. Not thread-safe. */
public final class ByteSink {

  private byte[] buf;
  private int size;

  /** An empty sink with room for {@code capacity} bytes before it grows. */
  public ByteSink(int capacity) {
    buf = new byte[Math.max(capacity, 8)];
  }

  /** Appends one byte. */
  public void put(byte b) {
    if (size == buf.length) {
      buf = Arrays.copyOf(buf, size * 2);
    }
    buf[size++] = b;
  }

  /** Appends bytes. */
  public void put(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, size, length);
    size += length;
  }

  /** Appends bytes. */
  public void put(byte[] bytes) {
    put(bytes, 0, bytes.length);
  }

  /** Appends {@code length} zero bytes (room to fill in later with {@link #set}). */
  public void skip(int length) {
    ensure(length);
    size += length;
  }

  /** Overwrites the byte at {@code index}. */
  public void set(int index, byte b) {
    buf[index] = b;
  }

  /** The number of bytes written. */
  public int size() {
    return size;
  }

  /** Forgets the written bytes, keeping the buffer. */
  public void clear() {
    size = 0;
  }

  /** Shrinks the content to {@code size} bytes. */
  public void truncate(int size) {
    this.size = size;
  }

  /** The internal buffer; only the first {@link #size()} bytes are meaningful. */
  public byte[] buffer() {
    return buf;
  }

  /** A copy of the written bytes. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(size + extra, buf.length * 2));
    }
  }
}
