import type { DbExecutor as Db } from "../executor.js";
import { type Sheet, type SheetCell, writeCsv, writeXlsx } from "../spreadsheet/write-sheets.js";
import { listRoundResults } from "./latest-results.js";
import { loadRound } from "./load-round.js";

/** An exported file: bytes, a file name and its MIME type. */
export interface ExportedFile {
  readonly bytes: Uint8Array;
  readonly filename: string;
  readonly mimeType: string;
}

const t = (vi: string, en: string) => ({ vi, en });

/** A criterion's points as stored in a result's breakdown. */
export interface StoredCriterionPoints {
  readonly criterionId: string;
  readonly pointsMilli: number;
  readonly maxMilli: number;
}

/**
 * A round's two sheets, Vietnamese headers first: the leaderboard (rank, model, unit,
 * points per scored criterion, total, tier, demotion by quota, disqualification) and
 * every scorecard (self-assessment and reviewers, ratings per rating criterion,
 * comments). Points are numbers, to three decimals, as the API gives them.
 *
 * @example
 * const [leaderboard, scorecards] = (await roundSheets(db, roundId)) ?? [];
 */
export async function roundSheets(db: Db, roundId: string): Promise<Sheet[] | null> {
  const round = await loadRound(db, roundId);
  if (!round) return null;
  const scored = round.set.criteria.filter((c) => c.kind !== "gate" && c.kind !== "group");
  const rated = round.set.criteria.filter((c) => c.kind === "rating");
  const tierLabel = new Map(round.set.tiers.map((tier) => [tier.id, tier.label]));
  const results = await listRoundResults(db, roundId);
  const leaderboard: Sheet = {
    name: t("Bảng xếp hạng", "Leaderboard"),
    columns: [
      { header: t("Hạng", "Rank"), width: 8, format: "integer" },
      { header: t("Mã mô hình", "Model code"), width: 22 },
      { header: t("Tên mô hình", "Model name"), width: 50 },
      { header: t("Đơn vị", "Unit"), width: 36 },
      ...scored.map((c) => ({ header: c.label, width: 16, format: "decimal" as const })),
      { header: t("Tổng điểm", "Total"), width: 12, format: "decimal" },
      { header: t("Điểm tối đa", "Maximum"), width: 12, format: "decimal" },
      { header: t("Xếp loại", "Tier"), width: 20 },
      { header: t("Hạ từ xếp loại (hạn mức)", "Demoted by quota from"), width: 20 },
      { header: t("Bị loại", "Disqualified"), width: 10 },
    ],
    rows: results.map((r) => {
      const breakdown = r.breakdown as { criteria: StoredCriterionPoints[]; demotedFrom: string | null };
      const points = new Map(breakdown.criteria.map((c) => [c.criterionId, c.pointsMilli / 1000]));
      const cells: SheetCell[] = [
        r.rank,
        r.modelCode,
        r.modelName,
        r.unitName,
        ...scored.map((c) => points.get(c.id) ?? null),
        r.totalMilli / 1000,
        r.maxMilli / 1000,
        r.tier ? (tierLabel.get(r.tier)?.vi ?? r.tier) : null,
        breakdown.demotedFrom ? (tierLabel.get(breakdown.demotedFrom)?.vi ?? breakdown.demotedFrom) : null,
        r.eliminated ? "Có" : "Không",
      ];
      return cells;
    }),
  };
  const cards = await db
    .selectFrom("scorecards as s")
    .innerJoin("models as m", "m.id", "s.model_id")
    .leftJoin("users as r", "r.id", "s.reviewer_user_id")
    .select(["m.code", "m.name", "s.kind", "r.display_name", "s.ratings", "s.comments", "s.status"])
    .where("s.round_id", "=", roundId)
    .orderBy("m.code")
    .orderBy("s.kind", "desc")
    .orderBy("r.display_name")
    .execute();
  const scorecards: Sheet = {
    name: t("Phiếu chấm", "Scorecards"),
    columns: [
      { header: t("Mã mô hình", "Model code"), width: 22 },
      { header: t("Tên mô hình", "Model name"), width: 50 },
      { header: t("Loại phiếu", "Kind"), width: 16 },
      { header: t("Người chấm", "Scored by"), width: 30 },
      ...rated.map((c) => ({ header: c.label, width: 14, format: "decimal" as const })),
      { header: t("Nhận xét", "Comments"), width: 60 },
      { header: t("Trạng thái", "Status"), width: 12 },
    ],
    rows: cards.map((c) => {
      const ratings = c.ratings as Record<string, number>;
      const comments = c.comments as Record<string, string>;
      return [
        c.code,
        c.name,
        c.kind === "self" ? "Tự đánh giá" : "Giám khảo",
        c.kind === "self" ? "Đơn vị" : (c.display_name ?? ""),
        ...rated.map((r) => ratings[r.id] ?? null),
        Object.entries(comments)
          .filter(([, v]) => v.trim() !== "")
          .map(([k, v]) => `${k}: ${v}`)
          .join("\n"),
        c.status === "submitted" ? "Đã nộp" : "Nháp",
      ];
    }),
  };
  return [leaderboard, scorecards];
}

/**
 * A round's leaderboard with per-criterion breakdown and every scorecard as XLSX (two
 * sheets) or CSV (both sections, UTF-8 with BOM), Vietnamese headers. With
 * `withScorecards: false` only the leaderboard: who reviewed what, with their comments,
 * is not for everyone a published round's results are for.
 *
 * @example
 * const file = await exportRound(db, roundId, "xlsx"); file?.filename // "TL-2025-ket-qua.xlsx"
 */
export async function exportRound(
  db: Db,
  roundId: string,
  format: "xlsx" | "csv",
  options: { withScorecards?: boolean } = {},
): Promise<ExportedFile | null> {
  const all = await roundSheets(db, roundId);
  if (!all) return null;
  // Reviewers' names and comments are for the organizer's admins: the public gets the leaderboard.
  const sheets = options.withScorecards === false ? all.slice(0, 1) : all;
  const round = await db.selectFrom("rounds").select("code").where("id", "=", roundId).executeTakeFirstOrThrow();
  return format === "xlsx"
    ? {
        bytes: await writeXlsx(sheets, "vi"),
        filename: `${round.code}-ket-qua.xlsx`,
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }
    : {
        bytes: writeCsv(sheets, { lang: "vi" }),
        filename: `${round.code}-ket-qua.csv`,
        mimeType: "text/csv; charset=utf-8",
      };
}
