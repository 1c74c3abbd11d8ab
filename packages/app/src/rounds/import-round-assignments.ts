import {
  ASSIGNMENT_COLUMNS,
  type AssignmentSheetRow,
  findPoolReviewers,
  type ImportProblem,
  insertReviewerAssignments,
  listRoundModelsByCode,
  type NewAssignment,
  readAssignmentSheet,
} from "@lantoa/db";
import { type DomainError, domainError, err, ok } from "@lantoa/domain/errors";
import { hasConflictOfInterest } from "@lantoa/domain/round";
import * as z from "zod";
import { notifyAssigned } from "../notifications/notify-assigned.js";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";
import { UploadedFileSchema } from "../shared/uploaded-file.js";
import { isAcceptedSpreadsheet } from "../spreadsheets/import-spreadsheet.js";
import { ASSIGNABLE, openRound } from "./open-round.js";

/** A round and a spreadsheet of its assignments (model code, reviewer username per row). */
export const ImportRoundAssignmentsInput = z.object({
  roundId: RecordId,
  file: UploadedFileSchema,
});

const problem = (
  row: AssignmentSheetRow,
  column: "modelCode" | "reviewerUsername",
  code: string,
  vi: string,
  en: string,
) => ({ row: row.row, column: ASSIGNMENT_COLUMNS[column].vi, code, message: { vi, en } }) satisfies ImportProblem;

/** Every problem of the file, by row: nothing was written. */
function rejected(problems: readonly ImportProblem[]): DomainError<"ROUND.ASSIGNMENTS_REJECTED"> {
  return domainError(
    "ROUND.ASSIGNMENTS_REJECTED",
    {
      vi: `Tệp phân công có ${problems.length} lỗi; chưa phân công ai. Sửa các dòng được nêu rồi nhập lại.`,
      en: `The assignments file has ${problems.length} problems; nobody was assigned. Fix the rows named and import it again.`,
    },
    { problems },
  );
}

/**
 * Assigns reviewers from a spreadsheet (XLSX or CSV with a model code and a reviewer
 * username per row, as `exportRoundAssignments` writes it) while the round is in draft,
 * self-assessment or review (an admin of the organizer). Every row is checked first: a
 * model not eligible in the round, someone outside the reviewer pool, a conflict of
 * interest (by the unit tree or declared) or a repeated row is a problem with its row and
 * column, and with any problem nothing is written (`ROUND.ASSIGNMENTS_REJECTED`, the
 * problems in its details). Pairs already assigned are left as they are; new ones are
 * `bulk`. Audited `round.assign.bulk`.
 */
export const importRoundAssignments = defineUseCase({
  name: "importRoundAssignments",
  input: ImportRoundAssignmentsInput,
  prepare: async (_scope, input) => {
    if (!isAcceptedSpreadsheet(input.file)) {
      return err(
        domainError(
          "IMPORT.FILE_NOT_ACCEPTED",
          {
            vi: "Tệp phân công phải là Excel (.xlsx) hoặc CSV (.csv).",
            en: "The assignments file must be Excel (.xlsx) or CSV (.csv).",
          },
          { name: input.file.name, type: input.file.type, size: input.file.size },
        ),
      );
    }
    return ok(await readAssignmentSheet(new Uint8Array(await input.file.arrayBuffer())));
  },
  run: async (scope, input, read) => {
    const round = await openRound(scope, input.roundId, { stages: ASSIGNABLE, administer: true });
    if (!round.ok) return round;
    if (!read.ok) return err(rejected(read.problems));
    const models = await listRoundModelsByCode(scope.trx, input.roundId);
    const usernames = [...new Set(read.rows.map((r) => r.reviewerUsername))];
    const pool = new Map((await findPoolReviewers(scope.trx, usernames)).map((r) => [r.username, r]));
    const problems: ImportProblem[] = [];
    const seen = new Set<string>();
    const added: NewAssignment[] = [];
    for (const row of read.rows) {
      const model = models.get(row.modelCode.toLowerCase());
      const reviewer = pool.get(row.reviewerUsername);
      if (!model?.eligible)
        problems.push(
          problem(
            row,
            "modelCode",
            "IMPORT.MODEL_NOT_IN_ROUND",
            `Mô hình “${row.modelCode}” không thuộc đợt hoặc không đủ điều kiện`,
            `The model “${row.modelCode}” is not (eligible) in the round`,
          ),
        );
      if (!reviewer)
        problems.push(
          problem(
            row,
            "reviewerUsername",
            "IMPORT.NOT_A_REVIEWER",
            `Không có giám khảo nào với tên đăng nhập “${row.reviewerUsername}”`,
            `No reviewer has the username “${row.reviewerUsername}”`,
          ),
        );
      if (!model?.eligible || !reviewer) continue;
      if (model.declared.includes(reviewer.userId) || hasConflictOfInterest(reviewer.unitPath, model.ownerPath)) {
        problems.push(
          problem(
            row,
            "reviewerUsername",
            "IMPORT.CONFLICT_OF_INTEREST",
            `${row.reviewerUsername} có xung đột lợi ích với mô hình ${model.code}`,
            `${row.reviewerUsername} has a conflict of interest with ${model.code}`,
          ),
        );
        continue;
      }
      const pair = `${model.modelId}|${reviewer.userId}`;
      if (seen.has(pair)) {
        problems.push(
          problem(
            row,
            "modelCode",
            "IMPORT.DUPLICATE_ROW",
            "Dòng này trùng với một dòng trước",
            "This row repeats an earlier one",
          ),
        );
        continue;
      }
      seen.add(pair);
      if (!model.assigned.includes(reviewer.userId))
        added.push({ roundId: input.roundId, modelId: model.modelId, reviewerUserId: reviewer.userId, source: "bulk" });
    }
    if (problems.length > 0) return err(rejected(problems));
    await insertReviewerAssignments(scope.trx, added);
    await notifyAssigned(scope, round.value.row, added);
    await scope.audit({
      action: "round.assign.bulk",
      entity: "round",
      entityId: input.roundId,
      after: {
        file: input.file.name,
        rows: read.rows.length,
        pairs: added.map((a) => ({ modelId: a.modelId, reviewerUserId: a.reviewerUserId })),
      },
    });
    return ok({ id: input.roundId, rows: read.rows.length, assigned: added.length });
  },
});
