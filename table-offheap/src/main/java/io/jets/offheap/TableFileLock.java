package io.jets.offheap;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exclusive lock of a file-backed table: an OS file lock ({@link FileChannel#tryLock()}) on a
 * sidecar file {@code <data file>.lock}, held while the table is open. Another process, or another
 * table of this JVM, that tries to open the same file for writing fails at once instead of
 * corrupting it. The sidecar file is left in place: deleting it while another process waits to lock
 * it would let two processes hold "the" lock on two different files.
 *
 * <p>The OS lock belongs to the process, and on Linux (fcntl locks) closing <em>any</em> descriptor
 * of the file releases every lock the process holds on it. So a second open in this JVM is refused
 * by a JVM-wide registry of the lock files held, before it opens a channel, and only a channel on a
 * file this JVM does not lock is ever closed.
 */
final class TableFileLock {

  /** The locks this JVM holds, by lock file (the data file's real path's sibling). */
  private static final Map<Path, TableFileLock> HELD = new HashMap<>();

  /**
   * Channels never closed: each found its lock file locked by code of this JVM other than a table
   * (the JDK's OverlappingFileLockException), and closing it would release that code's lock.
   */
  private static final List<FileChannel> PARKED = new ArrayList<>();

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
    synchronized (HELD) {
      if (HELD.containsKey(lockFile)) {
        throw alreadyOpen(tableName, dataFile, lockFile);
      }
      TableFileLock held = lock(tableName, dataFile, lockFile);
      HELD.put(lockFile, held);
      return held;
    }
  }

  /** Locks {@code lockFile}, which no table of this JVM holds. */
  private static TableFileLock lock(String tableName, Path dataFile, Path lockFile) {
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
      PARKED.add(channel);
      throw alreadyOpen(tableName, dataFile, lockFile);
    } catch (IOException e) {
      close(channel);
      throw new TableFileLockedException(tableName, "open: cannot lock " + lockFile + ": " + e, e);
    }
    if (lock == null) {
      close(channel); // another process holds the lock: this JVM holds none to lose
      throw alreadyOpen(tableName, dataFile, lockFile);
    }
    return new TableFileLock(dataFile, lockFile, channel, lock);
  }

  private static TableFileLockedException alreadyOpen(
      String tableName, Path dataFile, Path lockFile) {
    return new TableFileLockedException(
        tableName,
        "open: the file "
            + dataFile
            + " is already open for writing (by another process or another table"
            + " of this JVM; lock file "
            + lockFile
            + "): delete or close that table first");
  }

  Path dataFile() {
    return dataFile;
  }

  Path lockFile() {
    return lockFile;
  }

  /**
   * Releases the lock, first deleting the data file if {@code deleteFile} (a build that created the
   * file and then failed: it leaves no data file behind). The file is deleted while the lock is
   * held, so no other table can have opened it meanwhile; a file that cannot be deleted is added to
   * {@code failure}, the build's own exception, as suppressed.
   */
  void releaseDeletingFile(boolean deleteFile, Throwable failure) {
    try {
      if (deleteFile) {
        Files.deleteIfExists(dataFile);
      }
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    } finally {
      release();
    }
  }

  /** Releases the lock; idempotent. */
  void release() {
    synchronized (HELD) {
      try {
        if (lock.isValid()) {
          lock.release();
        }
      } catch (IOException ignored) {
        // closing the channel below releases the lock anyway
      } finally {
        close(channel);
        HELD.remove(lockFile, this);
      }
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
