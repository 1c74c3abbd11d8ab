import type { CommendationRow } from "@lantoa/db";
import { builder } from "../builder.js";
import { ModelRef } from "./model.js";

export const CommendationRef = builder.objectRef<CommendationRow>("Commendation").implement({
  description: "An award (biểu dương, giấy khen, bằng khen…) given by a decision.",
  fields: (t) => ({
    decisionNumber: t.exposeString("decision_number"),
    decisionDate: t.exposeString("decision_date"),
    issuer: t.exposeString("issuer"),
    level: t.exposeString("level"),
    form: t.exposeString("form"),
    validUntil: t.exposeString("valid_until", { nullable: true }),
    revokedOn: t.exposeString("revoked_on", { nullable: true }),
    revokedReason: t.exposeString("revoked_reason", { nullable: true }),
  }),
});

// A model's commendations, batched across a page of models.
builder.objectField(ModelRef, "commendations", (t) =>
  t.loadableList({
    type: CommendationRef,
    load: (ids: string[], { db, reads }) =>
      reads.run({
        query: db
          .selectFrom("commendations")
          .selectAll()
          .where("recipient_model_id", "in", ids)
          .orderBy("decision_date")
          .orderBy("id"),
        timestamps: ["created_at"],
        arrange: (rows) => ids.map((id) => rows.filter((r) => r.recipient_model_id === id)),
      }),
    resolve: (m) => m.id,
  }),
);
