/** What the gateway takes as evidence (`EVIDENCE_LIMITS` in the gateway), checked before sending. */
export const evidenceLimits = {
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

/** Whether the gateway would take `file` as evidence. */
export function acceptableEvidence(file: File): boolean {
  return file.size <= evidenceLimits.maxBytes && (evidenceLimits.mimeTypes as readonly string[]).includes(file.type);
}
