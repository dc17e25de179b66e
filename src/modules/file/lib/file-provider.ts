/**
 * What a file provider implements: Medusa v1's `AbstractFileService` (upload,
 * uploadProtected, delete, getPresignedDownloadUrl), with the checked file in
 * memory. A provider is a service whose container key ends in
 * `FileProviderService` (a file `services/<name>-file-provider.ts` in a plugin or
 * project), identified by its `identifier`; the config's `files.provider` (default
 * `local`) says which one `fileService` uses.
 *
 * Kiosk calls a provider with no database transaction open.
 */

/** A file as a provider receives it: its bytes, already checked against the size limit and the allowed types. */
export interface ProviderFile {
  content: Buffer;
  /** The type Kiosk recognised (`image/png`), never the client's word alone. */
  mimeType: string;
  /** The extension of that type, without the dot (`png`). */
  extension: string;
  /** The name the client gave, for a provider that keeps it (never part of a local file's name). */
  originalName: string;
}

/** Where the request came from, for a provider that builds addresses from it. */
export interface FileContext {
  /** The public address of `/uploads` (`files.url`, or the request's origin + `/uploads`). */
  baseUrl: string;
}

/** An uploaded file: where to fetch it and the key to delete it by. */
export interface FileUpload {
  url: string;
  key: string;
}

export interface FileProvider {
  identifier: string;
  /** Stores a file anyone may read at its `url`. */
  upload(file: ProviderFile, context: FileContext): Promise<FileUpload>;
  /** Stores a file read only through a download URL (`getPresignedDownloadUrl`). */
  uploadProtected(file: ProviderFile, context: FileContext): Promise<FileUpload>;
  /** Deletes a file by its key; an unknown key is a 404 `file_not_found`. */
  delete(key: string): Promise<void>;
  /** An address the file can be fetched from for a while; an unknown key is a 404 `file_not_found`. */
  getPresignedDownloadUrl(key: string, context: FileContext): Promise<string>;
}
