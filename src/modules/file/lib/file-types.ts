/**
 * The types an upload may be, and how each is recognised. Binary formats by
 * their content (magic bytes), whatever the client called them; text formats
 * by their extension, as long as the bytes are UTF-8 text without NUL. A file
 * whose extension names a binary format its content does not match is refused
 * (`photo.png` holding HTML).
 */
export interface FileType {
  mimeType: string;
  extension: string;
  extensions: string[];
  /** Whether the bytes are of this type; absent for text types. */
  sniff?: (bytes: Buffer) => boolean;
}

const starts = (bytes: Buffer, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export const FILE_TYPES: FileType[] = [
  { mimeType: "image/png", extension: "png", extensions: ["png"], sniff: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mimeType: "image/jpeg", extension: "jpg", extensions: ["jpg", "jpeg"], sniff: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { mimeType: "image/gif", extension: "gif", extensions: ["gif"], sniff: (b) => starts(b, ascii("GIF87a")) || starts(b, ascii("GIF89a")) },
  { mimeType: "image/webp", extension: "webp", extensions: ["webp"], sniff: (b) => starts(b, ascii("RIFF")) && starts(b, ascii("WEBP"), 8) },
  { mimeType: "application/pdf", extension: "pdf", extensions: ["pdf"], sniff: (b) => starts(b, ascii("%PDF-")) },
  { mimeType: "text/csv", extension: "csv", extensions: ["csv"] },
  { mimeType: "text/plain", extension: "txt", extensions: ["txt"] },
];

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot === -1 ? "" : name.slice(dot + 1).toLowerCase();
}

function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The type of a file, from its bytes first and its name second; undefined when it is none Kiosk knows. */
export function recogniseType(bytes: Buffer, name: string): FileType | undefined {
  const sniffed = FILE_TYPES.find((t) => t.sniff?.(bytes));
  if (sniffed) return sniffed;
  const byName = FILE_TYPES.find((t) => t.extensions.includes(extensionOf(name)));
  if (!byName || byName.sniff) return undefined;
  return isText(bytes) ? byName : undefined;
}

/** The type a stored file's name says (`<random>.png`), for its `Content-Type`. */
export function typeOfStoredName(name: string): FileType | undefined {
  return FILE_TYPES.find((t) => t.extension === extensionOf(name));
}
