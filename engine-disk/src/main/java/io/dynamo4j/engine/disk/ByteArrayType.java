package io.dynamo4j.engine.disk;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** MVStore's type for byte-string keys and values: length-prefixed, compared as unsigned bytes. Stateless. */
final class ByteArrayType extends BasicDataType<byte[]> {

  static final ByteArrayType INSTANCE = new ByteArrayType();

  private ByteArrayType() {}

  @Override
  public int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  @Override
  public int getMemory(byte[] obj) {
    return 24 + obj.length;
  }

  @Override
  public void write(WriteBuffer buff, byte[] obj) {
    buff.putVarInt(obj.length).put(obj);
  }

  @Override
  public byte[] read(ByteBuffer buff) {
    byte[] b = new byte[DataUtils.readVarInt(buff)];
    buff.get(b);
    return b;
  }

  @Override
  public byte[][] createStorage(int size) {
    return new byte[size][];
  }
}
