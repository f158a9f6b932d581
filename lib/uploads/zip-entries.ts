const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const MAX_ENTRIES = 10_000;

/**
 * The entry names of a zip archive, read from its central directory (names there are never compressed), or null
 * when the bytes are not a well-formed zip. Searching the whole file for a name instead would find it by chance
 * in compressed data.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfCentralDirectory(view);
  if (end === null) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  // Zip64 archives mark these fields as 0xFFFF…; an office document is never that large.
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ENTRIES) return null;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > view.byteLength) return null;
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The offset of the end-of-central-directory record: the last 22 bytes, or further back past a comment. */
function endOfCentralDirectory(view: DataView): number | null {
  const last = view.byteLength - EOCD_SIZE;
  for (let offset = last; offset >= 0 && offset >= last - MAX_COMMENT; offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE && offset + EOCD_SIZE + view.getUint16(offset + 20, true) === view.byteLength) {
      return offset;
    }
  }
  return null;
}
