import type { IncomingMessage } from "node:http";
import { readMultipartFiles, type MultipartFile } from "kiosk";

/** The multipart `files` of an upload request (Medusa's field), each within `files.maxSize`. */
export function readUploads(req: IncomingMessage, maxSize: number): Promise<MultipartFile[]> {
  return readMultipartFiles(req, { field: "files", maxSize });
}
