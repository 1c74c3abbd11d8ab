import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTasks, loadSessionUser, type TaskKind } from "../src/index.js";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

const TODAY = "2026-06-15";

describe.each(testEngines())("the to-do list on %s", (engine) => {
  let database: TestDatabase;
  const users = new Map<string, string>();
  const units = new Map<string, string>();
  /** Models of Hội Phụ nữ huyện (TL-HPN), by the role each plays below. */
  let returned: string;
  let submitted: string;
  let inRound: string;
  let otherUnitReturned: string;

  async function tasksOf(username: string, kind: TaskKind) {
    const viewer = await loadSessionUser(database.db, users.get(username) ?? "");
    if (!viewer) throw new Error(`no user ${username}`);
    const groups = await listTasks(database.db, viewer, { today: TODAY, limit: 50 });
    const group = groups.find((g) => g.kind === kind);
    return { total: group?.total, ids: (group?.items ?? []).map((t) => t.model_id ?? t.action_id) };
  }

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    const db = database.db;
    for (const u of await db.selectFrom("users").select(["id", "username"]).execute()) users.set(u.username, u.id);
    for (const u of await db.selectFrom("units").select(["id", "code"]).execute()) units.set(u.code, u.id);
    // Start from nothing waiting: every returned or submitted model of the demo becomes active,
    // its rounds move past the steps that give work, its corrective actions are done.
    await db.updateTable("models").set({ status: "active" }).where("status", "in", ["returned", "submitted"]).execute();
    await db
      .updateTable("rounds")
      .set({ status: "council" })
      .where("status", "in", ["self-assessment", "review"])
      .execute();
    await db
      .updateTable("corrective_actions")
      .set({ completed_on: "2026-01-01" })
      .where("completed_on", "is", null)
      .execute();
    const hpn = await db
      .selectFrom("models")
      .select("id")
      .where("owner_unit_id", "=", units.get("TL-HPN") ?? "")
      .orderBy("code")
      .limit(3)
      .execute();
    [returned, submitted, inRound] = hpn.map((m) => m.id) as [string, string, string];
    otherUnitReturned = (
      await db
        .selectFrom("models")
        .select("id")
        .where("owner_unit_id", "=", units.get("TL-THANHHA-UBND") ?? "")
        .orderBy("code")
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .updateTable("models")
      .set({ status: "returned" })
      .where("id", "in", [returned, otherUnitReturned])
      .execute();
    await db.updateTable("models").set({ status: "submitted" }).where("id", "=", submitted).execute();

    // A round in review where giamkhao.1 reviews `inRound`, and one in self-assessment over it.
    const version = await db.selectFrom("rounds").select("criteria_version_id").executeTakeFirstOrThrow();
    for (const [code, status, due] of [
      ["TASKS-REVIEW", "review", { review_due: "2026-06-14" }],
      ["TASKS-SELF", "self-assessment", { self_assessment_due: "2026-06-20" }],
    ] as const) {
      const round = await db
        .insertInto("rounds")
        .values({
          code,
          name: `Đợt ${code}`,
          criteria_version_id: version.criteria_version_id,
          organizer_unit_id: units.get("TL") ?? "",
          status,
          period: "2025",
          reference_date: "2026-01-01",
          ...due,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db.insertInto("round_models").values({ round_id: round.id, model_id: inRound }).execute();
      if (status === "review") {
        await db
          .insertInto("reviewer_assignments")
          .values({
            round_id: round.id,
            model_id: inRound,
            reviewer_user_id: users.get("giamkhao.1") ?? "",
            source: "manual",
          })
          .execute();
      }
    }
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("lists a returned model to its unit's officer, not another unit's", async () => {
    expect(await tasksOf("phunu.canbo", "model-returned")).toEqual({ total: 1, ids: [returned] });
    expect(await tasksOf("thanhha.canbo", "model-returned")).toEqual({ total: 1, ids: [otherUnitReturned] });
  });

  it("lists a submitted model to the admin of a unit above its owner, not to its officer", async () => {
    expect(await tasksOf("thanhliem.admin", "approval-waiting")).toEqual({ total: 1, ids: [submitted] });
    expect(await tasksOf("phunu.canbo", "approval-waiting")).toEqual({ total: 0, ids: [] });
  });

  it("gives a scorecard and a self-assessment due their step's deadline", async () => {
    const viewer = async (username: string) =>
      (await loadSessionUser(database.db, users.get(username) ?? "")) ?? { userId: "", assignments: [] };
    const due = async (username: string, kind: TaskKind) =>
      (await listTasks(database.db, await viewer(username), { today: TODAY, limit: 50 }))
        .find((g) => g.kind === kind)
        ?.items.map((t) => t.due_on);
    expect(await due("giamkhao.1", "scorecard-due")).toEqual(["2026-06-14"]);
    expect(await due("phunu.canbo", "self-assessment-due")).toEqual(["2026-06-20"]);
  });

  it("lists a scorecard past the review deadline to the organizer's admins, naming the reviewer", async () => {
    const viewer = (await loadSessionUser(database.db, users.get("thanhliem.admin") ?? "")) ?? {
      userId: "",
      assignments: [],
    };
    const late = (await listTasks(database.db, viewer, { today: TODAY, limit: 50 })).find(
      (g) => g.kind === "scorecard-late",
    );
    const reviewer = await database.db
      .selectFrom("users")
      .select("display_name")
      .where("username", "=", "giamkhao.1")
      .executeTakeFirstOrThrow();
    expect(late?.items.map((t) => [t.model_id, t.description])).toEqual([[inRound, reviewer.display_name]]);
    // Not to the model's own unit, and not before the deadline has passed.
    expect(await tasksOf("phunu.canbo", "scorecard-late")).toEqual({ total: 0, ids: [] });
    const dayOf = (await listTasks(database.db, viewer, { today: "2026-06-14", limit: 50 })).find(
      (g) => g.kind === "scorecard-late",
    );
    expect(dayOf?.total).toBe(0);
  });

  it("lists an assigned scorecard to its reviewer until they submit it", async () => {
    expect(await tasksOf("giamkhao.1", "scorecard-due")).toEqual({ total: 1, ids: [inRound] });
    expect(await tasksOf("giamkhao.2", "scorecard-due")).toEqual({ total: 0, ids: [] });
    const round = await database.db
      .selectFrom("rounds")
      .select("id")
      .where("code", "=", "TASKS-REVIEW")
      .executeTakeFirstOrThrow();
    const card = await database.db
      .insertInto("scorecards")
      .values({
        round_id: round.id,
        model_id: inRound,
        kind: "review",
        reviewer_user_id: users.get("giamkhao.1") ?? "",
        status: "draft",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // A draft is still to do; a submitted one is done.
    expect((await tasksOf("giamkhao.1", "scorecard-due")).ids).toEqual([inRound]);
    await database.db.updateTable("scorecards").set({ status: "submitted" }).where("id", "=", card.id).execute();
    expect(await tasksOf("giamkhao.1", "scorecard-due")).toEqual({ total: 0, ids: [] });
  });

  it("lists a self-assessment due to the model's unit staff while the round is at that step", async () => {
    expect(await tasksOf("phunu.canbo", "self-assessment-due")).toEqual({ total: 1, ids: [inRound] });
    expect(await tasksOf("thanhha.canbo", "self-assessment-due")).toEqual({ total: 0, ids: [] });
  });

  it("lists a corrective action past its day to the inspected unit's staff and the inspecting admins until completed", async () => {
    const db = database.db;
    const inspection = await db
      .insertInto("inspections")
      .values({
        unit_id: units.get("TL-HPN") ?? "",
        inspecting_unit_id: units.get("TL") ?? "",
        period: "2026",
        planned_on: "2026-03-01",
        status: "visited",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const finding = await db
      .insertInto("inspection_findings")
      .values({ inspection_id: inspection.id, severity: "minor", description: "Thiếu sổ theo dõi" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const [late, notYetDue] = await db
      .insertInto("corrective_actions")
      .values([
        { finding_id: finding.id, description: "Lập sổ theo dõi", due_on: "2026-06-14", status: "open" },
        { finding_id: finding.id, description: "Báo cáo kết quả", due_on: TODAY, status: "open" },
      ])
      .returning("id")
      .execute();
    expect(notYetDue).toBeDefined();
    for (const who of ["phunu.canbo", "thanhliem.admin", "admin"]) {
      expect(await tasksOf(who, "corrective-action-overdue")).toEqual({ total: 1, ids: [late?.id] });
    }
    expect(await tasksOf("thanhha.canbo", "corrective-action-overdue")).toEqual({ total: 0, ids: [] });
    await db
      .updateTable("corrective_actions")
      .set({ completed_on: TODAY })
      .where("id", "=", late?.id ?? "")
      .execute();
    expect(await tasksOf("phunu.canbo", "corrective-action-overdue")).toEqual({ total: 0, ids: [] });
  });

  it("gives a viewer without a unit role nothing to do", async () => {
    const groups = await listTasks(
      database.db,
      (await loadSessionUser(database.db, users.get("xem") ?? "")) ?? { userId: "", assignments: [] },
      { today: TODAY, limit: 50 },
    );
    expect(groups.map((g) => g.total)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
