import type { UploadedFile } from "../shared/uploaded-file.js";

/**
 * Where uploaded evidence files are kept (a local folder, an object store): the host
 * of the use cases provides it. Keys are made by the use case and never reused.
 */
export interface EvidenceFiles {
  /** Stores `file` under `key`, which must not exist yet. */
  put(key: string, file: UploadedFile): Promise<void>;
  /** Removes the file under `key`; nothing happens when there is none. */
  remove(key: string): Promise<void>;
}
