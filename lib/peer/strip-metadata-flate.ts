import { constants, deflateRawSync, deflateSync, inflateSync } from "node:zlib";

/**
 * FlateDecode for strip-metadata-pdf.ts: reading a compressed PDF stream, and writing it back in exactly the bytes it
 * had, so that nothing after it moves and the file's cross-reference offsets stay valid.
 */

/** The decoded bytes of a zlib stream; a truncated one gives what it holds (as PDF readers do), garbage null. */
export function inflateStream(data: Uint8Array): Buffer | null {
  try {
    return inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return null;
  }
}

/** The zlib header (deflate, 32 KiB window, best compression) and the Adler-32 trailer around the deflate data. */
const ZLIB_HEADER = [0x78, 0xda];
const ZLIB_OVERHEAD = ZLIB_HEADER.length + 4;
/** A final fixed-Huffman block costs 3 header bits, 8 bits per space and 7 for the end of block: spaces + 2 bytes. */
const FIXED_BLOCK_OVERHEAD = 2;

/**
 * A zlib stream of exactly `length` bytes that decodes to `data`, or null when `data` does not compress into
 * `length`. Blanking leaves data that compresses better than before, so there is usually room to spare: then the
 * compressed data (ended with a sync flush: byte-aligned, not final) is followed by a final block of spaces that
 * fills the rest — the spaces are harmless where this is used, after the last object of an object stream or after
 * an XMP packet. With only a few bytes to spare, the compressed data is followed by spaces after its end, which PDF
 * readers ignore (they stop at the end of the zlib stream).
 */
export function deflateToLength(data: Uint8Array, length: number): Buffer | null {
  const body = deflateRawSync(data, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const spaces = length - ZLIB_OVERHEAD - body.length - FIXED_BLOCK_OVERHEAD;
  if (spaces >= 0) {
    return Buffer.concat([Buffer.from(ZLIB_HEADER), body, finalBlockOfSpaces(spaces), adler32(data, spaces)]);
  }
  const whole = deflateSync(data, { level: 9 });
  return whole.length <= length ? Buffer.concat([whole, Buffer.alloc(length - whole.length, 0x20)]) : null;
}

/** The fixed-Huffman code of a space (0x30 + 0x20, 8 bits), bit-reversed: Huffman codes go most significant bit first. */
const SPACE_CODE = 0b00001010;

/** A final fixed-Huffman block of `count` spaces, starting on a byte boundary: count + 2 bytes. */
function finalBlockOfSpaces(count: number): Buffer {
  const out = Buffer.alloc(count + FIXED_BLOCK_OVERHEAD);
  let bit = 0;
  const put = (value: number, bits: number) => {
    for (let i = 0; i < bits; i++, bit++) if ((value >> i) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  put(0b011, 3); // BFINAL = 1, BTYPE = 01 (fixed Huffman codes)
  for (let i = 0; i < count; i++) put(SPACE_CODE, 8);
  put(0, 7); // end of block (code 256)
  return out;
}

/** Adler-32 of `data` followed by `spaces` spaces, big-endian. */
function adler32(data: Uint8Array, spaces: number): Buffer {
  const MOD = 65_521;
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % MOD;
    b = (b + a) % MOD;
  }
  for (let i = 0; i < spaces; i++) {
    a = (a + 0x20) % MOD;
    b = (b + a) % MOD;
  }
  const out = Buffer.alloc(4);
  out.writeUInt32BE(((b << 16) | a) >>> 0);
  return out;
}
