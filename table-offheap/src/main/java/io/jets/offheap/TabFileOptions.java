package io.jets.offheap;

import io.jets.owner.Owner;

/**
 * Options of {@link TableFiles#tab2file} and {@link TableFiles#file2tab}; immutable, each setter
 * returns a copy. The defaults: the codecs of an off-heap table, or {@link Codec#serializable()}
 * for a heap table; no sync; no verify; the new table owned by {@link Owner#current()}.
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

  /**
   * The defaults.
   *
   * @return options with default codecs, no sync, no verify and the current owner
   */
  public static TabFileOptions defaults() {
    return new TabFileOptions(null, null, false, false, null);
  }

  /**
   * Encodes or decodes keys with {@code codec}.
   *
   * @param codec the key codec, or null for the default
   * @return a copy with that codec
   */
  public TabFileOptions keyCodec(Codec<?> codec) {
    return new TabFileOptions(codec, valueCodec, sync, verify, owner);
  }

  /**
   * Encodes or decodes values with {@code codec}.
   *
   * @param codec the value codec, or null for the default
   * @return a copy with that codec
   */
  public TabFileOptions valueCodec(Codec<?> codec) {
    return new TabFileOptions(keyCodec, codec, sync, verify, owner);
  }

  /**
   * Forces the written file to the storage device before {@code tab2file} returns (ETS {@code
   * {sync, true}}).
   *
   * @param sync whether to force the file to the device
   * @return a copy with that setting
   */
  public TabFileOptions sync(boolean sync) {
    return new TabFileOptions(keyCodec, valueCodec, sync, verify, owner);
  }

  /**
   * Checks the whole file before creating the table (ETS {@code {verify, true}}).
   *
   * @param verify whether to check the file first
   * @return a copy with that setting
   */
  public TabFileOptions verify(boolean verify) {
    return new TabFileOptions(keyCodec, valueCodec, sync, verify, owner);
  }

  /**
   * The owner of the table {@code file2tab} creates.
   *
   * @param owner the owner, or null for the caller's current owner
   * @return a copy with that owner
   */
  public TabFileOptions owner(Owner owner) {
    return new TabFileOptions(keyCodec, valueCodec, sync, verify, owner);
  }
}
