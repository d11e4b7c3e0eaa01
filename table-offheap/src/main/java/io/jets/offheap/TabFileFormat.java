package io.jets.offheap;

import io.jets.table.Access;
import io.jets.table.TableType;
import io.jets.table.WriteConcurrency;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * The table file format, version 1. Big-endian, as {@link DataOutputStream} writes:
 *
 * <pre>
 *   magic      8 bytes  "JETS-TAB"
 *   version    int      1
 *   header     name (UTF), type (UTF), access (UTF), named (boolean), readConcurrency (boolean),
 *              writeConcurrency (UTF), decentralizedCounters (boolean), offHeap (boolean),
 *              offHeapEntries (long), size (long), keyCodec (UTF), valueCodec (UTF)
 *   objects    per object: byte 1, key length (int), key bytes, value length (int), value bytes
 *   end        byte 0, object count (long)
 *   checksum   long: CRC32C of every byte before it, magic included
 * </pre>
 *
 * CRC32C rather than MD5: it detects the truncations and bit flips a file suffers, it is
 * hardware-accelerated on the JDK, and a table file is not a security boundary.
 */
final class TabFileFormat {

  static final byte[] MAGIC = {'J', 'E', 'T', 'S', '-', 'T', 'A', 'B'};
  static final int VERSION = 1;
  static final byte OBJECT = 1;
  static final byte END = 0;

  /** Objects are never larger than this; a larger length is a corrupt file, not an allocation. */
  static final int MAX_OBJECT_BYTES = Integer.MAX_VALUE - 16;

  private TabFileFormat() {}

  static void writeHeader(DataOutputStream out, TabFileInfo info) throws IOException {
    out.write(MAGIC);
    out.writeInt(VERSION);
    out.writeUTF(info.name());
    out.writeUTF(info.type().name());
    out.writeUTF(info.access().name());
    out.writeBoolean(info.named());
    out.writeBoolean(info.readConcurrency());
    out.writeUTF(info.writeConcurrency().name());
    out.writeBoolean(info.decentralizedCounters());
    out.writeBoolean(info.offHeap());
    out.writeLong(info.offHeapEntries());
    out.writeLong(info.size());
    out.writeUTF(info.keyCodec());
    out.writeUTF(info.valueCodec());
  }

  /** An open table file, positioned after its header. */
  static final class Reader implements AutoCloseable {
    private final Path path;
    private final CheckedInputStream checked;
    private final DataInputStream in;
    private final TabFileInfo info;
    private long objects;

    private Reader(Path path, CheckedInputStream checked, DataInputStream in, TabFileInfo info) {
      this.path = path;
      this.checked = checked;
      this.in = in;
      this.info = info;
    }

    /** Opens {@code path} and reads its header. */
    static Reader open(Path path) {
      InputStream raw;
      try {
        raw = Files.newInputStream(path);
      } catch (NoSuchFileException e) {
        throw TabFileFormat.unreadable(path, "no such file", e);
      } catch (IOException | SecurityException e) {
        throw TabFileFormat.unreadable(path, "cannot open it: " + e, e);
      }
      CheckedInputStream checked =
          new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), new CRC32C());
      DataInputStream in = new DataInputStream(checked);
      try {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
          throw TabFileFormat.unreadable(path, "not a jets table file (bad magic)", null);
        }
        int version = in.readInt();
        if (version != VERSION) {
          throw new TabFileException(
              path.toString(),
              TabFileException.Reason.UNSUPPORTED_VERSION,
              "file "
                  + path
                  + " has format version "
                  + version
                  + "; this library reads version "
                  + VERSION,
              null);
        }
        TabFileInfo info =
            new TabFileInfo(
                version,
                in.readUTF(),
                TableType.valueOf(in.readUTF()),
                Access.valueOf(in.readUTF()),
                in.readBoolean(),
                in.readBoolean(),
                WriteConcurrency.valueOf(in.readUTF()),
                in.readBoolean(),
                in.readBoolean(),
                in.readLong(),
                in.readLong(),
                in.readUTF(),
                in.readUTF());
        return new Reader(path, checked, in, info);
      } catch (EOFException e) {
        close(in);
        throw TabFileFormat.unreadable(path, "truncated header", e);
      } catch (IOException | IllegalArgumentException e) {
        close(in);
        throw TabFileFormat.unreadable(path, "corrupt header: " + e, e);
      } catch (RuntimeException e) {
        close(in);
        throw e;
      }
    }

    TabFileInfo info() {
      return info;
    }

    /**
     * The next object as {key bytes, value bytes}, or null after the last one, having then checked
     * the count and the checksum.
     */
    byte[][] next() {
      try {
        byte tag = in.readByte();
        if (tag == END) {
          long count = in.readLong();
          long computed = checked.getChecksum().getValue();
          long stored = in.readLong();
          if (computed != stored) {
            throw new TabFileException(
                info.name(),
                TabFileException.Reason.CHECKSUM_MISMATCH,
                "file "
                    + path
                    + ": the objects do not match their checksum (CRC32C stored "
                    + Long.toHexString(stored)
                    + ", computed "
                    + Long.toHexString(computed)
                    + ")",
                null);
          }
          if (count != objects) {
            throw new TabFileException(
                info.name(),
                TabFileException.Reason.COUNT_MISMATCH,
                "file " + path + " holds " + objects + " objects but records a count of " + count,
                null);
          }
          if (in.read() != -1) {
            throw unreadable("data after the checksum");
          }
          return null;
        }
        if (tag != OBJECT) {
          throw unreadable("corrupt object " + objects + " (tag " + tag + ")");
        }
        byte[] key = readBytes();
        byte[] value = readBytes();
        objects++;
        return new byte[][] {key, value};
      } catch (EOFException e) {
        throw unreadable("truncated after " + objects + " objects");
      } catch (IOException e) {
        throw unreadable("read error after " + objects + " objects: " + e);
      }
    }

    private byte[] readBytes() throws IOException {
      int length = in.readInt();
      if (length < 0 || length > MAX_OBJECT_BYTES) {
        throw unreadable("corrupt length " + length + " in object " + objects);
      }
      // Read in bounded steps, so a corrupt huge length hits the end of the file, not the heap.
      byte[] bytes = in.readNBytes(length);
      if (bytes.length != length) {
        throw new EOFException();
      }
      return bytes;
    }

    private TabFileException unreadable(String what) {
      // the header names the table; before it is read, only the file can be named
      return new TabFileException(
          info.name(), TabFileException.Reason.UNREADABLE, "file " + path + ": " + what, null);
    }

    @Override
    public void close() {
      close(in);
    }

    private static void close(InputStream in) {
      try {
        in.close();
      } catch (IOException ignored) {
        // read-only: nothing to lose
      }
    }
  }

  static TabFileException unreadable(Path path, String what, Throwable cause) {
    return new TabFileException(
        path.toString(), TabFileException.Reason.UNREADABLE, "file " + path + ": " + what, cause);
  }
}
