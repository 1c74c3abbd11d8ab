import { type Certificate, loadCertificates, loadCommendation } from "@lantoa/db";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { documents } from "../documents.js";
import { verificationPath } from "../public/public-paths.js";
import { CommendationRef } from "./commendation.js";
import { localId, today } from "./mutation-support.js";
import { RoundRef } from "./round.js";
import { administersRoundById, ExportFileRef } from "./round-workflow.js";

builder.objectFields(CommendationRef, (t) => ({
  reason: t.exposeString("reason", {
    nullable: true,
    description:
      "Why it was given, as recorded; the certificate prints a sentence naming the model or round when empty.",
  }),
  verificationCode: t.exposeString("verification_code", {
    description: "The code of its public verification page, printed on the certificate (KT- and ten hex digits).",
  }),
  verificationUrl: t.string({
    description: "The public page anyone can open to check the certificate and its status today (no sign-in).",
    resolve: (c, _args, context) => `${context.publicUrl}${verificationPath(c.verification_code)}`,
  }),
}));

/** Certificates as a PDF file, each QR code holding the public address of its verification page. */
async function certificateFile(context: Context, certificates: Certificate[], filename: string) {
  if (certificates.length === 0) return null;
  const { renderCertificates } = await documents();
  const pdf = await renderCertificates(
    certificates.map((c) => ({
      content: c.content,
      contentHash: c.contentHash,
      standing: c.standing,
      verificationUrl: `${context.publicUrl}${verificationPath(c.content.verificationCode)}`,
    })),
  );
  return { filename, mimeType: "application/pdf", base64: Buffer.from(pdf).toString("base64"), bytes: pdf.byteLength };
}

/** Whoever reads the commendation's unit may print its certificate. */
async function commendationReadScope(context: Context, id: string) {
  const loaded = await loadCommendation(context.db, id);
  return loaded?.unitPath ? { readsUnit: loaded.unitPath } : { systemAdmin: true };
}

builder.queryFields((t) => ({
  commendationCertificate: t.field({
    type: ExportFileRef,
    nullable: true,
    description:
      "The commendation's certificate (giấy khen, bằng khen…) as a print-ready PDF: landscape A4, the national title and motto, the issuer, decision, recipient, model and reason in an embedded font, and a QR code to its public verification page. Null when there is no such commendation.",
    args: { id: t.arg.globalID({ required: true }) },
    authScopes: (_root, args, context) => commendationReadScope(context, localId(args.id, "Commendation")),
    resolve: async (_root, args, context) => {
      const id = localId(args.id, "Commendation");
      const certificates = await loadCertificates(context.db, { ids: [id] }, today(context));
      const code = certificates[0]?.content.verificationCode ?? id;
      return certificateFile(context, certificates, `giay-khen-${code}.pdf`);
    },
  }),
  roundCertificates: t.field({
    type: ExportFileRef,
    nullable: true,
    description:
      "Every certificate of a round's commendations in one PDF, a page each (by decision, then rank), for the round's admins. Null when the round commended nobody.",
    args: { roundId: t.arg.globalID({ required: true, for: RoundRef }) },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: async (_root, args, context) => {
      const certificates = await loadCertificates(context.db, { roundId: args.roundId.id }, today(context));
      return certificateFile(context, certificates, "giay-khen-dot-binh-xet.pdf");
    },
  }),
}));
