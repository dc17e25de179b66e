import type { IncomingMessage } from "node:http";
import busboy from "busboy";
import { InvalidDataError, KioskError } from "../errors";

/** A file part of a multipart body, read into memory. */
export interface MultipartFile {
  originalName: string;
  /** The content type the client declared (kept for information; the type is recognised from the bytes). */
  declaredType: string;
  content: Buffer;
}

/** Files one request may carry. */
export const MAX_FILES = 10;

function tooLarge(maxSize: number, field: string): KioskError {
  return new KioskError("payload_too_large", 413, "file_too_large", `${field}: a file may be at most ${maxSize} bytes`, field);
}

/**
 * The files of a `multipart/form-data` request, all in the part named `field`
 * (Medusa's uploads send `files`), parsed with busboy: each at most `maxSize`
 * bytes, at most `MAX_FILES` of them. Anything else (another content type, another
 * field, a text field, no file, a malformed body) is a 400; a file past the limit is
 * a 413 `file_too_large`, found while it streams in, before the rest is read.
 * Kiosk's JSON body parser leaves such a body unread for this.
 */
export function readMultipartFiles(req: IncomingMessage, options: { field: string; maxSize: number }): Promise<MultipartFile[]> {
  const { field: FIELD, maxSize } = options;
  return new Promise((resolve, reject) => {
    const type = req.headers["content-type"] ?? "";
    if (!/^multipart\/form-data\b/i.test(type)) {
      return reject(new InvalidDataError("files: send the files as multipart/form-data", { code: "invalid_request", field: FIELD }));
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: maxSize, files: MAX_FILES, fields: 0, parts: MAX_FILES, fieldSize: 1024 } });
    } catch {
      return reject(new InvalidDataError("files: the multipart body has no boundary", { code: "invalid_request", field: FIELD }));
    }
    const files: Promise<MultipartFile>[] = [];
    let failure: Error | undefined;
    const fail = (err: Error) => {
      if (failure) return;
      failure = err;
      req.unpipe(parser);
      req.resume();
      reject(err);
    };
    parser.on("file", (name, stream, info) => {
      if (name !== FIELD) {
        stream.resume();
        return fail(new InvalidDataError(`Unexpected field in body: ${name}; the files go in "${FIELD}"`, { code: "invalid_request", field: name }));
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => void chunks.push(chunk));
      stream.on("limit", () => fail(tooLarge(maxSize, FIELD)));
      files.push(
        new Promise((done) =>
          stream.on("end", () => done({ originalName: info.filename ?? "", declaredType: info.mimeType, content: Buffer.concat(chunks) })),
        ),
      );
    });
    parser.on("field", (name) => fail(new InvalidDataError(`Unexpected field in body: ${name}`, { code: "invalid_request", field: name })));
    parser.on("filesLimit", () => fail(new InvalidDataError(`files: at most ${MAX_FILES} files at once`, { code: "too_many_files", field: FIELD })));
    parser.on("partsLimit", () => fail(new InvalidDataError(`files: at most ${MAX_FILES} parts at once`, { code: "too_many_files", field: FIELD })));
    parser.on("fieldsLimit", () => fail(new InvalidDataError("files: only files may be sent", { code: "invalid_request", field: FIELD })));
    parser.on("error", () => fail(new InvalidDataError("files: the multipart body is malformed", { code: "invalid_request", field: FIELD })));
    parser.on("close", () => {
      if (failure) return;
      if (!files.length) return reject(new InvalidDataError("files: send at least one file", { code: "invalid_request", field: FIELD }));
      void Promise.all(files).then((read) => (failure ? undefined : resolve(read)));
    });
    req.on("error", (err) => fail(err));
    req.pipe(parser);
  });
}
