import { InvalidDataError, type KioskServices } from "kiosk";
import type { FileContext, FileProvider, FileUpload } from "../lib/file-provider";
import { recogniseType } from "../lib/file-types";
import type { MultipartFile } from "kiosk";

/**
 * Uploads through the configured provider (`files.provider`, default `local`):
 * every file is checked first (its type recognised from its bytes and allowed by
 * `files.allowedTypes`; its size was checked while it streamed in), so a request
 * with one bad file stores none. Uploads write no database row.
 */
export default class FileService {
  constructor(private readonly cradle: KioskServices) {}

  provider(): FileProvider {
    return this.cradle.fileProviderService.retrieve(this.cradle.config.files.provider);
  }

  async upload(files: MultipartFile[], access: "public" | "protected", context: FileContext): Promise<FileUpload[]> {
    const allowed = this.cradle.config.files.allowedTypes;
    const checked = files.map((file, i) => {
      const type = recogniseType(file.content, file.originalName);
      if (!type || !allowed.includes(type.mimeType)) {
        throw new InvalidDataError(`files.${i}: ${file.originalName || "the file"} is not of an allowed type (${allowed.join(", ")})`, {
          code: "file_type_not_allowed",
          field: `files.${i}`,
        });
      }
      return { content: file.content, mimeType: type.mimeType, extension: type.extension, originalName: file.originalName };
    });
    const provider = this.provider();
    const done: FileUpload[] = [];
    try {
      for (const file of checked) done.push(await (access === "protected" ? provider.uploadProtected(file, context) : provider.upload(file, context)));
    } catch (err) {
      await Promise.allSettled(done.map((upload) => provider.delete(upload.key)));
      throw err;
    }
    return done;
  }

  delete(key: string): Promise<void> {
    return this.provider().delete(key);
  }

  downloadUrl(key: string, context: FileContext): Promise<string> {
    return this.provider().getPresignedDownloadUrl(key, context);
  }
}
