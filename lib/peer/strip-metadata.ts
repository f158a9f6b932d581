import { stripJpeg, stripPng } from "./strip-metadata-image";
import { stripPdf } from "./strip-metadata-pdf";

/**
 * Removes what could name the author from a file handed in for peer review, so that a double-blind review stays
 * blind (reviewers also never see the uploaded file name: student-view.ts). Runs on every peer submission, whatever
 * the activity's anonymity: a teacher may tighten it to double-blind after files are in (save-peer-review.ts).
 * - JPEG, PNG (strip-metadata-image.ts): rebuilt from a short list of what the picture needs; EXIF, XMP, IPTC,
 *   comments, text chunks and every unknown block go, and anything after the image's end. The EXIF orientation is
 *   kept, so phone photos are not shown on their side.
 * - PDF (strip-metadata-pdf.ts): edited in place, byte for byte, so the cross-reference offsets stay valid and the
 *   file opens exactly as before. Every string of the document information dictionary is blanked (Title, which WPS
 *   and Word fill with the file name, "姓名-学号-作业"; Author, Subject, Keywords, Creator, Producer and custom
 *   entries), only well-formed CreationDate and ModDate stay; every value of every XMP stream (strip-metadata-xmp.ts);
 *   markup annotations' author (/T); the metadata of JPEG images inside. Old revisions of an incrementally saved file
 *   are blanked too. Metadata inside compressed object streams (/ObjStm) or a FlateDecode XMP stream is inflated,
 *   blanked and deflated back into exactly the bytes it had (strip-metadata-flate.ts).
 *   What cannot be read cannot be checked: an encrypted PDF (even one that opens without a password: its strings
 *   are encrypted), an object stream in another encoding, an Info dictionary whose syntax cannot be followed, or
 *   blanked content that no longer fits are refused with peer.pdf_metadata_unremovable, which tells the student to
 *   export the PDF again without document properties or a password. Refusing is the safe side: a file that is
 *   kept names its author to every reviewer, and the student can always make a clean one.
 *   The page content itself is not touched: a name written on the first page is the student's to leave out.
 * Other types (never accepted for peer review, see PEER_FILE_TYPES) and pictures whose structure cannot be followed
 * are returned unchanged.
 */
export function stripMetadata(bytes: Uint8Array, mimeType: string): Uint8Array {
  if (mimeType === "image/jpeg") return stripJpeg(bytes) ?? bytes;
  if (mimeType === "image/png") return stripPng(bytes) ?? bytes;
  if (mimeType === "application/pdf") return stripPdf(bytes);
  return bytes;
}
