/** What an evidence upload may be: its size and its type. */
export const EVIDENCE_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  mimeTypes: [
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ],
} as const;

/** Whether a file of this size and type may be uploaded as evidence. */
export function isAcceptedEvidence(file: { readonly size: number; readonly type: string }): boolean {
  return file.size <= EVIDENCE_LIMITS.maxBytes && (EVIDENCE_LIMITS.mimeTypes as readonly string[]).includes(file.type);
}
