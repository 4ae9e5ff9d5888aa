/**
 * Zero-filled Float64Arrays for the matrices, cut from larger blocks of memory. V8 gives a typed
 * array of more than 64 bytes a backing store of its own, which takes about 2 µs here: for the
 * tutorial's tiny matrices that is more than the arithmetic done with them, and a training step
 * makes some thirty of them. A view into a shared block takes about 30 ns (`npm run bench:train`
 * shows the difference). A block is freed by the garbage collector once no matrix uses it, so a
 * matrix kept for long (a snapshot's) keeps at most one block alive. Views are never handed out
 * twice, and a new ArrayBuffer is all zeros, so every array starts at 0 as `new Float64Array(n)`
 * does.
 */

/** The size of one block: large enough for many small matrices, small enough to waste little. */
const BLOCK_BYTES = 1 << 16;
/** Arrays larger than this get their own buffer: the saving is small next to their arithmetic. */
const LARGEST_SHARED = BLOCK_BYTES / 8;

// The block being cut up and how much of it is used: the only state here, invisible outside.
let block = new ArrayBuffer(BLOCK_BYTES);
let used = 0;

/** A new zero-filled Float64Array of `length` entries. */
export function zeroFloats(length: number): Float64Array {
  const bytes = length * Float64Array.BYTES_PER_ELEMENT;
  if (bytes > LARGEST_SHARED) return new Float64Array(length);
  if (used + bytes > BLOCK_BYTES) {
    block = new ArrayBuffer(BLOCK_BYTES);
    used = 0;
  }
  const floats = new Float64Array(block, used, length);
  used += bytes;
  return floats;
}
