package dev.kubeconbot.search;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The arrays of the files the build compiles ({@link CompiledLexicon}, {@link CompiledDictionary}):
 * each is a count, then that many values, big-endian as {@code DataOutputStream} writes them. Read
 * out whole rather than value by value, because a start reads them before the JIT compiles anything.
 */
final class FlatArrays {

  private FlatArrays() {}

  /** A count, then that many characters; {@code in} is left after them. */
  static char[] chars(ByteBuffer in) {
    char[] values = new char[in.getInt()];
    in.asCharBuffer().get(values);
    in.position(in.position() + values.length * Character.BYTES);
    return values;
  }

  /** A count, then that many numbers; {@code in} is left after them. */
  static int[] ints(ByteBuffer in) {
    int[] values = new int[in.getInt()];
    in.asIntBuffer().get(values);
    in.position(in.position() + values.length * Integer.BYTES);
    return values;
  }

  /** A count, then that many short numbers; {@code in} is left after them. */
  static short[] shorts(ByteBuffer in) {
    short[] values = new short[in.getInt()];
    in.asShortBuffer().get(values);
    in.position(in.position() + values.length * Short.BYTES);
    return values;
  }

  /** Writes what {@link #chars} reads. */
  static void writeChars(DataOutputStream out, CharSequence values) throws IOException {
    out.writeInt(values.length());
    out.writeChars(values.toString());
  }

  /** Writes what {@link #ints} reads. */
  static void writeInts(DataOutputStream out, List<Integer> values) throws IOException {
    out.writeInt(values.size());
    for (int value : values) {
      out.writeInt(value);
    }
  }

  /** Writes what {@link #shorts} reads. */
  static void writeShorts(DataOutputStream out, short[] values) throws IOException {
    out.writeInt(values.length);
    for (short value : values) {
      out.writeShort(value);
    }
  }
}
