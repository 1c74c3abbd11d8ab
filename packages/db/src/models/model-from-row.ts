import { type Model, ModelSchema } from "@lantoa/domain/model";
import type { Selectable } from "kysely";
import type { EvidenceTable, ModelRow, ModelTargetTable } from "./models.table.js";

/**
 * Maps stored rows to the domain's `Model`, checked by its zod schema, so a row
 * that the domain would refuse fails loudly at the boundary instead of leaking on.
 */
export function modelFromRow(
  row: ModelRow,
  targets: readonly Selectable<ModelTargetTable>[],
  evidence: readonly Selectable<EvidenceTable>[],
  originModelId: string | null,
): Model {
  return ModelSchema.parse({
    kind: row.kind,
    ...(row.kind === "individual" ? { personName: row.person_name } : {}),
    id: row.id,
    code: row.code,
    name: row.name,
    ownerUnitId: row.owner_unit_id,
    fieldCodes: row.fields,
    annualTheme: row.annual_theme,
    problem: row.problem ?? "",
    solution: row.solution ?? "",
    startDate: row.start_date,
    targets: targets.map((t) => ({
      indicatorCode: t.indicator_code,
      targetValue: Number(t.target_value),
      unitCode: t.unit_code,
    })),
    evidence: evidence.map((e) =>
      e.kind === "link"
        ? { kind: "link", title: e.title, uri: e.uri }
        : {
            kind: e.kind,
            title: e.title,
            location: e.storage_key ? { kind: "storage", storageKey: e.storage_key } : { kind: "uri", uri: e.uri },
            mimeType: e.mime_type,
            sizeBytes: Number(e.size_bytes ?? 0),
          },
    ),
    originModelId,
    generated: row.generated,
    status: row.status,
  });
}
