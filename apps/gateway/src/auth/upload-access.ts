import { holdsRoleOver, importScopeOf, isSystemAdmin, STAFF_ROLES } from "@lantoa/app";
import { type Database, findRoundOrganizer, modelOwnerPath, type SessionUser } from "@lantoa/db";
import { decodeGlobalID } from "@pothos/plugin-relay";
import type { Kysely } from "kysely";

/** Whether the viewer may import spreadsheets at all (the rule of the `importSpreadsheet` use case). */
export function mayImportSpreadsheets(viewer: SessionUser | null): boolean {
  return viewer !== null && importScopeOf(viewer) !== null;
}

/** Whether the viewer may add evidence to the model: staff of its owner unit (or above), or a system admin. */
export async function mayAddEvidence(
  db: Kysely<Database>,
  viewer: SessionUser | null,
  modelId: string,
): Promise<boolean> {
  const ownerPath = await modelOwnerPath(db, modelId);
  return ownerPath !== null ? holdsRoleOver(viewer, STAFF_ROLES, ownerPath) : isSystemAdmin(viewer);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The uuid of a global id of `typename`, or null for anything else. */
function localIdOf(value: unknown, typename: string): string | null {
  if (typeof value !== "string") return null;
  try {
    const { typename: actual, id } = decodeGlobalID(value);
    return actual === typename && UUID.test(id) ? id : null;
  } catch {
    return null;
  }
}

/**
 * Every field that takes a file, with who may send one to it. The gateway asks this
 * before it reads a multipart body, from the session header and the operation alone
 * (the `operations` part comes first), so a refused upload costs nothing; the fields'
 * own authorization runs again when they execute. A field taking a `File` that is not
 * listed here refuses every upload (a test walks the schema for them).
 */
export const UPLOAD_FIELDS: Readonly<
  Record<
    string,
    (viewer: SessionUser, args: Record<string, unknown>, db: Kysely<Database>) => Promise<boolean> | boolean
  >
> = {
  importSpreadsheet: (viewer) => mayImportSpreadsheets(viewer),
  importRoundAssignments: async (viewer, args, db) => {
    const roundId = localIdOf(args.roundId, "Round");
    const round = roundId === null ? undefined : await findRoundOrganizer(db, roundId);
    return round ? holdsRoleOver(viewer, ["unit-admin"], round.path) : isSystemAdmin(viewer);
  },
  addEvidence: (viewer, args, db) => {
    const modelId = localIdOf(args.modelId, "Model");
    return modelId !== null && mayAddEvidence(db, viewer, modelId);
  },
};
