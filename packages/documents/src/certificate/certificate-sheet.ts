import type { CertificateContent, CommendationStanding } from "@lantoa/domain/register";

/** What one certificate page prints: the content, its digest, where it stands, and its verification address. */
export interface CertificateSheet {
  readonly content: CertificateContent;
  /** SHA-256 (hex) of the content, printed so a copy can be checked against the register. */
  readonly contentHash: string;
  readonly standing: CommendationStanding;
  /** The public verification page, e.g. `https://lantoa.example/xac-minh/KT-3F9A2C7B1D`; the QR code holds it. */
  readonly verificationUrl: string;
}
