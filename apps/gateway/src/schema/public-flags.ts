import { SetEvidencePublicInput, SetModelPublicInput, setEvidencePublic, setModelPublic } from "@lantoa/app";
import { evidenceOwnerPath, modelOwnerPath } from "@lantoa/db";
import { builder } from "../builder.js";
import { DomainFailure } from "./errors.js";
import { ModelPayload, ModelRef } from "./model.js";
import { localId, perform } from "./mutation-support.js";

builder.mutationField("setModelPublic", (t) =>
  t.field({
    type: ModelPayload,
    description:
      "Shows a model on the public showcase (while it runs or has run), or takes it off: for admins of its unit. Audited when it changes.",
    errors: { types: [DomainFailure] },
    authScopes: async (_root, args, context) => {
      const path = await modelOwnerPath(context.db, args.id.id);
      return path ? { administersUnit: path } : { systemAdmin: true };
    },
    args: {
      id: t.arg.globalID({ required: true, for: ModelRef }),
      isPublic: t.arg.boolean({ required: true, validate: SetModelPublicInput.shape.isPublic }),
    },
    resolve: (_root, args, context) =>
      perform(context, setModelPublic, { modelId: args.id.id, isPublic: args.isPublic }),
  }),
);

builder.mutationField("setEvidencePublic", (t) =>
  t.field({
    type: ModelPayload,
    description:
      "Shows a piece of evidence with its model on the public showcase (photos appear there), or hides it: every upload starts hidden. For admins of the model's unit; audited when it changes.",
    errors: { types: [DomainFailure] },
    authScopes: async (_root, args, context) => {
      const path = await evidenceOwnerPath(context.db, localId(args.id, "Evidence"));
      return path ? { administersUnit: path } : { systemAdmin: true };
    },
    args: {
      id: t.arg.globalID({ required: true }),
      isPublic: t.arg.boolean({ required: true, validate: SetEvidencePublicInput.shape.isPublic }),
    },
    resolve: async (_root, args, context) => {
      const done = await perform(context, setEvidencePublic, {
        evidenceId: localId(args.id, "Evidence"),
        isPublic: args.isPublic,
      });
      return { id: done.modelId };
    },
  }),
);
