import { importRoundAssignments } from "@lantoa/app";
import { exportRoundAssignments, listRoundAssignments } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf, joinReviewerPool, type RoundFixture, roundAt } from "../support/round-fixtures.js";

/** A CSV of assignments with the export's two required headers. */
function csv(rows: ReadonlyArray<[string, string]>, name = "phan-cong.csv"): File {
  const lines = rows.map(([code, username]) => `${code},${username}`);
  return new File([`\uFEFFMã mô hình,Tên đăng nhập giám khảo\r\n${lines.join("\r\n")}\r\n`], name, {
    type: "text/csv",
  });
}

describe.each(testEngines())("importRoundAssignments on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
    // The Thanh Hà commune officer also sits on the pool: conflicted for their own unit's models.
    await joinReviewerPool(h, "thanhha.canbo");
  });
  afterAll(async () => {
    await h?.close();
  });

  const importAs = async (round: RoundFixture, file: File, as = "thanhliem.admin") =>
    h.app.run(importRoundAssignments, await h.as(as), { roundId: round.id, file });
  const pairsOf = async (round: RoundFixture) =>
    (await listRoundAssignments(h.database.db, round.id)).map((a) => [a.model_code, a.username, a.source]);

  it("assigns every row in bulk, codes matched without regard to case, audited round.assign.bulk", async () => {
    const round = await roundAt(h, "review");
    const [a, b] = round.models;
    const done = accepted(
      await importAs(
        round,
        csv([
          [a?.code.toLowerCase() ?? "", "giamkhao.1"],
          [a?.code ?? "", "giamkhao.2"],
          [b?.code ?? "", "giamkhao.1"],
        ]),
      ),
    );
    expect(done).toEqual({ id: round.id, rows: 3, assigned: 3 });
    expect((await pairsOf(round)).sort()).toEqual(
      [
        [a?.code, "giamkhao.1", "bulk"],
        [a?.code, "giamkhao.2", "bulk"],
        [b?.code, "giamkhao.1", "bulk"],
      ].sort(),
    );
    expect((await auditOf(h, round.id)).at(-1)).toMatchObject({
      action: "round.assign.bulk",
      after: { file: "phan-cong.csv", rows: 3 },
    });
  });

  it("tells each reviewer once of the models the file gave them", async () => {
    const round = await roundAt(h, "review");
    const [a, b] = round.models;
    accepted(
      await importAs(
        round,
        csv([
          [a?.code ?? "", "giamkhao.3"],
          [b?.code ?? "", "giamkhao.3"],
          [a?.code ?? "", "giamkhao.4"],
        ]),
      ),
    );
    const rows = await h.database.db
      .selectFrom("notifications as n")
      .innerJoin("users as u", "u.id", "n.recipient_user_id")
      .select(["u.username", "n.payload"])
      .where("n.kind", "=", "scorecard-assigned")
      .orderBy("u.username")
      .execute();
    const notices = rows
      .map((r) => ({ username: r.username, ...(r.payload as { roundId: string; count: number }) }))
      .filter((n) => n.roundId === round.id)
      .map(({ username, count }) => ({ username, count }));
    expect(notices).toEqual([
      { username: "giamkhao.3", count: 2 },
      { username: "giamkhao.4", count: 1 },
    ]);
  });

  it("reads back the round's own export, leaving pairs already assigned as they are", async () => {
    const round = await roundAt(h, "review");
    accepted(await importAs(round, csv([[round.models[0]?.code ?? "", "giamkhao.1"]])));
    const exported = await exportRoundAssignments(h.database.db, round.id, "xlsx");
    if (!exported) throw new Error("no export");
    expect(exported.filename).toBe(`${round.code}-phan-cong.xlsx`);
    const file = new File([exported.bytes], exported.filename, { type: exported.mimeType });
    expect(accepted(await importAs(round, file))).toEqual({ id: round.id, rows: 1, assigned: 0 });
    expect(await pairsOf(round)).toEqual([[round.models[0]?.code, "giamkhao.1", "bulk"]]);
  });

  it("lists every problem with its row and writes nothing when any row is wrong", async () => {
    const round = await roundAt(h, "review", { models: 1, within: "TL-THANHHA-UBND" });
    const [model] = round.models;
    const error = await h.expectRefusal("ROUND.ASSIGNMENTS_REJECTED", () =>
      importAs(
        round,
        csv([
          [model?.code ?? "", "giamkhao.1"],
          ["KHONG-CO", "giamkhao.2"],
          [model?.code ?? "", "xem"],
          [model?.code ?? "", "thanhha.canbo"],
          [model?.code ?? "", "giamkhao.1"],
        ]),
      ),
    );
    const problems = (error.details as { problems: Array<{ row: number; code: string }> }).problems;
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [3, "IMPORT.MODEL_NOT_IN_ROUND"],
      [4, "IMPORT.NOT_A_REVIEWER"],
      [5, "IMPORT.CONFLICT_OF_INTEREST"],
      [6, "IMPORT.DUPLICATE_ROW"],
    ]);
    expect(await pairsOf(round)).toEqual([]);
  });

  it("refuses a file without the reviewer column, by its header, writing nothing", async () => {
    const round = await roundAt(h, "review");
    const file = new File([`\uFEFFMã mô hình\r\n${round.models[0]?.code}\r\n`], "thieu-cot.csv", { type: "text/csv" });
    const error = await h.expectRefusal("ROUND.ASSIGNMENTS_REJECTED", () => importAs(round, file));
    expect(error.details).toMatchObject({
      problems: [{ row: 1, column: "Tên đăng nhập giám khảo", code: "IMPORT.MISSING_COLUMN" }],
    });
  });

  it("refuses anyone but an admin of the organizer, changing nothing", async () => {
    const round = await roundAt(h, "review");
    await h.expectRefusal("AUTH.FORBIDDEN", () =>
      importAs(round, csv([[round.models[0]?.code ?? "", "giamkhao.1"]]), "phunu.canbo"),
    );
  });
});
