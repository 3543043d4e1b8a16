/**
 * Documents uploaded as a milestone's evidence: which files are taken, judged by their bytes
 * (a name can say anything), and the name they are stored and offered for download under.
 */

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export const DOCUMENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
  png: "image/png",
  jpg: "image/jpeg",
  txt: "text/plain; charset=utf-8",
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

const EXTENSIONS: Record<string, DocumentType> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  odt: "odt",
  png: "png",
  jpg: "jpg",
  jpeg: "jpg",
  txt: "txt",
};

export const DOCUMENT_TYPE_REFUSAL =
  "Filtypen tas inte emot. Ladda upp PDF, Word (DOCX), Excel (XLSX), OpenDocument-text (ODT), PNG, JPEG eller ren text (TXT), och låt filens namn sluta som dess typ.";

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Whether a ZIP archive names an entry (entry names are stored uncompressed). */
function zipHasEntry(bytes: Uint8Array, name: string): boolean {
  const needle = ascii(name);
  const last = bytes.length - needle.length;
  for (let i = 0; i <= last; i++) {
    if (bytes[i] === needle[0] && startsWith(bytes, needle, i)) return true;
  }
  return false;
}

/** Plain text: valid UTF-8 with no control characters but tab, line breaks and form feed. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

/** The type the bytes are, among the accepted ones, or null. */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument stores its type uncompressed as the first entry, "mimetype".
    if (
      startsWith(bytes, ascii("mimetype"), 30) &&
      startsWith(bytes, ascii(DOCUMENT_TYPES.odt), 38)
    ) {
      return "odt";
    }
    if (zipHasEntry(bytes, "[Content_Types].xml")) {
      if (zipHasEntry(bytes, "word/document.xml")) return "docx";
      if (zipHasEntry(bytes, "xl/workbook.xml")) return "xlsx";
    }
    return null;
  }
  return isPlainText(bytes) ? "txt" : null;
}

/**
 * A name safe to store and to send back: no folders, no control or reserved characters, at
 * most 200 characters, never empty or hidden.
 */
export function safeFileName(raw: string): string {
  const base = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to remove them
    .replace(/[\u0000-\u001F\u007F<>:"|?*]+/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (cleaned.length <= 200) return cleaned || "dokument";
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 200 - ext.length) + ext;
}

/** The extension's type, when the name has an accepted one. */
export function typeOfName(fileName: string): DocumentType | null {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? null : (EXTENSIONS[fileName.slice(dot + 1).toLowerCase()] ?? null);
}

/**
 * The accepted type of an upload: its content must be one of the types and its name must say
 * the same, so a download opens in the program its name promises.
 */
export function acceptDocument(fileName: string, bytes: Uint8Array): DocumentType | null {
  const sniffed = sniffDocumentType(bytes);
  return sniffed && typeOfName(fileName) === sniffed ? sniffed : null;
}
