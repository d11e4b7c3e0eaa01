package io.jets.offheap;

import io.jets.owner.Owner;

/**
 * Options of {@link TableFiles#tab2file} and {@link TableFiles#file2tab}; immutable, each setter
 * returns a copy. The defaults: the codecs of an off-heap table, or Java serialization for a heap
 * table; no sync; no verify; the new table owned by {@link Owner#current()}.
 *
 * @param keyCodec the key codec, or null for the default
 * @param valueCodec the value codec, or null for the default
 * @param sync whether {@code tab2file} forces the file to the storage device before returning
 * @param verify whether {@code file2tab} checks the whole file (checksum, object count, every
 *     object decodes) before it creates the table
 * @param owner the owner of the table {@code file2tab} creates, or null for the current owner
 */
public record TabFileOptions(
    Codec<?> keyCodec, Codec<?> valueCodec, boolean sync, boolean verify, Owner owner) {

  /** The defaults. */
  public static TabFileOptions defaults() {
    return new TabFileOptions(null, null, false, false, null);
  }

  /** Encodes or decodes keys with {@code codec}. */
  public TabFileOptions keyCodec(Codec<?> codec) {
    return new TabFileOptions(codec, valueCodec, sync, verify, owner);
  }

  /** Encodes or decodes values with {@code codec}. */
  public TabFileOptions valueCodec(Codec<?> codec) {
    return new TabFileOptions(keyCodec, codec, sync, verify, owner);
  }

  /**
   * Forces the written file to the storage device before {@code tab2file} returns (ETS {@code
   * {sync, true}}).
   */
  public TabFileOptions sync(boolean sync) {
    return new TabFileOptions(keyCodec, valueCodec, sync, verify, owner);
  }

  /** Checks the whole file before creating the table (ETS {@code {verify, true}}). */
  public TabFileOptions verify(boolean verify) {
    return new TabFileOptions(keyCodec, valueCodec, sync, verify, owner);
  }

  /** The owner of the table {@code file2tab} creates. */
  public TabFileOptions owner(Owner owner) {
    return new TabFileOptions(keyCodec, valueCodec, sync, verify, owner);
  }
}
