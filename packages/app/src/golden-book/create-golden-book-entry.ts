import { findGoldenBookTwin, hasLabel, insertGoldenBookEntry } from "@lantoa/db";
import { domainError, err, ok } from "@lantoa/domain/errors";
import { parseGoldenBookEntry } from "@lantoa/domain/register";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { IsoDay, RecordId, requiredText } from "../shared/input-schemas.js";
import { requireUnits } from "../shared/require-units.js";
import { actingUser } from "./acting-user.js";

/** A nomination for a unit's golden book: a person, or the unit as a collective, and their good deed. */
export const CreateGoldenBookEntryInput = z.object({
  /** The unit whose golden book it goes into. */
  unitId: RecordId,
  subjectKind: z.enum(["person", "collective"]),
  subjectName: requiredText(200),
  deed: requiredText(5000),
  /** A field code (lĩnh vực). */
  field: z.string().min(1).max(64),
  deedDate: IsoDay,
});

/**
 * Nominates a good person or good deed for a unit's golden book (status nominated, for
 * an admin to verify). The field must be configured; the same subject, day and deed
 * again (spelled differently) is `GOLDEN_BOOK.DUPLICATE_ENTRY`. Audited, with the
 * nominator's user id, which later keeps them from verifying their own nomination.
 */
export const createGoldenBookEntry = defineUseCase({
  name: "createGoldenBookEntry",
  input: CreateGoldenBookEntryInput,
  run: async (scope, input) => {
    const units = await requireUnits(scope.trx, [input.unitId]);
    if (!units.ok) return units;
    if (!(await hasLabel(scope.trx, "fields", input.field))) {
      return err(
        domainError(
          "GOLDEN_BOOK.UNKNOWN_FIELD",
          { vi: `Lĩnh vực "${input.field}" không có trong danh mục.`, en: `Unknown field "${input.field}".` },
          { field: input.field },
        ),
      );
    }
    const parsed = parseGoldenBookEntry({
      id: scope.newId(),
      subject:
        input.subjectKind === "person"
          ? { kind: "person", personName: input.subjectName }
          : { kind: "collective", unitId: input.unitId },
      deed: input.deed,
      fieldCode: input.field,
      date: input.deedDate,
      unitId: input.unitId,
      nominatedBy: actingUser(scope.actor),
      status: "nominated",
      decision: null,
    });
    if (!parsed.ok) return parsed;
    const entry = parsed.value;
    const twin = await findGoldenBookTwin(scope.trx, {
      unitId: entry.unitId,
      deedDate: entry.date,
      subjectName: input.subjectName,
      deed: entry.deed,
    });
    if (twin) {
      return err(
        domainError(
          "GOLDEN_BOOK.DUPLICATE_ENTRY",
          {
            vi: "Sổ vàng của đơn vị đã có mục này (cùng người, cùng ngày, cùng việc tốt).",
            en: "The unit's golden book already has this entry (same subject, date and deed).",
          },
          { id: twin },
        ),
      );
    }
    await insertGoldenBookEntry(scope.trx, {
      id: entry.id,
      unit_id: entry.unitId,
      subject_kind: entry.subject.kind,
      subject_name: input.subjectName,
      deed: entry.deed,
      field: entry.fieldCode,
      deed_date: entry.date,
      nominated_by: scope.actor.displayName,
      status: "nominated",
    });
    await scope.audit({
      action: "createGoldenBookEntry",
      entity: "golden_book_entry",
      entityId: entry.id,
      after: entry,
    });
    return ok({ id: entry.id });
  },
});
