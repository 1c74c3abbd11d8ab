import { DEMO_PASSWORD, DEMO_ROUND_CODE } from "@lantoa/db";
import type { GatewayHarness, GraphQLResponse, Role } from "./gateway-harness.js";
import { globalId, ROLE_USERS } from "./gateway-harness.js";

/**
 * Each role's own scope (home) and a unit outside it (away), by unit code. Away is a
 * sibling where one exists, so a check on "any unit of the district" would show.
 */
export const ROLE_TARGETS: Record<Role, { home: string; away: string }> = {
  anonymous: { home: "TL", away: "PHULY" },
  viewer: { home: "TL", away: "PHULY" },
  reviewer: { home: "TL-UBND", away: "TL-HPN" },
  officer: { home: "TL-HPN", away: "TL-THANHHA-UBND" },
  unitAdmin: { home: "TL", away: "PHULY" },
  systemAdmin: { home: "TL", away: "PHULY" },
};

/** What an operation is run against: a unit, and helpers that make fresh things in it. */
export interface MatrixTarget {
  readonly unitCode: string;
  readonly unitId: string;
  readonly unitGid: string;
  /** A fresh draft model owned by the unit (made by the system admin). */
  freshModel(): Promise<{ gid: string; version: number }>;
  /** A fresh unit under the unit (made by the system admin). */
  freshUnit(): Promise<{ gid: string; version: number }>;
  /** A code no unit or model uses yet. */
  uniqueCode(prefix: string): string;
  /**
   * Runs an operation as the system admin (or the demo user named) and returns the value
   * at `path` in its data, or throws.
   */
  asAdmin(query: string, variables: Record<string, unknown>, path: string, username?: string): Promise<any>;
  /** A global id of the demo's pilot model. */
  pilotModelGid(): Promise<string>;
  /** A global id of the demo's published round (organized by Thanh Liêm). */
  demoRoundGid(): Promise<string>;
}

export interface MatrixRow {
  readonly kind: "read" | "write";
  /**
   * Expected outcome per role, in {@link MATRIX_ROLES} order, two characters each:
   * inside then outside the role's subtree; `+` allowed, `-` denied.
   */
  readonly expect: string;
  /** Makes what the case needs as the system admin, before the database is snapshot. */
  prepare(h: GatewayHarness, target: MatrixTarget): Promise<Record<string, unknown>>;
  run(h: GatewayHarness, prepared: Record<string, unknown>, token: string | null, role: Role): Promise<GraphQLResponse>;
  /**
   * For an operation whose answer is not a `…Success` union member or a boolean: `+` when
   * the value shows the work done, `-` when it shows a refusal, `?` otherwise.
   */
  judge?(value: any): "+" | "-" | "?";
}

/** The order of {@link MatrixRow.expect}: anonymous, viewer, reviewer, officer, unit admin, system admin. */
export const MATRIX_ROLES: readonly Role[] = ["anonymous", "viewer", "reviewer", "officer", "unitAdmin", "systemAdmin"];

const PUBLIC = "++ ++ ++ ++ ++ ++";
const SCOPED_READ = "-- +- +- +- +- ++";
const SIGNED_IN = "-- ++ ++ ++ ++ ++";
const ADMINISTERS = "-- -- -- -- +- ++";
const WORKS_FOR = "-- -- -- +- +- ++";
const SYSTEM_ADMIN = "-- -- -- -- -- ++";

type Vars = (t: MatrixTarget) => Promise<Record<string, unknown>> | Record<string, unknown>;
const operation =
  (kind: MatrixRow["kind"]) =>
  (expect: string, query: string, vars: Vars = () => ({}), judge?: MatrixRow["judge"]): MatrixRow => ({
    kind,
    expect,
    prepare: async (_h, t) => vars(t),
    run: (h, variables, token) => h.call(query, variables, token),
    ...(judge ? { judge } : {}),
  });
const read = operation("read");
const write = operation("write");

/** `… { __typename ... on Error { code } }`: what every write row asks back. */
const RESULT = "{ __typename ... on Error { code } }";
const unitVars = (t: MatrixTarget) => ({ u: t.unitGid });
const key = (t: MatrixTarget) => t.uniqueCode("key-").padEnd(8, "-");
const labelCode = (t: MatrixTarget) => t.uniqueCode("x").toLowerCase();
/** A Label answer (configuration mutations are not unions). */
const labelSaved = (v: { code?: string }) => (v.code ? "+" : "?");

/**
 * One row per query, mutation and subscription field of the schema; the matrix test fails when the
 * schema has an operation without a row here, so new operations must declare who may
 * use them. Add a row when you add an operation.
 */
export const AUTHORIZATION_MATRIX: Record<string, MatrixRow> = {
  // — units, models and reports —
  viewer: read(SIGNED_IN, `{ viewer { username } }`),
  // — notifications: the viewer's own, whoever they are —
  notifications: read(SIGNED_IN, `{ notifications(first: 5) { totalCount edges { node { subject link } } } }`),
  unreadNotificationCount: read(SIGNED_IN, `{ unreadNotificationCount }`),
  notificationsChanged: {
    kind: "read",
    expect: SIGNED_IN,
    prepare: async () => ({}),
    run: (h, _variables, token) => h.subscribeFirst(`subscription { notificationsChanged { unreadCount } }`, {}, token),
  },
  notificationPreferences: read(SIGNED_IN, `{ notificationPreferences { language emailKinds } }`),
  markNotificationsRead: write(SIGNED_IN, `mutation { markNotificationsRead(all: true) ${RESULT} }`),
  saveNotificationPreferences: write(
    SIGNED_IN,
    `mutation { saveNotificationPreferences(language: "vi", emailKinds: ["scorecard-assigned"]) ${RESULT} }`,
  ),
  units: read(PUBLIC, `query($u: ID!) { units(first: 5, filter: { withinUnitId: $u }) { totalCount } }`, unitVars),
  node: read(SCOPED_READ, `query($id: ID!) { node(id: $id) { id ... on Model { name } } }`, async (t) => ({
    id: (await t.freshModel()).gid,
  })),
  nodes: read(SCOPED_READ, `query($id: ID!) { nodes(ids: [$id]) { id ... on Model { name } } }`, async (t) => ({
    id: (await t.freshModel()).gid,
  })),
  models: read(
    SCOPED_READ,
    `query($u: ID!) { models(first: 5, filter: { withinUnitId: $u }) { totalCount edges { node { name } } } }`,
    unitVars,
  ),
  modelCounts: read(
    SCOPED_READ,
    `query($u: ID!) { modelCounts(by: STATUS, filter: { withinUnitId: $u }) { key count } }`,
    unitVars,
  ),
  indicatorTotals: read(
    SCOPED_READ,
    `query($u: ID!) { indicatorTotals(groupBy: TOTAL, filter: { withinUnitId: $u }) { indicatorCode value } }`,
    unitVars,
  ),
  goldenBookCounts: read(
    SCOPED_READ,
    `query($u: ID!) { goldenBookCounts(by: YEAR, filter: { withinUnitId: $u }) { key count } }`,
    unitVars,
  ),
  replicationSpread: read(
    SCOPED_READ,
    `query($u: ID!) { replicationSpread(filter: { withinUnitId: $u }) { originName } }`,
    unitVars,
  ),
  replicationSpreadCount: read(
    SCOPED_READ,
    `query($u: ID!) { replicationSpreadCount(filter: { withinUnitId: $u }) }`,
    unitVars,
  ),
  goldenBook: read(SCOPED_READ, `query($u: ID!) { goldenBook(withinUnitId: $u) { deed } }`, unitVars),
  leaderboard: read(PUBLIC, `{ leaderboard(roundCode: "${DEMO_ROUND_CODE}", limit: 3) { rank } }`),
  publishedRounds: read(PUBLIC, `{ publishedRounds { code } }`),
  commendations: read(
    SCOPED_READ,
    `query($u: ID!) { commendations(first: 5, filter: { withinUnitId: $u }) { totalCount } }`,
    unitVars,
  ),
  inspections: read(
    SCOPED_READ,
    `query($u: ID!) { inspections(first: 5, filter: { withinUnitId: $u }) { totalCount } }`,
    unitVars,
  ),
  configuration: read(PUBLIC, `{ configuration { fields { code } } }`),
  // — spreadsheets —
  exportSpreadsheet: read(
    SCOPED_READ,
    `query($u: ID!) { exportSpreadsheet(report: MODELS, format: CSV, filter: { withinUnitId: $u }) { filename } }`,
    unitVars,
  ),
  spreadsheetTemplate: read(SIGNED_IN, `{ spreadsheetTemplate(kind: MODELS, format: CSV) { filename } }`),
  // — the audit log: system admins everywhere, unit admins inside their subtrees —
  auditLog: read(
    ADMINISTERS,
    `query($u: ID!) { auditLog(first: 5, filter: { withinUnitId: $u }) { totalCount edges { node { action } } } }`,
    unitVars,
  ),
  auditLogExport: read(
    ADMINISTERS,
    `query($u: ID!) { auditLogExport(format: CSV, filter: { withinUnitId: $u }) { filename } }`,
    unitVars,
  ),
  // — criteria sets: not owned by a unit; drafts are the system admins' —
  criteriaSetVersions: read(PUBLIC, `{ criteriaSetVersions { setCode } }`),
  criteriaSets: read(PUBLIC, `{ criteriaSets { code versions { status } } }`),
  criteriaSetVersion: read(SYSTEM_ADMIN, `query($id: ID!) { criteriaSetVersion(id: $id) { status } }`, async (t) => ({
    id: (await freshCriteriaDraft(t)).id,
  })),
  diffCriteriaVersions: read(
    SYSTEM_ADMIN,
    `query($from: ID!, $to: ID!) { diffCriteriaVersions(from: $from, to: $to) { __typename ... on Error { code } } }`,
    async (t) => ({ from: await publishedCriteriaVersion(t), to: (await freshCriteriaDraft(t)).id }),
    // A draft is not found for whoever may not see it, so nobody learns which drafts exist.
    (v) =>
      v.__typename === "QueryDiffCriteriaVersionsSuccess" ? "+" : v.code === "CRITERIA.VERSION_NOT_FOUND" ? "-" : "?",
  ),
  validateCriteriaDefinition: read(SIGNED_IN, `{ validateCriteriaDefinition(definition: "{}") { valid } }`),
  // — sessions —
  login: {
    kind: "write",
    expect: PUBLIC,
    prepare: async () => ({}),
    run: (h, _p, _token, role) =>
      h.call(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) ${RESULT} }`, {
        u: ROLE_USERS[role] ?? "xem",
        p: DEMO_PASSWORD,
      }),
  },
  logout: {
    kind: "write",
    expect: SIGNED_IN,
    // A session of its own, so the matrix's sessions stay open.
    prepare: async () => ({}),
    run: async (h, _p, _token, role) => h.call(`mutation { logout }`, {}, await h.signIn(role)),
  },
  // — units —
  createUnit: write(
    ADMINISTERS,
    `mutation($p: ID!, $c: String!) { createUnit(parentId: $p, code: $c, name: "Chi bộ mới", level: "commune", kind: "party-cell") ${RESULT} }`,
    (t) => ({ p: t.unitGid, c: t.uniqueCode("U") }),
  ),
  renameUnit: write(
    ADMINISTERS,
    `mutation($id: ID!, $v: Int!) { renameUnit(id: $id, name: "Tên mới", expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const unit = await t.freshUnit();
      return { id: unit.gid, v: unit.version };
    },
  ),
  moveUnit: write(
    ADMINISTERS,
    `mutation($id: ID!, $to: ID!, $v: Int!) { moveUnit(id: $id, newParentId: $to, expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const [unit, parent] = [await t.freshUnit(), await t.freshUnit()];
      return { id: unit.gid, to: parent.gid, v: unit.version };
    },
  ),
  saveUnitKind: write(
    SYSTEM_ADMIN,
    `mutation($c: String!) { saveUnitKind(code: $c, labelVi: "Loại thử", labelEn: "Test kind") { code } }`,
    (t) => ({ c: labelCode(t) }),
    labelSaved,
  ),
  saveField: write(
    SYSTEM_ADMIN,
    `mutation($c: String!) { saveField(code: $c, labelVi: "Lĩnh vực thử", labelEn: "Test field") { code } }`,
    (t) => ({ c: labelCode(t) }),
    labelSaved,
  ),
  // — models —
  createModel: write(
    WORKS_FOR,
    `mutation($i: CreateModelInput!, $k: String!) { createModel(input: $i, idempotencyKey: $k) ${RESULT} }`,
    (t) => ({ i: modelInput(t.uniqueCode("M"), t.unitGid), k: key(t) }),
  ),
  transitionModel: write(
    WORKS_FOR,
    `mutation($id: ID!, $v: Int!) { transitionModel(id: $id, action: submit, expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const model = await t.freshModel();
      return { id: model.gid, v: model.version };
    },
  ),
  updateModel: write(
    WORKS_FOR,
    `mutation($id: ID!, $v: Int!) { updateModel(id: $id, input: { name: "Tên đã sửa" }, expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const model = await t.freshModel();
      return { id: model.gid, v: model.version };
    },
  ),
  recordIndicatorValues: write(
    WORKS_FOR,
    `mutation($id: ID!, $v: Int!) { recordIndicatorValues(modelId: $id, values: [{ indicatorCode: "people-helped", period: "2023", value: 12 }], expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const model = await t.freshModel();
      return { id: model.gid, v: model.version };
    },
  ),
  registerReplication: write(
    WORKS_FOR,
    `mutation($o: ID!, $i: CreateModelInput!, $k: String!) { registerReplication(originModelId: $o, input: $i, idempotencyKey: $k) ${RESULT} }`,
    async (t) => ({ o: await pilotModel(t), i: modelInput(t.uniqueCode("R"), t.unitGid), k: key(t) }),
  ),
  addEvidence: {
    kind: "write",
    expect: WORKS_FOR,
    prepare: async (_h, t) => {
      const model = await t.freshModel();
      return { m: model.gid, file: null, v: model.version };
    },
    run: (h, variables, token) => {
      const query = `mutation($m: ID!, $file: File!, $v: Int!) { addEvidence(modelId: $m, title: "Biên bản", file: $file, expectedVersion: $v) ${RESULT} }`;
      const pdf = new File([new Uint8Array(64).fill(37)], "bien-ban.pdf", { type: "application/pdf" });
      return h.upload({ query, variables }, pdf, token);
    },
  },
  // — spreadsheets: unit admins import inside their subtrees, rows outside are refused —
  importSpreadsheet: {
    kind: "write",
    expect: ADMINISTERS,
    prepare: async (_h, t) => ({ code: t.uniqueCode("NK"), unit: t.unitCode }),
    run: (h, p, token) => {
      const query = `mutation($file: File!) { importSpreadsheet(file: $file, kind: MODELS, dryRun: false) { __typename ... on MutationImportSpreadsheetSuccess { data { applied problems { code } } } ... on Error { code } } }`;
      const header = "Mã mô hình,Tên mô hình,Mã đơn vị,Lĩnh vực,Ngày bắt đầu,Chỉ tiêu,Kỳ,Giá trị";
      const row = `${p.code},Mô hình nhập thử,${p.unit},economy,01/03/2023,people-helped,2023,40`;
      const csv = new File([`\uFEFF${header}\r\n${row}\r\n`], "mo-hinh.csv", { type: "text/csv" });
      return h.upload({ query, variables: { file: null } }, csv, token);
    },
    judge: (v) => {
      if (v.__typename !== "MutationImportSpreadsheetSuccess") return "?";
      const codes: string[] = v.data.problems.map((p: { code: string }) => p.code);
      if (v.data.applied && codes.length === 0) return "+";
      return !v.data.applied && codes.length > 0 && codes.every((c) => c === "IMPORT.OUTSIDE_SCOPE") ? "-" : "?";
    },
  },
  importProgress: {
    kind: "read",
    expect: SIGNED_IN,
    prepare: async (_h, t) => ({ op: t.uniqueCode("progress-").padEnd(8, "-") }),
    run: (h, variables, token) =>
      h.subscribeFirst(`subscription($op: String!) { importProgress(operationId: $op) { phase } }`, variables, token),
  },
  // — criteria sets —
  createCriteriaSet: write(
    SYSTEM_ADMIN,
    `mutation($c: String!, $k: String!) { createCriteriaSet(input: { code: $c, name: "Bộ tiêu chí thử", startFrom: BLANK }, idempotencyKey: $k) ${RESULT} }`,
    (t) => ({ c: t.uniqueCode("cs-"), k: key(t) }),
  ),
  saveCriteriaDraft: write(
    SYSTEM_ADMIN,
    `mutation($id: ID!, $d: String!, $v: Int!) { saveCriteriaDraft(versionId: $id, definition: $d, expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const draft = await freshCriteriaDraft(t);
      const definition = JSON.parse(draft.definition);
      return { id: draft.id, v: draft.version, d: JSON.stringify({ ...definition, totalPoints: 100 }) };
    },
  ),
  publishCriteriaVersion: write(
    SYSTEM_ADMIN,
    `mutation($id: ID!, $v: Int!) { publishCriteriaVersion(versionId: $id, expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const draft = await freshCriteriaDraft(t);
      return { id: draft.id, v: draft.version };
    },
  ),
  newCriteriaDraft: write(
    SYSTEM_ADMIN,
    `mutation($id: ID!, $k: String!) { newCriteriaDraft(fromVersionId: $id, idempotencyKey: $k) ${RESULT} }`,
    async (t) => ({ id: await publishedCriteriaVersion(t), k: key(t) }),
  ),
  // — commendations and the golden book —
  issueCommendation: write(
    ADMINISTERS,
    `mutation($i: IssueCommendationInput!, $k: String!) { issueCommendation(input: $i, idempotencyKey: $k) ${RESULT} }`,
    async (t) => ({ i: commendationInput((await t.freshModel()).gid), k: key(t) }),
  ),
  revokeCommendation: write(
    ADMINISTERS,
    `mutation($id: ID!, $v: Int!) { revokeCommendation(id: $id, revokedOn: "2023-09-01", reason: "Sai sót hồ sơ", expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const commendation = await freshCommendation(t);
      return { id: commendation.id, v: commendation.version };
    },
  ),
  liftCommendationSuspension: write(
    ADMINISTERS,
    `mutation($id: ID!, $v: Int!) { liftCommendationSuspension(id: $id, until: "2023-08-31", expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const commendation = await suspendedCommendation(t);
      return { id: commendation.id, v: commendation.version };
    },
  ),
  createGoldenBookEntry: write(
    WORKS_FOR,
    `mutation($i: CreateGoldenBookEntryInput!, $k: String!) { createGoldenBookEntry(input: $i, idempotencyKey: $k) ${RESULT} }`,
    (t) => ({ i: goldenBookInput(t.unitGid, `Nguyễn Thị Hoa ${t.uniqueCode("")}`), k: key(t) }),
  ),
  verifyGoldenBookEntry: write(
    ADMINISTERS,
    `mutation($id: ID!, $v: Int!) { verifyGoldenBookEntry(id: $id, outcome: VERIFIED, expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const entry = await nominatedEntry(t);
      return { id: entry.id, v: entry.version };
    },
  ),
  // — spreading the word: public switches, certificates, periodic reports —
  setModelPublic: write(
    ADMINISTERS,
    `mutation($id: ID!) { setModelPublic(id: $id, isPublic: true) ${RESULT} }`,
    async (t) => ({ id: (await t.freshModel()).gid }),
  ),
  setEvidencePublic: {
    kind: "write",
    expect: ADMINISTERS,
    prepare: async (h, t) => ({ id: await freshEvidence(h, t) }),
    run: (h, variables, token) =>
      h.call(`mutation($id: ID!) { setEvidencePublic(id: $id, isPublic: true) ${RESULT} }`, variables, token),
  },
  commendationCertificate: read(
    SCOPED_READ,
    `query($id: ID!) { commendationCertificate(id: $id) { filename bytes } }`,
    async (t) => ({ id: (await freshCommendation(t)).id }),
  ),
  // The demo's round is Thanh Liêm's on both sides; its admins print its certificates.
  roundCertificates: read(
    "-- -- -- -- ++ ++",
    `query($r: ID!) { roundCertificates(roundId: $r) { filename } }`,
    async (t) => ({ r: await t.demoRoundGid() }),
  ),
  reportDrafts: read(SCOPED_READ, `query($u: ID!) { reportDrafts(unitId: $u) { subject } }`, unitVars),
  reportDraft: read(SCOPED_READ, `query($id: ID!) { reportDraft(id: $id) { subject } }`, async (t) => ({
    id: (await freshReportDraft(t)).id,
  })),
  periodicReport: read(
    SCOPED_READ,
    `query($id: ID!) { periodicReport(draftId: $id, format: DOCX) { filename } }`,
    async (t) => ({ id: (await freshReportDraft(t)).id }),
  ),
  createReportDraft: write(
    WORKS_FOR,
    `mutation($u: ID!) { createReportDraft(input: { unitId: $u, fromYear: 2022, toYear: 2022 }) ${RESULT} }`,
    unitVars,
  ),
  saveReportDraft: write(
    WORKS_FOR,
    `mutation($i: SaveReportDraftInput!) { saveReportDraft(input: $i) ${RESULT} }`,
    async (t) => {
      const draft = await freshReportDraft(t);
      return { i: reportDraftInput(draft.id, draft.version) };
    },
  ),
  deleteReportDraft: write(
    WORKS_FOR,
    `mutation($id: ID!, $v: Int!) { deleteReportDraft(id: $id, expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const draft = await freshReportDraft(t);
      return { id: draft.id, v: draft.version };
    },
  ),
  // — inspections: the target is the inspected unit —
  planInspection: write(
    ADMINISTERS,
    `mutation($i: PlanInspectionInput!, $k: String!) { planInspection(input: $i, idempotencyKey: $k) ${RESULT} }`,
    async (t) => ({ i: inspectionPlan(t.unitGid, (await t.freshUnit()).gid), k: key(t) }),
  ),
  recordInspectionFinding: write(
    ADMINISTERS,
    `mutation($i: RecordInspectionFindingInput!, $v: Int!) { recordInspectionFinding(input: $i, expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const inspection = await freshInspection(t);
      return { i: findingInput(inspection.id), v: inspection.version };
    },
  ),
  addCorrectiveAction: write(
    ADMINISTERS,
    `mutation($f: ID!, $k: String!) { addCorrectiveAction(findingId: $f, description: "Bổ sung sổ sách", dueOn: "2023-10-01", idempotencyKey: $k) ${RESULT} }`,
    async (t) => ({ f: await freshFinding(t), k: key(t) }),
  ),
  completeCorrectiveAction: write(
    WORKS_FOR,
    `mutation($id: ID!, $v: Int!) { completeCorrectiveAction(id: $id, completedOn: "2023-08-30", expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const action = await freshCorrectiveAction(t);
      return { id: action.id, v: action.version };
    },
  ),
  // — evaluation rounds: a fresh draft round organized by the target unit —
  rounds: read(SIGNED_IN, `{ rounds { code } }`),
  // Every signed-in user may ask; the answer holds only their own units' models (rounds.test.ts).
  mySelfAssessments: read(SIGNED_IN, `{ mySelfAssessments { modelCode } }`),
  // Every signed-in user may ask; the answer holds only their own work (packages/db/test/tasks.test.ts).
  myTasks: read(SIGNED_IN, `{ myTasks { kind total } }`),
  roundExport: read(
    ADMINISTERS,
    `query($r: ID!) { roundExport(roundId: $r, format: CSV) { filename } }`,
    async (t) => ({ r: (await freshRound(t)).id }),
  ),
  roundAssignmentsExport: read(
    ADMINISTERS,
    `query($r: ID!) { roundAssignmentsExport(roundId: $r, format: CSV) { filename } }`,
    async (t) => ({ r: (await freshRound(t)).id }),
  ),
  // Published rounds are public; the demo's is the only one.
  panelReplay: read(PUBLIC, `query($r: ID!) { panelReplay(roundId: $r) { matches } }`, async (t) => ({
    r: await t.demoRoundGid(),
  })),
  // Only a finalized or published round can be rescored: the demo's, Thanh Liêm's on both sides.
  roundWhatIf: read(
    "-- -- -- -- ++ ++",
    `query($r: ID!) { roundWhatIf(roundId: $r, criteriaSetCode: "default", criteriaVersion: 1) { __typename ... on Error { code } } }`,
    async (t) => ({ r: await t.demoRoundGid() }),
    (v) => (v.__typename === "QueryRoundWhatIfSuccess" ? "+" : "?"),
  ),
  scorecards: read(
    WORKS_FOR,
    `query($r: ID!, $m: ID!) { scorecards(roundId: $r, modelId: $m) { othersHidden } }`,
    async (t) => ({ r: (await freshRound(t)).id, m: (await t.freshModel()).gid }),
  ),
  roundProgress: {
    kind: "read",
    expect: ADMINISTERS,
    prepare: async (_h, t) => ({ r: (await freshRound(t)).id }),
    run: (h, variables, token) =>
      h.subscribeFirst(`subscription($r: ID!) { roundProgress(roundId: $r) { eligibleModels } }`, variables, token),
  },
  createRound: write(
    ADMINISTERS,
    `mutation($i: CreateRoundInput!, $k: String!) { createRound(input: $i, idempotencyKey: $k) ${RESULT} }`,
    (t) => ({ i: roundInput(t), k: key(t) }),
  ),
  // The round's own rules (stage, requirements) come after access: where a fresh draft
  // round is refused by them, that shows the request got through the access rules (see
  // passedAccess); the workflow itself is rounds.test.ts's.
  advanceRound: write(
    ADMINISTERS,
    `mutation($id: ID!, $v: Int!) { advanceRound(id: $id, step: OPEN_SELF_ASSESSMENT, expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const round = await freshRound(t);
      return { id: round.id, v: round.version };
    },
    passedAccess("ROUND.REQUIREMENT_NOT_MET"),
  ),
  drawReviewerPanel: write(
    ADMINISTERS,
    `mutation($r: ID!) { drawReviewerPanel(roundId: $r) ${RESULT} }`,
    async (t) => ({ r: (await freshRound(t)).id }),
    passedAccess("ROUND.WRONG_STAGE"),
  ),
  setRoundDeadlines: write(
    ADMINISTERS,
    `mutation($r: ID!, $v: Int!) { setRoundDeadlines(roundId: $r, deadlines: { review: "2030-01-10" }, expectedVersion: $v) ${RESULT} }`,
    async (t) => {
      const round = await freshRound(t);
      return { r: round.id, v: round.version };
    },
    passedAccess(),
  ),
  assignReviewers: write(
    ADMINISTERS,
    `mutation($r: ID!, $m: ID!) { assignReviewers(roundId: $r, assignments: [{ modelId: $m, reviewerUsername: "giamkhao.1" }]) ${RESULT} }`,
    async (t) => ({ r: (await freshRound(t)).id, m: (await t.freshModel()).gid }),
    passedAccess("ROUND.WRONG_STAGE", "ROUND.MODEL_NOT_IN_ROUND"),
  ),
  unassignReviewer: write(
    ADMINISTERS,
    `mutation($r: ID!, $m: ID!) { unassignReviewer(roundId: $r, modelId: $m, reviewerUsername: "giamkhao.1") ${RESULT} }`,
    async (t) => ({ r: (await freshRound(t)).id, m: (await t.freshModel()).gid }),
    passedAccess("ROUND.WRONG_STAGE", "ROUND.ASSIGNMENT_NOT_FOUND"),
  ),
  // A fresh round has no models: the file's row is refused by the round's rules, after access.
  importRoundAssignments: {
    kind: "write",
    expect: ADMINISTERS,
    prepare: async (_h, t) => ({ r: (await freshRound(t)).id }),
    run: (h, p, token) => {
      const query = `mutation($r: ID!, $file: File!) { importRoundAssignments(roundId: $r, file: $file) ${RESULT} }`;
      const csv = new File(["\uFEFFMã mô hình,Tên đăng nhập giám khảo\r\nKHONG-CO,giamkhao.1\r\n"], "phan-cong.csv", {
        type: "text/csv",
      });
      return h.upload({ query, variables: { r: p.r, file: null } }, csv, token);
    },
    judge: passedAccess("ROUND.ASSIGNMENTS_REJECTED"),
  },
  computeRoundResults: write(
    ADMINISTERS,
    `mutation($r: ID!) { computeRoundResults(roundId: $r) ${RESULT} }`,
    async (t) => ({ r: (await freshRound(t)).id }),
    passedAccess("ROUND.WRONG_STAGE"),
  ),
  recordChairDecision: write(
    ADMINISTERS,
    `mutation($r: ID!, $m: ID!) { recordChairDecision(roundId: $r, modelId: $m, decision: "Giữ điểm", reason: "Đã xem hồ sơ") ${RESULT} }`,
    async (t) => ({ r: (await freshRound(t)).id, m: (await t.freshModel()).gid }),
    passedAccess("ROUND.WRONG_STAGE", "ROUND.MODEL_NOT_IN_ROUND"),
  ),
  recordCouncilDecision: write(
    ADMINISTERS,
    `mutation($r: ID!) { recordCouncilDecision(roundId: $r, members: 9, present: 8, votesFor: 7, votesAgainst: 1, abstentions: 0) ${RESULT} }`,
    async (t) => ({ r: (await freshRound(t)).id }),
    passedAccess("ROUND.WRONG_STAGE"),
  ),
  issueRoundCommendations: write(
    ADMINISTERS,
    `mutation($r: ID!, $k: String!) { issueRoundCommendations(roundId: $r, input: { tiers: ["excellent"], decisionNumber: "12-QĐ/HU", decisionDate: "2023-01-05", issuer: "Ban Thường vụ", level: "district", form: "certificate-of-merit" }, idempotencyKey: $k) ${RESULT} }`,
    async (t) => ({ r: (await freshRound(t)).id, k: key(t) }),
    passedAccess("ROUND.WRONG_STAGE"),
  ),
  // A unit's staff write its self-assessment (the round being in draft refuses it after access).
  saveScorecard: write(
    WORKS_FOR,
    `mutation($r: ID!, $m: ID!) { saveScorecard(roundId: $r, modelId: $m, kind: SELF, ratings: [{ criterionId: "novelty", value: 20 }], submit: false) ${RESULT} }`,
    async (t) => ({ r: (await freshRound(t)).id, m: (await t.freshModel()).gid }),
    passedAccess("ROUND.WRONG_STAGE", "ROUND.MODEL_NOT_IN_ROUND"),
  ),
  // Only a reviewer assigned to the model may declare a conflict; nobody is, in a fresh round.
  declareConflict: write(
    "-- -- -- -- -- --",
    `mutation($r: ID!, $m: ID!) { declareConflict(roundId: $r, modelId: $m, reason: "Tôi từng công tác tại đơn vị này") ${RESULT} }`,
    async (t) => ({ r: (await freshRound(t)).id, m: (await t.freshModel()).gid }),
    (v) => (/Success$/.test(v.__typename) ? "+" : v.code === "ROUND.NOT_ASSIGNED" ? "-" : "?"),
  ),
};

/**
 * A judge for operations whose fixtures cannot reach a state where the work is done: `+`
 * when the round's own rules answered (`codes`: the request got through the access rules),
 * `-` for an access refusal in the result.
 */
function passedAccess(...codes: string[]): NonNullable<MatrixRow["judge"]> {
  return (v) =>
    /Success$/.test(v.__typename) || codes.includes(v.code) ? "+" : /^AUTH\./.test(v.code ?? "") ? "-" : "?";
}

export function roundInput(t: MatrixTarget) {
  return {
    code: t.uniqueCode("ROUND-"),
    name: "Đợt bình xét thử",
    criteriaSetCode: "default",
    criteriaVersion: 1,
    organizerUnitId: t.unitGid,
    period: "2022",
    referenceDate: "2022-12-15",
    modelCodes: [],
  };
}

/** A draft round organized by the unit. */
async function freshRound(t: MatrixTarget): Promise<{ id: string; version: number }> {
  return t.asAdmin(
    `mutation($i: CreateRoundInput!, $k: String!) { createRound(input: $i, idempotencyKey: $k) { ... on MutationCreateRoundSuccess { data { round { id version } } } ... on Error { code } } }`,
    { i: roundInput(t), k: key(t) },
    "createRound.data.round",
  );
}

// ——— Fresh things a row needs, made by the system admin (or another admin) before the case ———

/** A criteria set's first draft (a blank rubric). */
export async function freshCriteriaDraft(
  t: MatrixTarget,
): Promise<{ id: string; version: number; definition: string }> {
  return t.asAdmin(
    `mutation($c: String!, $k: String!) { createCriteriaSet(input: { code: $c, name: "Bộ tiêu chí thử", startFrom: BLANK }, idempotencyKey: $k) { ... on MutationCreateCriteriaSetSuccess { data { draft { id version definition } } } ... on Error { code } } }`,
    { c: t.uniqueCode("cs-"), k: key(t) },
    "createCriteriaSet.data.draft",
  );
}

/** A published version of a fresh criteria set. */
export async function publishedCriteriaVersion(t: MatrixTarget): Promise<string> {
  const draft = await freshCriteriaDraft(t);
  return t.asAdmin(
    `mutation($id: ID!, $v: Int!) { publishCriteriaVersion(versionId: $id, expectedVersion: $v) { ... on MutationPublishCriteriaVersionSuccess { data { version { id } } } ... on Error { code } } }`,
    { id: draft.id, v: draft.version },
    "publishCriteriaVersion.data.version.id",
  );
}

/** The demo's pilot model, which any unit may replicate. */
async function pilotModel(t: MatrixTarget): Promise<string> {
  return t.pilotModelGid();
}

export function commendationInput(modelGid: string) {
  return {
    modelId: modelGid,
    decisionNumber: "301-QĐ/HU",
    decisionDate: "2023-05-19",
    issuer: "Ban Thường vụ Huyện ủy",
    level: "district",
    form: "certificate-of-merit",
  };
}

/** A commendation in force for a fresh model of the unit. */
async function freshCommendation(t: MatrixTarget): Promise<{ id: string; version: number }> {
  const model = await t.freshModel();
  return t.asAdmin(
    `mutation($i: IssueCommendationInput!, $k: String!) { issueCommendation(input: $i, idempotencyKey: $k) { ... on MutationIssueCommendationSuccess { data { commendation { id version } } } ... on Error { code } } }`,
    { i: commendationInput(model.gid), k: key(t) },
    "issueCommendation.data.commendation",
  );
}

export function inspectionPlan(inspectedGid: string, inspectingGid: string) {
  return {
    inspectedUnitId: inspectedGid,
    inspectingUnitId: inspectingGid,
    periodFrom: "2023-01-01",
    periodTo: "2023-06-30",
    plannedOn: "2023-08-15",
  };
}

/** A planned inspection of the unit, by a unit under it. */
async function freshInspection(t: MatrixTarget): Promise<{ id: string; version: number }> {
  return t.asAdmin(
    `mutation($i: PlanInspectionInput!, $k: String!) { planInspection(input: $i, idempotencyKey: $k) { ... on MutationPlanInspectionSuccess { data { inspection { id version } } } ... on Error { code } } }`,
    { i: inspectionPlan(t.unitGid, (await t.freshUnit()).gid), k: key(t) },
    "planInspection.data.inspection",
  );
}

export function findingInput(inspectionGid: string, about: Record<string, string> = {}, severity = "minor") {
  return {
    inspectionId: inspectionGid,
    severity,
    description: "Sổ sách chưa đầy đủ",
    recordedOn: "2023-08-20",
    ...about,
  };
}

/** A finding about the unit itself, on a fresh inspection; its id. */
async function freshFinding(t: MatrixTarget): Promise<string> {
  const inspection = await freshInspection(t);
  const findings = await t.asAdmin(
    `mutation($i: RecordInspectionFindingInput!, $v: Int!) { recordInspectionFinding(input: $i, expectedVersion: $v) { ... on MutationRecordInspectionFindingSuccess { data { inspection { findings { id } } } } ... on Error { code } } }`,
    { i: findingInput(inspection.id), v: inspection.version },
    "recordInspectionFinding.data.inspection.findings",
  );
  return findings[0].id;
}

/** An open corrective action of a fresh finding. */
async function freshCorrectiveAction(t: MatrixTarget): Promise<{ id: string; version: number }> {
  return t.asAdmin(
    `mutation($f: ID!, $k: String!) { addCorrectiveAction(findingId: $f, description: "Bổ sung sổ sách", dueOn: "2023-10-01", idempotencyKey: $k) { ... on MutationAddCorrectiveActionSuccess { data { correctiveAction { id version } } } ... on Error { code } } }`,
    { f: await freshFinding(t), k: key(t) },
    "addCorrectiveAction.data.correctiveAction",
  );
}

/** A commendation suspended by a major finding of a fresh inspection. */
async function suspendedCommendation(t: MatrixTarget): Promise<{ id: string; version: number }> {
  const commendation = await freshCommendation(t);
  const inspection = await freshInspection(t);
  const findings = await t.asAdmin(
    `mutation($i: RecordInspectionFindingInput!, $v: Int!) { recordInspectionFinding(input: $i, expectedVersion: $v) { ... on MutationRecordInspectionFindingSuccess { data { inspection { findings { commendation { id version status } } } } } ... on Error { code } } }`,
    { i: findingInput(inspection.id, { commendationId: commendation.id }, "major"), v: inspection.version },
    "recordInspectionFinding.data.inspection.findings",
  );
  const suspended = findings[0].commendation;
  if (suspended?.status !== "SUSPENDED") throw new Error(`Not suspended: ${JSON.stringify(findings)}`);
  return { id: suspended.id, version: suspended.version };
}

export function goldenBookInput(unitGid: string, subjectName: string) {
  return {
    unitId: unitGid,
    subjectKind: "PERSON",
    subjectName,
    deed: "Nhặt được ví tiền, trả lại người đánh rơi",
    field: "social-welfare",
    deedDate: "2023-08-02",
  };
}

/**
 * A golden-book entry of the unit nominated by the province's admin, so that neither the
 * district's admin nor the system admin decides their own nomination.
 */
async function nominatedEntry(t: MatrixTarget): Promise<{ id: string; version: number }> {
  return t.asAdmin(
    `mutation($i: CreateGoldenBookEntryInput!, $k: String!) { createGoldenBookEntry(input: $i, idempotencyKey: $k) { ... on MutationCreateGoldenBookEntrySuccess { data { entry { id version } } } ... on Error { code } } }`,
    { i: goldenBookInput(t.unitGid, `Nguyễn Thị Hoa ${t.uniqueCode("")}`), k: key(t) },
    "createGoldenBookEntry.data.entry",
    "tinhuy.admin",
  );
}

/** A valid draft model's input for a unit. */
export function modelInput(code: string, ownerUnitGid: string) {
  return {
    code,
    name: "Mô hình thử quyền",
    ownerUnitId: ownerUnitGid,
    fields: ["social-welfare"],
    problem: "Vấn đề",
    solution: "Giải pháp",
    startDate: "2023-08-01",
  };
}

/** A target for one unit, making fresh things in it as the system admin. */
export function matrixTarget(h: GatewayHarness, unitCode: string, next: () => number): MatrixTarget {
  const unitId = h.units[unitCode];
  if (!unitId) throw new Error(`No demo unit ${unitCode}`);
  const unitGid = globalId("Unit", unitId);
  const uniqueCode = (prefix: string) => `${prefix}${unitCode}-${next()}`.slice(0, 64);
  const asAdmin = async (query: string, variables: Record<string, unknown>, path: string, username = "admin") => {
    const token = username === "admin" ? h.tokens.systemAdmin : await h.signInAs(username);
    const made = await h.call(query, variables, token);
    const value = path.split(".").reduce((v: any, k) => v?.[k], made.data);
    if (value === undefined || value === null)
      throw new Error(`${path} failed in ${unitCode}: ${JSON.stringify(made)}`);
    return value;
  };
  return {
    unitCode,
    unitId,
    unitGid,
    uniqueCode,
    asAdmin,
    demoRoundGid: async () => {
      const round = await h.database.db
        .selectFrom("rounds")
        .select("id")
        .where("code", "=", DEMO_ROUND_CODE)
        .executeTakeFirstOrThrow();
      return globalId("Round", round.id);
    },
    pilotModelGid: async () => {
      const pilot = await h.database.db
        .selectFrom("models")
        .select("id")
        .where("is_pilot", "=", true)
        .orderBy("code")
        .executeTakeFirstOrThrow();
      return globalId("Model", pilot.id);
    },
    freshModel: async () => {
      const model = await asAdmin(
        `mutation($i: CreateModelInput!, $k: String!) { createModel(input: $i, idempotencyKey: $k) { ... on MutationCreateModelSuccess { data { model { id version } } } ... on Error { code } } }`,
        { i: modelInput(uniqueCode("FM"), unitGid), k: uniqueCode("fresh-model-") },
        "createModel.data.model",
      );
      return { gid: model.id, version: model.version };
    },
    freshUnit: async () => {
      const unit = await asAdmin(
        `mutation($p: ID!, $c: String!) { createUnit(parentId: $p, code: $c, name: "Đơn vị thử", level: "commune", kind: "party-cell") { ... on MutationCreateUnitSuccess { data { unit { id version } } } ... on Error { code } } }`,
        { p: unitGid, c: uniqueCode("FU") },
        "createUnit.data.unit",
      );
      return { gid: unit.id, version: unit.version };
    },
  };
}

/** A photo of a fresh model of the unit, stored hidden (as uploads are); its global id. */
async function freshEvidence(h: GatewayHarness, t: MatrixTarget): Promise<string> {
  const model = await t.freshModel();
  const modelId = Buffer.from(model.gid, "base64").toString("utf8").split(":")[1] as string;
  const row = await h.database.db
    .insertInto("evidence")
    .values({
      model_id: modelId,
      kind: "photo",
      title: "Ảnh",
      storage_key: `${modelId}/matrix`,
      mime_type: "image/png",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return globalId("Evidence", row.id);
}

/** A fresh report draft of the unit for 2022, started by the system admin. */
async function freshReportDraft(t: MatrixTarget): Promise<{ id: string; version: number }> {
  return t.asAdmin(
    `mutation($u: ID!) { createReportDraft(input: { unitId: $u, fromYear: 2022, toYear: 2022 }) { ... on MutationCreateReportDraftSuccess { data { reportDraft { id version } } } ... on Error { code } } }`,
    { u: t.unitGid },
    "createReportDraft.data.reportDraft",
  );
}

export function reportDraftInput(id: string, version: number) {
  return {
    id,
    fromYear: 2022,
    toYear: 2022,
    superiorBody: "Tỉnh ủy Hà Nam",
    issuingBody: "Huyện ủy Thanh Liêm",
    numberSymbol: "12-BC/HU",
    place: "Thanh Liêm",
    reportDate: "2022-12-30",
    subject: "Sơ kết năm 2022",
    sections: [{ key: "LESSONS", text: "Sâu sát cơ sở." }],
    recipients: ["Lưu: VT"],
    signerTitle: "T/M Ban Thường vụ",
    signerName: "",
    expectedVersion: version,
  };
}
