import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkflowHarness, type WorkflowHarness } from "./support/workflow-harness.js";

const CREATE = `mutation($input: CreateModelInput!, $key: String!) { createModel(input: $input, idempotencyKey: $key) {
  ... on MutationCreateModelSuccess { data { model { id version } } } ... on Error { code } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateModelInput!, $v: Int!) { updateModel(id: $id, input: $input, expectedVersion: $v) {
  __typename ... on MutationUpdateModelSuccess { data { model { name fields annualTheme version } } } ... on Error { code messageVi } } }`;
const TRANSITION = `mutation($id: ID!, $v: Int!) { transitionModel(id: $id, action: submit, expectedVersion: $v) {
  ... on MutationTransitionModelSuccess { data { model { version } } } ... on Error { code } } }`;
const ALLOWED = `query($id: ID!) { node(id: $id) { ... on Model { status allowedActions } } }`;
const RECORD = `mutation($id: ID!, $values: [IndicatorValueInput!]!, $v: Int!) { recordIndicatorValues(modelId: $id, values: $values, expectedVersion: $v) {
  __typename ... on MutationRecordIndicatorValuesSuccess { data { model { version indicatorValues { indicatorCode period value unitCode } } } }
  ... on Error { code messageVi } } }`;
const REGISTER = `mutation($origin: ID!, $input: CreateModelInput!, $key: String!) { registerReplication(originModelId: $origin, input: $input, idempotencyKey: $key) {
  __typename ... on MutationRegisterReplicationSuccess { data { model { id code status origin { code depth model { code } } } } }
  ... on Error { code } } }`;

describe.each(testEngines())("model editing, outcomes and replication on %s", (engine) => {
  let h: WorkflowHarness;

  beforeAll(async () => {
    h = await startWorkflowHarness(engine);
  });
  afterAll(async () => {
    await h?.database.close();
  });

  /** A new draft of TL-HPN at version 1, made by its officer; each test edits its own. */
  const newDraft = async (code: string): Promise<string> => {
    const made = await h.call(
      CREATE,
      {
        key: `model-editing-${code}`,
        input: {
          code,
          name: "Heo đất tiết kiệm",
          ownerUnitId: h.unit("TL-HPN"),
          fields: ["social-welfare"],
          problem: "Hội viên nghèo thiếu vốn",
          solution: "Mỗi hội viên nuôi một heo đất",
          startDate: "2023-06-01",
        },
      },
      "phunu.canbo",
    );
    return made.data.createModel.data.model.id;
  };

  it("edits a draft in the officer's own unit; a stale version, an unknown field or an invalid date changes nothing", async () => {
    const draftId = await newDraft("TL-HPN-2023-HEOGIA");
    const edited = await h.call(
      UPDATE,
      {
        id: draftId,
        v: 1,
        input: { name: "Heo đất nghĩa tình", fields: ["social-welfare", "economy"], annualTheme: "Dân vận khéo" },
      },
      "phunu.canbo",
    );
    expect(edited.data.updateModel.data.model).toEqual({
      name: "Heo đất nghĩa tình",
      fields: ["social-welfare", "economy"],
      annualTheme: "Dân vận khéo",
      version: 2,
    });

    const models = await h.rows("models");
    const audit = await h.rows("audit_log");
    const stale = await h.call(UPDATE, { id: draftId, v: 1, input: { name: "Cũ" } }, "phunu.canbo");
    expect(stale.data.updateModel).toMatchObject({ __typename: "DomainError", code: "DB.STALE_VERSION" });
    const unknown = await h.call(UPDATE, { id: draftId, v: 2, input: { fields: ["astrology"] } }, "phunu.canbo");
    expect(unknown.data.updateModel).toMatchObject({ code: "MODEL.UNKNOWN_FIELD" });
    const empty = await h.call(UPDATE, { id: draftId, v: 2, input: { name: "   " } }, "phunu.canbo");
    expect(empty.errors?.map((e) => [e.extensions?.code, /\binput\.name\b/.test(e.message)])).toEqual([
      ["BAD_USER_INPUT", true],
    ]);
    const badDate = await h.call(UPDATE, { id: draftId, v: 2, input: { startDate: "2023-13-01" } }, "phunu.canbo");
    expect(badDate.errors?.map((e) => [e.extensions?.code, /\binput\.startDate\b/.test(e.message)])).toEqual([
      ["BAD_USER_INPUT", true],
    ]);
    const outsider = await h.call(UPDATE, { id: draftId, v: 2, input: { name: "X" } }, "thanhha.canbo");
    expect(outsider.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const viewer = await h.call(UPDATE, { id: draftId, v: 2, input: { name: "X" } }, "xem");
    expect(viewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await h.rows("models")).toEqual(models);
    expect(await h.rows("audit_log")).toEqual(audit);
  });

  it("offers each viewer only the lifecycle steps the domain allows now, and stops edits after submission", async () => {
    const draftId = await newDraft("TL-HPN-2023-HEOBUOC");
    const asOfficer = await h.call(ALLOWED, { id: draftId }, "phunu.canbo");
    expect(asOfficer.data.node).toEqual({ status: "draft", allowedActions: ["submit"] });
    const asAdmin = await h.call(ALLOWED, { id: draftId }, "thanhliem.admin");
    expect(asAdmin.data.node.allowedActions).toEqual([]);

    const submitted = await h.call(TRANSITION, { id: draftId, v: 1 }, "phunu.canbo");
    expect(submitted.data.transitionModel.data.model.version).toBe(2);
    expect((await h.call(ALLOWED, { id: draftId }, "thanhliem.admin")).data.node.allowedActions).toEqual([
      "approve",
      "return",
    ]);
    // The unit may only take its submission back, until it is approved.
    expect((await h.call(ALLOWED, { id: draftId }, "phunu.canbo")).data.node.allowedActions).toEqual(["withdraw"]);
    const late = await h.call(UPDATE, { id: draftId, v: 2, input: { name: "Muộn" } }, "phunu.canbo");
    expect(late.data.updateModel).toMatchObject({ code: "MODEL.NOT_EDITABLE" });
  });

  it("records outcomes per period, corrects a re-entered figure, and refuses values the unit of measure forbids", async () => {
    const draftId = await newDraft("TL-HPN-2023-HEOSO");
    const first = await h.call(
      RECORD,
      {
        id: draftId,
        v: 1,
        values: [
          { indicatorCode: "people-helped", period: "2023", value: 120 },
          { indicatorCode: "satisfaction", period: "2023-Q2", value: 95 },
        ],
      },
      "phunu.canbo",
    );
    expect(first.data.recordIndicatorValues.data.model).toEqual({
      version: 2,
      indicatorValues: [
        { indicatorCode: "people-helped", period: "2023", value: 120, unitCode: "person" },
        { indicatorCode: "satisfaction", period: "2023-Q2", value: 95, unitCode: "percent" },
      ],
    });
    const corrected = await h.call(
      RECORD,
      { id: draftId, v: 2, values: [{ indicatorCode: "people-helped", period: "2023", value: 130 }] },
      "phunu.canbo",
    );
    expect(
      corrected.data.recordIndicatorValues.data.model.indicatorValues.filter(
        (v: any) => v.indicatorCode === "people-helped",
      ),
    ).toEqual([{ indicatorCode: "people-helped", period: "2023", value: 130, unitCode: "person" }]);

    const values = await h.rows("indicator_values");
    const models = await h.rows("models");
    const percent = await h.call(
      RECORD,
      {
        id: draftId,
        v: 3,
        values: [
          { indicatorCode: "people-helped", period: "2023-03", value: 5 },
          { indicatorCode: "satisfaction", period: "2023-Q3", value: 101 },
        ],
      },
      "phunu.canbo",
    );
    expect(percent.data.recordIndicatorValues).toMatchObject({ code: "OUTCOME.PERCENT_OUT_OF_RANGE" });
    const fraction = await h.call(
      RECORD,
      { id: draftId, v: 3, values: [{ indicatorCode: "people-helped", period: "2023", value: 2.5 }] },
      "phunu.canbo",
    );
    expect(fraction.data.recordIndicatorValues).toMatchObject({ code: "OUTCOME.NOT_WHOLE" });
    const unknown = await h.call(
      RECORD,
      { id: draftId, v: 3, values: [{ indicatorCode: "happiness", period: "2023", value: 1 }] },
      "phunu.canbo",
    );
    expect(unknown.data.recordIndicatorValues).toMatchObject({ code: "OUTCOME.UNKNOWN_INDICATOR" });
    const badPeriod = await h.call(
      RECORD,
      { id: draftId, v: 3, values: [{ indicatorCode: "people-helped", period: "2023-Q5", value: 1 }] },
      "phunu.canbo",
    );
    expect(badPeriod.errors?.map((e) => [e.extensions?.code, /\bvalues\.0\.period\b/.test(e.message)])).toEqual([
      ["BAD_USER_INPUT", true],
    ]);
    const outsider = await h.call(
      RECORD,
      { id: draftId, v: 3, values: [{ indicatorCode: "people-helped", period: "2023", value: 1 }] },
      "thanhha.canbo",
    );
    expect(outsider.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await h.rows("indicator_values")).toEqual(values);
    expect(await h.rows("models")).toEqual(models);
  });

  it("shows a pilot's replication tree and a replication's origin", async () => {
    const pilot = h.gid("Model", await h.modelId("TL-2021-DUONGHOA"));
    const tree = await h.call(
      `query($id: ID!) { node(id: $id) { ... on Model { origin { code } replications { code depth ownerUnit { code } model { code } } } } }`,
      { id: pilot },
      "tinhuy.admin",
    );
    expect(tree.data.node.origin).toBeNull();
    const codes = tree.data.node.replications.map((r: any) => r.code);
    expect(codes).toEqual(expect.arrayContaining(["PHULY-2023-DUONGHOA", "KIMBANG-2023-DUONGHOA"]));
    expect(tree.data.node.replications.every((r: any) => r.depth === 1 && r.model?.code === r.code)).toBe(true);
    // A district admin sees the whole tree's names and units but not models outside the district.
    const fromDistrict = await h.call(
      `query($id: ID!) { node(id: $id) { ... on Model { replications { code model { code } } } } }`,
      { id: pilot },
      "thanhliem.admin",
    );
    expect(fromDistrict.errors).toBeUndefined();
    expect(fromDistrict.data.node.replications.find((r: any) => r.code === "PHULY-2023-DUONGHOA").model).toBeNull();
    const adopter = h.gid("Model", await h.modelId("PHULY-2023-DUONGHOA"));
    const origin = await h.call(
      `query($id: ID!) { node(id: $id) { ... on Model { origin { code depth model { isPilot } } } } }`,
      { id: adopter },
      "tinhuy.admin",
    );
    expect(origin.data.node.origin).toEqual({ code: "TL-2021-DUONGHOA", depth: 1, model: { isPilot: true } });
  });

  it("opens active pilots to every signed-in user, listed with pilots: true, and nothing else outside their scope", async () => {
    const PILOTS = `{ models(first: 50, filter: { pilots: true }) { totalCount edges { node { code isPilot status solution } } } }`;
    const listed = await h.call(PILOTS, {}, "thanhha.canbo");
    expect(listed.errors).toBeUndefined();
    const nodes = listed.data.models.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.code)).toContain("TL-2021-DUONGHOA");
    expect(nodes.every((n: any) => n.isPilot && n.status === "active")).toBe(true);
    expect(listed.data.models.totalCount).toBe(nodes.length);
    // The commune officer reads the district's pilot in full...
    const pilot = await h.call(
      `query($id: ID!) { node(id: $id) { ... on Model { code solution evidence { title } } } }`,
      { id: h.gid("Model", await h.modelId("TL-2021-DUONGHOA")) },
      "thanhha.canbo",
    );
    expect(pilot.errors).toBeUndefined();
    expect(pilot.data.node).toMatchObject({ code: "TL-2021-DUONGHOA", solution: expect.any(String) });
    // ...but not another district's copy, which is no pilot; and nobody signed out lists pilots.
    const copy = await h.call(
      `query($id: ID!) { node(id: $id) { ... on Model { code } } }`,
      { id: h.gid("Model", await h.modelId("PHULY-2023-DUONGHOA")) },
      "thanhha.canbo",
    );
    expect(copy.data?.node ?? null).toBeNull();
    expect((await h.call(PILOTS, {})).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // Without pilots: true, the list stays within the viewer's scope.
    const scoped = await h.call(`{ models(first: 200) { edges { node { code } } } }`, {}, "thanhha.canbo");
    expect(scoped.data.models.edges.map((e: any) => e.node.code)).not.toContain("TL-2021-DUONGHOA");
  });

  it("registers an adapted copy of a pilot once per idempotency key, and refuses non-pilots and other units' copies without writing", async () => {
    const pilot = h.gid("Model", await h.modelId("TL-2021-DUONGHOA"));
    const input = {
      code: "TL-THANHHA-2023-DUONGHOA",
      name: "Đường hoa thanh niên xã Thanh Hà",
      ownerUnitId: h.unit("TL-THANHHA-UBND"),
      fields: ["culture-society"],
      problem: "Đường liên thôn thiếu cảnh quan",
      solution: "Trồng hoa theo cách của Ban CHQS huyện",
      startDate: "2023-08-15",
    };
    const first = await h.call(REGISTER, { origin: pilot, input, key: "replicate-duonghoa-1" }, "thanhha.canbo");
    expect(first.data.registerReplication.data.model).toMatchObject({
      code: input.code,
      status: "draft",
      // The pilot sits above the commune, yet its adopters may read it.
      origin: { code: "TL-2021-DUONGHOA", depth: 1, model: { code: "TL-2021-DUONGHOA" } },
    });
    const again = await h.call(REGISTER, { origin: pilot, input, key: "replicate-duonghoa-1" }, "thanhha.canbo");
    expect(again.data.registerReplication.data.model.id).toBe(first.data.registerReplication.data.model.id);
    const reused = await h.call(
      REGISTER,
      { origin: pilot, input: { ...input, name: "Khác" }, key: "replicate-duonghoa-1" },
      "thanhha.canbo",
    );
    expect(reused.data.registerReplication).toMatchObject({ code: "DB.IDEMPOTENCY_KEY_REUSED" });

    const models = await h.rows("models");
    const links = await h.rows("replications");
    const notPilot = await h.call(
      REGISTER,
      {
        origin: h.gid("Model", await h.modelId("TL-2018-LAMDUONG")),
        input: { ...input, code: "X-1" },
        key: "replicate-x-1",
      },
      "thanhha.canbo",
    );
    expect(notPilot.data.registerReplication).toMatchObject({ code: "REPLICATION.NOT_A_PILOT" });
    const otherUnit = await h.call(
      REGISTER,
      { origin: pilot, input: { ...input, code: "X-2" }, key: "replicate-x-2" },
      "phunu.canbo",
    );
    expect(otherUnit.data.registerReplication).toMatchObject({ __typename: "DomainError", code: "MODEL.FORBIDDEN" });
    expect(await h.rows("models")).toEqual(models);
    expect(await h.rows("replications")).toEqual(links);

    const tree = await h.call(
      `query($id: ID!) { node(id: $id) { ... on Model { replications { code depth } } } }`,
      { id: pilot },
      "tinhuy.admin",
    );
    expect(tree.data.node.replications).toContainEqual({ code: input.code, depth: 1 });
  });
});
