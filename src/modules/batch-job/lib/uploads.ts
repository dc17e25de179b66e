import fs from "node:fs";
import path from "node:path";
import { InvalidDataError } from "kiosk";

/** The project's `uploads/` folder, where import files are read and export files written. */
export function uploadsDir(projectDir: string): string {
  return path.join(projectDir, "uploads");
}

/**
 * The absolute path of a file key: a relative path inside `uploads/` (`imports/products.csv`);
 * an absolute path or one leaving the folder is a 400.
 */
export function uploadPath(projectDir: string, fileKey: string): string {
  const root = uploadsDir(projectDir);
  const resolved = path.resolve(root, fileKey);
  if (path.isAbsolute(fileKey) || fileKey.includes("\0") || !resolved.startsWith(root + path.sep)) {
    throw new InvalidDataError("context.fileKey must be a relative path inside the uploads folder", { code: "invalid_file_key", field: "context.fileKey" });
  }
  return resolved;
}

/** Reads an upload as text; a missing file is a 400 naming the key. */
export function readUpload(projectDir: string, fileKey: string): string {
  const file = uploadPath(projectDir, fileKey);
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    throw new InvalidDataError(`context.fileKey: no file ${fileKey} in the uploads folder`, { code: "file_not_found", field: "context.fileKey" });
  }
}

/** Writes an export under `uploads/exports/` and answers its key and size. */
export function writeExport(projectDir: string, name: string, text: string): { file_key: string; file_size: number } {
  const key = `exports/${name}`;
  const file = uploadPath(projectDir, key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return { file_key: key, file_size: Buffer.byteLength(text) };
}
