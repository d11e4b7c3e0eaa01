package io.jets.offheap;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive lock of a file-backed table: an OS file lock ({@link FileChannel#tryLock()}) on a
 * sidecar file {@code <data file>.lock}, held while the table is open. Another process, or another
 * table of this JVM, that tries to open the same file for writing fails at once instead of
 * corrupting it. The sidecar file is left in place: deleting it while another process waits to lock
 * it would let two processes hold "the" lock on two different files.
 */
final class TableFileLock {

  private final Path dataFile;
  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock lock;

  private TableFileLock(Path dataFile, Path lockFile, FileChannel channel, FileLock lock) {
    this.dataFile = dataFile;
    this.lockFile = lockFile;
    this.channel = channel;
    this.lock = lock;
  }

  /** The sidecar lock file of {@code dataFile}. */
  static Path lockFileOf(Path dataFile) {
    return dataFile.resolveSibling(dataFile.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code dataFile} or fails without waiting.
   *
   * @throws TableFileLockedException if the file is open for writing elsewhere, or the lock file
   *     cannot be created
   */
  static TableFileLock acquire(String tableName, Path dataFile) {
    Path lockFile = lockFileOf(dataFile);
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new TableFileLockedException(
          tableName, "open: cannot create the lock file " + lockFile + ": " + e, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this JVM: another open table uses the file
    } catch (IOException e) {
      close(channel);
      throw new TableFileLockedException(tableName, "open: cannot lock " + lockFile + ": " + e, e);
    }
    if (lock == null) {
      close(channel);
      throw new TableFileLockedException(
          tableName,
          "open: the file "
              + dataFile
              + " is already open for writing (by another process or another table"
              + " of this JVM; lock file "
              + lockFile
              + "): delete or close that table first");
    }
    return new TableFileLock(dataFile, lockFile, channel, lock);
  }

  Path dataFile() {
    return dataFile;
  }

  Path lockFile() {
    return lockFile;
  }

  /** Releases the lock; idempotent. */
  void release() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException ignored) {
      // closing the channel below releases the lock anyway
    } finally {
      close(channel);
    }
  }

  private static void close(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing more to release
    }
  }
}
