import { ProviderRegistry } from "kiosk";
import type { FileProvider } from "../lib/file-provider";

/**
 * The registry of file providers: every service whose container key ends in
 * `FileProviderService` (`localFileProviderService`, a plugin's
 * `s3FileProviderService`, …), by its `identifier`.
 */
export default class FileProviderService extends ProviderRegistry<FileProvider> {
  constructor(cradle: Record<string, unknown>) {
    super(cradle, { suffix: "FileProviderService", label: "File provider", code: "file_provider_not_found" });
  }
}
