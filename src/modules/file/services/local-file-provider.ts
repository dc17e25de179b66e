import { mkdir, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { NotFoundError, type KioskServices } from "kiosk";
import { signedQuery, verifySignature } from "../lib/download-signature";
import type { FileContext, FileProvider, FileUpload, ProviderFile } from "../lib/file-provider";
import { keyOf, newName, parseKey } from "../lib/local-names";

/**
 * The built-in `local` provider: files in the config's `files.dir` (default
 * `uploads/` in the project), public ones served at `/uploads/<name>`, protected
 * ones under `protected/` and served only at a signed, expiring
 * `/uploads/protected/<name>?expires=…&signature=…`. Names are generated.
 */
export default class LocalFileProviderService implements FileProvider {
  static identifier = "local";
  readonly identifier = "local";

  constructor(private readonly cradle: KioskServices) {}

  private get dir(): string {
    return this.cradle.config.files.dir;
  }

  upload(file: ProviderFile, context: FileContext): Promise<FileUpload> {
    return this.write(file, false, context);
  }

  uploadProtected(file: ProviderFile, context: FileContext): Promise<FileUpload> {
    return this.write(file, true, context);
  }

  async delete(key: string): Promise<void> {
    const file = await this.existing(key);
    await unlink(file).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "ENOENT") throw err;
    });
  }

  async getPresignedDownloadUrl(key: string, context: FileContext): Promise<string> {
    await this.existing(key);
    const { isProtected, name } = parseKey(key)!;
    if (!isProtected) return `${context.baseUrl}/${name}`;
    return `${context.baseUrl}/protected/${name}?${signedQuery(this.cradle.config.http.jwtSecret, name)}`;
  }

  /** The path of a stored file by its key, or undefined when the key is no file of this provider. */
  async pathOf(key: string): Promise<string | undefined> {
    const parsed = parseKey(key);
    if (!parsed) return undefined;
    const file = path.join(this.dir, parsed.isProtected ? "protected" : "", parsed.name);
    const found = await stat(file).catch(() => undefined);
    return found?.isFile() ? file : undefined;
  }

  /** Whether a download URL's query opens this protected file. */
  verifyDownload(name: string, expires: string | undefined, signature: string | undefined): boolean {
    return verifySignature(this.cradle.config.http.jwtSecret, name, expires, signature);
  }

  private async existing(key: string): Promise<string> {
    const file = await this.pathOf(key);
    if (!file) throw new NotFoundError(`File ${key} was not found`, "file_not_found");
    return file;
  }

  private async write(file: ProviderFile, isProtected: boolean, context: FileContext): Promise<FileUpload> {
    const dir = isProtected ? path.join(this.dir, "protected") : this.dir;
    await mkdir(dir, { recursive: true });
    const name = newName(file.extension);
    await writeFile(path.join(dir, name), file.content, { flag: "wx" });
    const key = keyOf(name, isProtected);
    return { key, url: isProtected ? `${context.baseUrl}/protected/${name}` : `${context.baseUrl}/${name}` };
  }
}
