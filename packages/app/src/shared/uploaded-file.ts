import * as z from "zod";

/**
 * A file as callers hand it over: the web `File` of a multipart request (whichever
 * implementation made it), or one the command line built from a path. Only what the
 * use cases read of it.
 */
export interface UploadedFile {
  readonly name: string;
  readonly type: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The bytes as a stream, so a large file is never held in memory whole. */
  stream(): ReadableStream<Uint8Array>;
}

function isUploadedFile(value: unknown): value is UploadedFile {
  const file = value as UploadedFile | null;
  return (
    typeof file === "object" &&
    file !== null &&
    typeof file.name === "string" &&
    typeof file.type === "string" &&
    typeof file.size === "number" &&
    typeof file.arrayBuffer === "function" &&
    typeof file.stream === "function"
  );
}

/** An {@link UploadedFile}, told apart from any other value by its shape (not by class: there are several). */
export const UploadedFileSchema = z.custom<UploadedFile>(isUploadedFile, { message: "Expected a file" });
