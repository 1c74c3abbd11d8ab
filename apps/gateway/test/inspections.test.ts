import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkflowHarness, type WorkflowHarness } from "./support/workflow-harness.js";

const PLAN = `mutation($input: PlanInspectionInput!, $key: String!) { planInspection(input: $input, idempotencyKey: $key) {
  __typename ... on MutationPlanInspectionSuccess { data { inspection { id status version periodFrom periodTo unit { code } inspectingUnit { code } } } }
  ... on Error { code } } }`;
const FINDING = `mutation($input: RecordInspectionFindingInput!, $v: Int!) { recordInspectionFinding(input: $input, expectedVersion: $v) {
  __typename ... on MutationRecordInspectionFindingSuccess { data { inspection { status version visitedOn
    findings { id severity effect model { code status } commendation { status } } } } }
  ... on Error { code } } }`;
const ADD_ACTION = `mutation($f: ID!, $due: String!, $key: String!) { addCorrectiveAction(findingId: $f, description: "Bổ sung sổ sách", dueOn: $due, idempotencyKey: $key) {
  __typename ... on MutationAddCorrectiveActionSuccess { data { correctiveAction { id status version dueOn } } } ... on Error { code } } }`;
const COMPLETE = `mutation($id: ID!, $on: String!, $v: Int!) { completeCorrectiveAction(id: $id, completedOn: $on, expectedVersion: $v) {
  __typename ... on MutationCompleteCorrectiveActionSuccess { data { correctiveAction { status completedOn version } } } ... on Error { code } } }`;
const ISSUE = `mutation($input: IssueCommendationInput!, $key: String!) { issueCommendation(input: $input, idempotencyKey: $key) {
  ... on MutationIssueCommendationSuccess { data { commendation { id } } } ... on Error { code } } }`;
const LIFT = `mutation($id: ID!, $until: String!, $v: Int!) { liftCommendationSuspension(id: $id, until: $until, expectedVersion: $v) {
  __typename ... on MutationLiftCommendationSuspensionSuccess { data { commendation { status version suspensions { from until } } } }
  ... on Error { code } } }`;

describe.each(testEngines())("inspections on %s", (engine) => {
  let h: WorkflowHarness;

  beforeAll(async () => {
    h = await startWorkflowHarness(engine);
  });
  afterAll(async () => {
    await h?.database.close();
  });

  /** The code of an active model of TL-HPN (the demo data has several; `skip` picks another). */
  const activeModel = async (skip = 0) =>
    (
      await h.database.db
        .selectFrom("models as m")
        .innerJoin("units as u", "u.id", "m.owner_unit_id")
        .select(["m.id", "m.code"])
        .where("u.code", "=", "TL-HPN")
        .where("m.status", "=", "active")
        .orderBy("m.code")
        .offset(skip)
        .limit(1)
        .executeTakeFirstOrThrow()
    ).code;
  /** A new commendation in force of an active TL-HPN model, issued by the district's admin. */
  const newCommendation = async (key: string) => {
    const issued = await h.call(
      ISSUE,
      {
        key,
        input: {
          modelId: h.gid("Model", await h.modelId(await activeModel())),
          decisionNumber: "288-QĐ/HU",
          decisionDate: "2023-05-19",
          issuer: "Ban Thường vụ Huyện ủy Thanh Liêm",
          level: "district",
          form: "certificate-of-commendation",
        },
      },
      "thanhliem.admin",
    );
    return issued.data.issueCommendation.data.commendation.id as string;
  };
  /** A new planned inspection of TL-HPN (version 1), visited on `plannedOn`. */
  const newInspection = async (key: string, plannedOn = "2023-08-15") => {
    const planned = await h.call(PLAN, { input: { ...planInput(), plannedOn }, key }, "thanhliem.admin");
    return planned.data.planInspection.data.inspection.id as string;
  };

  const planInput = () => ({
    inspectedUnitId: h.unit("TL-HPN"),
    inspectingUnitId: h.unit("TL-CB-TT"),
    periodFrom: "2023-01-01",
    periodTo: "2023-06-30",
    plannedOn: "2023-08-15",
  });

  it("plans an inspection once per idempotency key, and refuses officers, self-inspection and reversed periods without writing", async () => {
    const first = await h.call(PLAN, { input: planInput(), key: "plan-hpn-2023" }, "thanhliem.admin");
    const inspection = first.data.planInspection.data.inspection;
    expect(inspection).toMatchObject({
      status: "planned",
      version: 1,
      periodFrom: "2023-01-01",
      periodTo: "2023-06-30",
      unit: { code: "TL-HPN" },
      inspectingUnit: { code: "TL-CB-TT" },
    });
    const again = await h.call(PLAN, { input: planInput(), key: "plan-hpn-2023" }, "thanhliem.admin");
    expect(again.data.planInspection.data.inspection.id).toBe(inspection.id);

    const before = await h.rows("inspections");
    const officer = await h.call(PLAN, { input: planInput(), key: "plan-officer-1" }, "phunu.canbo");
    expect(officer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const self = await h.call(
      PLAN,
      { input: { ...planInput(), inspectingUnitId: h.unit("TL-HPN") }, key: "plan-self-1" },
      "thanhliem.admin",
    );
    expect(self.data.planInspection).toMatchObject({ code: "INSPECTION.INVALID" });
    const reversed = await h.call(
      PLAN,
      { input: { ...planInput(), periodTo: "2022-12-31" }, key: "plan-reversed-1" },
      "thanhliem.admin",
    );
    expect(reversed.data.planInspection).toMatchObject({ code: "INSPECTION.INVALID" });
    expect(await h.rows("inspections")).toEqual(before);
  });

  it("suspends a commendation and a model a serious finding concerns, in the same transaction, audited", async () => {
    const inspectionId = await newInspection("plan-suspends");
    const commendationId = await newCommendation("commendation-suspends");
    const activeModelCode = await activeModel(1);
    const onCommendation = await h.call(
      FINDING,
      {
        v: 1,
        input: {
          inspectionId,
          severity: "major",
          description: "Thành tích khen thưởng chưa có minh chứng",
          recordedOn: "2023-08-20",
          commendationId,
        },
      },
      "thanhliem.admin",
    );
    const after = onCommendation.data.recordInspectionFinding.data.inspection;
    expect(after).toMatchObject({ status: "visited", version: 2, visitedOn: "2023-08-20" });
    expect(after.findings).toEqual([
      expect.objectContaining({
        severity: "major",
        effect: "suspend-commendation",
        commendation: { status: "SUSPENDED" },
      }),
    ]);

    const onModel = await h.call(
      FINDING,
      {
        v: 2,
        input: {
          inspectionId,
          severity: "critical",
          description: "Số liệu kết quả không trung thực",
          recordedOn: "2023-08-21",
          modelId: h.gid("Model", await h.modelId(activeModelCode)),
        },
      },
      "thanhliem.admin",
    );
    const findings = onModel.data.recordInspectionFinding.data.inspection.findings;
    expect(findings[1]).toMatchObject({
      effect: "suspend-model",
      model: { code: activeModelCode, status: "suspended" },
    });
    const audit = await h.database.db.selectFrom("audit_log").select("action").orderBy("id").execute();
    expect(audit.map((a) => a.action).slice(-4)).toEqual([
      "commendation.suspend",
      "recordInspectionFinding",
      "model.suspend",
      "recordInspectionFinding",
    ]);
  });

  it("refuses a finding about another unit's model, a stale inspection or an outsider, changing nothing", async () => {
    const inspectionId = await newInspection("plan-refuses");
    const tables = [
      "inspections",
      "inspection_findings",
      "models",
      "commendations",
      "commendation_suspensions",
    ] as const;
    const before = await Promise.all(tables.map((t) => h.rows(t)));
    const foreignModel = await h.database.db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select("m.id")
      .where("u.code", "like", "TL-THANHHA%")
      .executeTakeFirstOrThrow();
    const input = { inspectionId, severity: "major", description: "Sai", recordedOn: "2023-08-22" };
    const foreign = await h.call(
      FINDING,
      { v: 1, input: { ...input, modelId: h.gid("Model", foreignModel.id) } },
      "thanhliem.admin",
    );
    expect(foreign.data.recordInspectionFinding).toMatchObject({ code: "INSPECTION.SUBJECT_OUTSIDE_UNIT" });
    const stale = await h.call(FINDING, { v: 2, input }, "thanhliem.admin");
    expect(stale.data.recordInspectionFinding).toMatchObject({ code: "DB.STALE_VERSION" });
    const outsider = await h.call(FINDING, { v: 1, input }, "phunu.canbo");
    expect(outsider.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const badSeverity = await h.call(
      FINDING,
      { v: 1, input: { ...input, severity: "catastrophic" } },
      "thanhliem.admin",
    );
    expect(badSeverity.errors?.map((e) => [e.extensions?.code, /\binput\.severity\b/.test(e.message)])).toEqual([
      ["BAD_USER_INPUT", true],
    ]);
    expect(await Promise.all(tables.map((t) => h.rows(t)))).toEqual(before);
  });

  it("follows a minor finding up with a corrective action the inspected unit completes", async () => {
    const inspectionId = await newInspection("plan-follows");
    const minor = await h.call(
      FINDING,
      {
        v: 1,
        input: {
          inspectionId,
          severity: "minor",
          description: "Sổ sách ghi chép chưa đầy đủ",
          recordedOn: "2023-08-22",
        },
      },
      "thanhliem.admin",
    );
    const finding = minor.data.recordInspectionFinding.data.inspection.findings[0];
    expect(finding).toMatchObject({ severity: "minor", effect: "none" });
    const unitFindingId = finding.id;

    const before = await h.rows("corrective_actions");
    const early = await h.call(
      ADD_ACTION,
      { f: unitFindingId, due: "2023-08-01", key: "action-early-1" },
      "thanhliem.admin",
    );
    expect(early.data.addCorrectiveAction).toMatchObject({ code: "INSPECTION.INVALID" });
    const byOfficer = await h.call(
      ADD_ACTION,
      { f: unitFindingId, due: "2023-10-01", key: "action-officer-1" },
      "phunu.canbo",
    );
    expect(byOfficer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await h.rows("corrective_actions")).toEqual(before);

    const added = await h.call(
      ADD_ACTION,
      { f: unitFindingId, due: "2023-10-01", key: "action-hpn-1" },
      "thanhliem.admin",
    );
    const action = added.data.addCorrectiveAction.data.correctiveAction;
    expect(action).toMatchObject({ status: "open", version: 1, dueOn: "2023-10-01" });
    const replay = await h.call(
      ADD_ACTION,
      { f: unitFindingId, due: "2023-10-01", key: "action-hpn-1" },
      "thanhliem.admin",
    );
    expect(replay.data.addCorrectiveAction.data.correctiveAction.id).toBe(action.id);
    expect(await h.rows("corrective_actions")).toHaveLength(before.length + 1);

    const foreign = await h.call(COMPLETE, { id: action.id, on: "2023-08-30", v: 1 }, "thanhha.canbo");
    expect(foreign.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const done = await h.call(COMPLETE, { id: action.id, on: "2023-08-30", v: 1 }, "phunu.canbo");
    expect(done.data.completeCorrectiveAction.data.correctiveAction).toEqual({
      status: "completed",
      completedOn: "2023-08-30",
      version: 2,
    });
    const twice = await h.call(COMPLETE, { id: action.id, on: "2023-08-31", v: 2 }, "phunu.canbo");
    expect(twice.data.completeCorrectiveAction).toMatchObject({ code: "INSPECTION.ACTION_ALREADY_COMPLETED" });
  });

  it("lifts a commendation's suspension, and lists inspections only inside the reader's subtree", async () => {
    // Planned last, so it heads the list: the page of one below then holds every kind of finding.
    const inspectionId = await newInspection("plan-lifts", "2023-08-16");
    const commendationId = await newCommendation("commendation-lifts");
    const suspended = await h.call(
      FINDING,
      {
        v: 1,
        input: {
          inspectionId,
          severity: "major",
          description: "Thành tích khen thưởng chưa có minh chứng",
          recordedOn: "2023-08-20",
          commendationId,
        },
      },
      "thanhliem.admin",
    );
    expect(suspended.data.recordInspectionFinding.data.inspection.findings[0].effect).toBe("suspend-commendation");
    const onModel = await h.call(
      FINDING,
      {
        v: 2,
        input: {
          inspectionId,
          severity: "minor",
          description: "Hồ sơ mô hình thiếu ảnh",
          recordedOn: "2023-08-21",
          modelId: h.gid("Model", await h.modelId(await activeModel())),
        },
      },
      "thanhliem.admin",
    );
    const modelFinding = onModel.data.recordInspectionFinding.data.inspection.findings[1];
    const action = await h.call(
      ADD_ACTION,
      { f: modelFinding.id, due: "2023-10-01", key: "action-lifts-1" },
      "thanhliem.admin",
    );
    expect(action.data.addCorrectiveAction.data.correctiveAction.status).toBe("open");
    const version = (
      await h.database.db
        .selectFrom("commendations")
        .select("version")
        .where("id", "=", Buffer.from(commendationId, "base64").toString().split(":")[1] as string)
        .executeTakeFirstOrThrow()
    ).version;
    const officer = await h.call(LIFT, { id: commendationId, until: "2023-08-31", v: version }, "phunu.canbo");
    expect(officer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const backwards = await h.call(LIFT, { id: commendationId, until: "2023-08-01", v: version }, "thanhliem.admin");
    expect(backwards.data.liftCommendationSuspension).toMatchObject({ code: "COMMENDATION.INVALID_DATE" });
    const lifted = await h.call(LIFT, { id: commendationId, until: "2023-08-31", v: version }, "thanhliem.admin");
    expect(lifted.data.liftCommendationSuspension.data.commendation).toEqual({
      status: "IN_FORCE",
      version: version + 1,
      suspensions: [{ from: "2023-08-20", until: "2023-08-31" }],
    });
    const again = await h.call(LIFT, { id: commendationId, until: "2023-08-31", v: version + 1 }, "thanhliem.admin");
    expect(again.data.liftCommendationSuspension).toMatchObject({ code: "COMMENDATION.NOT_SUSPENDED" });

    const list = `query($u: ID) { inspections(filter: { withinUnitId: $u, year: 2023 }) { totalCount edges { node { id unit { code } findings { correctiveActions { status } } } } } }`;
    const district = await h.call(list, { u: h.unit("TL") }, "thanhliem.admin");
    expect(district.data.inspections.edges.map((e: any) => e.node.id)).toContain(inspectionId);
    const own = await h.call(list, {}, "phunu.canbo");
    expect(own.data.inspections.edges.every((e: any) => e.node.unit.code === "TL-HPN")).toBe(true);
    expect(own.data.inspections.edges.map((e: any) => e.node.id)).toContain(inspectionId);
    // Findings, their actions and the commendations they concern are batched: one page
    // costs the same whether it holds one inspection or all of them.
    const deep = `query($n: Int!) { inspections(first: $n) { edges { node { unit { name } findings { model { code } commendation { status } correctiveActions { status } } } } } }`;
    const cost = async (n: number) => {
      const start = h.statements();
      const page = await h.call(deep, { n }, "tinhuy.admin");
      expect(page.errors).toBeUndefined();
      expect(page.data.inspections.edges).toHaveLength(n);
      return h.statements() - start;
    };
    const total = (await h.call(`{ inspections { totalCount } }`, {}, "tinhuy.admin")).data.inspections.totalCount;
    expect(total).toBeGreaterThan(1);
    expect(await cost(total)).toBe(await cost(1));
    const outside = await h.call(list, { u: h.unit("TL-HPN") }, "thanhha.canbo");
    expect(outside.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const node = await h.call(
      `query($id: ID!) { node(id: $id) { ... on Inspection { status } } }`,
      { id: inspectionId },
      "thanhha.canbo",
    );
    expect(node.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
