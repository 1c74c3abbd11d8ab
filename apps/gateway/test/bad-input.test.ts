import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, DEMO_ROUND_CODE } from "@lantoa/db";
import { snapshotDatabase, testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../src/schema/index.js";
import {
  commendationInput,
  findingInput,
  goldenBookInput,
  inspectionPlan,
  modelInput,
  reportDraftInput,
} from "./support/authorization-matrix.js";
import { type GatewayHarness, type GraphQLResponse, globalId, startGatewayHarness } from "./support/gateway-harness.js";

/** Things made once per engine that bad input aims at. */
interface Fixtures {
  /** A draft model of TL-HPN at version 2 (submitted once), so version 1 is stale. */
  model: { id: string; gid: string; version: number };
  /** An editable draft model of TL-HPN at version 1. */
  draft: { gid: string; version: number };
  /** A unit under TL at version 2 (renamed once), and a sibling to move it under. */
  unit: { id: string; gid: string; version: number };
  sibling: { gid: string };
  /** The idempotency key and input of a model already created. */
  replay: { key: string; input: ReturnType<typeof modelInput> };
  /** The idempotency key an operation's fixture was first made with, by the system admin. */
  replayKey(operation: string): string;
  /** A criteria draft at version 2 (saved once), its definition, and a published version whose set has a draft. */
  criteriaDraft: { gid: string; version: number; definition: string };
  published: { gid: string };
  criteriaSetCode: string;
  /** A commendation in force of a TL-HPN model, and one suspended by a finding. */
  commendation: { gid: string; version: number; input: ReturnType<typeof commendationInput> };
  suspended: { gid: string; version: number };
  /** A planned inspection of TL-HPN, a finding of another, an open and a completed corrective action. */
  inspection: { gid: string; version: number; input: ReturnType<typeof inspectionPlan> };
  finding: { gid: string };
  action: { gid: string; version: number };
  completedAction: { gid: string; version: number };
  /** A nominated golden-book entry of TL-HPN (by the province's admin), and one the system admin nominated. */
  entry: { gid: string; version: number; input: ReturnType<typeof goldenBookInput> };
  ownEntry: { gid: string; version: number };
  pilot: { gid: string };
  /** A draft round organized by TL (its code), and the demo's published round. */
  round: { gid: string; version: number };
  roundCode: string;
  demoRound: { gid: string };
  /** A report draft of TL-HPN at version 2 (saved once), and a hidden photo of the draft model. */
  reportDraft: { gid: string; version: number };
  evidence: { gid: string };
  /** Local ids by type, for forging. */
  ids: Record<string, string>;
  unitGid(code: string): string;
}

interface BadCase {
  readonly name: string;
  readonly query: string;
  variables(f: Fixtures): Record<string, unknown>;
  /** Defaults to the system admin, who may do anything: only the input is wrong. */
  readonly token?: (h: GatewayHarness) => string | null;
  /** Sent as a multipart upload with this file as `variables.file`. */
  readonly file?: File;
  /** For an answer that is not an error union member: the refusal's code, or null. */
  readonly refused?: (value: any) => string | null;
}

const long = (n: number) => "ầ".repeat(n);
/** Forged ids for a field expecting `type`: wrong prefix, garbage, another type's id, unknown, not a uuid. */
function forgedIds(type: string, f: Fixtures): Record<string, string> {
  const own = f.ids[type] ?? "missing";
  const other = type === "Unit" ? f.model.id : f.unit.id;
  return {
    "a wrong type prefix": globalId(type === "Unit" ? "Model" : "Unit", own),
    "garbage base64": "!!notbase64%%",
    "another type's id": globalId(type, other),
    "an unknown uuid": globalId(type, randomUUID()),
    "not a uuid": globalId(type, "1 OR 1=1"),
  };
}

const FORGERIES = ["a wrong type prefix", "garbage base64", "another type's id", "an unknown uuid", "not a uuid"];
/** One case per forgery of an id argument of `type`. */
function forged(
  type: string,
  query: string,
  variables: (f: Fixtures, id: string) => Record<string, unknown>,
  file?: File,
): BadCase[] {
  return FORGERIES.map((forgery) => ({
    name: `a forged ${type} id (${forgery})`,
    query,
    file,
    variables: (f) => variables(f, forgedIds(type, f)[forgery] ?? ""),
  }));
}

/** A case per bad value of one variable, the others taken from `base`. */
function each(
  query: string,
  base: (f: Fixtures) => Record<string, unknown>,
  bad: Record<string, (f: Fixtures) => Record<string, unknown>>,
): BadCase[] {
  return Object.entries(bad).map(([name, change]) => ({
    name,
    query,
    variables: (f) => ({ ...base(f), ...change(f) }),
  }));
}

const CREATE_MODEL = `mutation($i: CreateModelInput!, $k: String!) { createModel(input: $i, idempotencyKey: $k) { __typename ... on Error { code } } }`;
const TRANSITION = `mutation($id: ID!, $a: ModelAction!, $v: Int!, $r: String) { transitionModel(id: $id, action: $a, expectedVersion: $v, reason: $r) { __typename ... on Error { code } } }`;
const CREATE_UNIT = `mutation($p: ID!, $c: String!, $n: String!, $l: String!, $k: String!) { createUnit(parentId: $p, code: $c, name: $n, level: $l, kind: $k) { __typename ... on Error { code } } }`;
const RENAME_UNIT = `mutation($id: ID!, $n: String!, $v: Int!) { renameUnit(id: $id, name: $n, expectedVersion: $v) { __typename ... on Error { code } } }`;
const MOVE_UNIT = `mutation($id: ID!, $to: ID!, $v: Int!) { moveUnit(id: $id, newParentId: $to, expectedVersion: $v) { __typename ... on Error { code } } }`;
const ADD_EVIDENCE = `mutation($m: ID!, $t: String!, $file: File!, $v: Int!) { addEvidence(modelId: $m, title: $t, file: $file, expectedVersion: $v) { __typename ... on Error { code } } }`;
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on Error { code } } }`;
const R = "{ __typename ... on Error { code } }";
const SET_MODEL_PUBLIC = `mutation($id: ID!, $p: Boolean!) { setModelPublic(id: $id, isPublic: $p) ${R} }`;
const SET_EVIDENCE_PUBLIC = `mutation($id: ID!, $p: Boolean!) { setEvidencePublic(id: $id, isPublic: $p) ${R} }`;
const CREATE_REPORT = `mutation($i: CreateReportDraftInput!) { createReportDraft(input: $i) ${R} }`;
const SAVE_REPORT = `mutation($i: SaveReportDraftInput!) { saveReportDraft(input: $i) ${R} }`;
const DELETE_REPORT = `mutation($id: ID!, $v: Int!) { deleteReportDraft(id: $id, expectedVersion: $v) ${R} }`;
const UPDATE_MODEL = `mutation($id: ID!, $i: UpdateModelInput!, $v: Int!) { updateModel(id: $id, input: $i, expectedVersion: $v) ${R} }`;
const RECORD_VALUES = `mutation($id: ID!, $vs: [IndicatorValueInput!]!, $v: Int!) { recordIndicatorValues(modelId: $id, values: $vs, expectedVersion: $v) ${R} }`;
const REPLICATE = `mutation($o: ID!, $i: CreateModelInput!, $k: String!) { registerReplication(originModelId: $o, input: $i, idempotencyKey: $k) ${R} }`;
const CREATE_SET = `mutation($i: CreateCriteriaSetInput!, $k: String!) { createCriteriaSet(input: $i, idempotencyKey: $k) ${R} }`;
const SAVE_DRAFT = `mutation($id: ID!, $d: String!, $v: Int!) { saveCriteriaDraft(versionId: $id, definition: $d, expectedVersion: $v) ${R} }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishCriteriaVersion(versionId: $id, expectedVersion: $v) ${R} }`;
const NEW_DRAFT = `mutation($id: ID!, $k: String!) { newCriteriaDraft(fromVersionId: $id, idempotencyKey: $k) ${R} }`;
const IMPORT = `mutation($file: File!, $kind: ImportKind!, $dry: Boolean!, $op: String) { importSpreadsheet(file: $file, kind: $kind, dryRun: $dry, operationId: $op) { __typename ... on MutationImportSpreadsheetSuccess { data { applied problems { code } } } ... on Error { code } } }`;
const ISSUE = `mutation($i: IssueCommendationInput!, $k: String!) { issueCommendation(input: $i, idempotencyKey: $k) ${R} }`;
const REVOKE = `mutation($id: ID!, $on: String!, $r: String!, $d: String, $v: Int!) { revokeCommendation(id: $id, revokedOn: $on, reason: $r, decisionNumber: $d, expectedVersion: $v) ${R} }`;
const LIFT = `mutation($id: ID!, $until: String!, $v: Int!) { liftCommendationSuspension(id: $id, until: $until, expectedVersion: $v) ${R} }`;
const NOMINATE = `mutation($i: CreateGoldenBookEntryInput!, $k: String!) { createGoldenBookEntry(input: $i, idempotencyKey: $k) ${R} }`;
const DECIDE = `mutation($id: ID!, $o: GoldenBookDecision!, $r: String, $v: Int!) { verifyGoldenBookEntry(id: $id, outcome: $o, reason: $r, expectedVersion: $v) ${R} }`;
const PLAN = `mutation($i: PlanInspectionInput!, $k: String!) { planInspection(input: $i, idempotencyKey: $k) ${R} }`;
const FINDING = `mutation($i: RecordInspectionFindingInput!, $v: Int!) { recordInspectionFinding(input: $i, expectedVersion: $v) ${R} }`;
const ADD_ACTION = `mutation($f: ID!, $d: String!, $due: String!, $k: String!) { addCorrectiveAction(findingId: $f, description: $d, dueOn: $due, idempotencyKey: $k) ${R} }`;
const COMPLETE = `mutation($id: ID!, $on: String!, $v: Int!) { completeCorrectiveAction(id: $id, completedOn: $on, expectedVersion: $v) ${R} }`;
const SAVE_FIELD = `mutation($c: String!, $vi: String!, $en: String!) { saveField(code: $c, labelVi: $vi, labelEn: $en) { code } }`;
const SAVE_KIND = `mutation($c: String!, $vi: String!, $en: String!) { saveUnitKind(code: $c, labelVi: $vi, labelEn: $en) { code } }`;
const CREATE_ROUND = `mutation($i: CreateRoundInput!, $k: String!) { createRound(input: $i, idempotencyKey: $k) ${R} }`;
const ADVANCE = `mutation($id: ID!, $s: RoundStep!, $v: Int!) { advanceRound(id: $id, step: $s, expectedVersion: $v) ${R} }`;
const DRAW = `mutation($r: ID!) { drawReviewerPanel(roundId: $r) ${R} }`;
const ASSIGN = `mutation($r: ID!, $a: [ReviewerAssignmentInput!]!) { assignReviewers(roundId: $r, assignments: $a) ${R} }`;
const UNASSIGN = `mutation($r: ID!, $m: ID!, $u: String!) { unassignReviewer(roundId: $r, modelId: $m, reviewerUsername: $u) ${R} }`;
const IMPORT_ASSIGNMENTS = `mutation($r: ID!, $file: File!) { importRoundAssignments(roundId: $r, file: $file) ${R} }`;
const assignmentsCsv = (...rows: string[]) =>
  new File([`\uFEFF${["Mã mô hình,Tên đăng nhập giám khảo", ...rows].join("\r\n")}\r\n`], "phan-cong.csv", {
    type: "text/csv",
  });
const CONFLICT = `mutation($r: ID!, $m: ID!, $why: String!) { declareConflict(roundId: $r, modelId: $m, reason: $why) ${R} }`;
const CHAIR = `mutation($r: ID!, $m: ID!, $d: String!, $why: String!) { recordChairDecision(roundId: $r, modelId: $m, decision: $d, reason: $why) ${R} }`;
const COUNCIL = `mutation($r: ID!, $n: Int!, $present: Int!, $yes: Int!, $no: Int!, $abstain: Int!, $note: String) { recordCouncilDecision(roundId: $r, members: $n, present: $present, votesFor: $yes, votesAgainst: $no, abstentions: $abstain, note: $note) { __typename ... on Error { code } } }`;
const COMPUTE = `mutation($r: ID!) { computeRoundResults(roundId: $r) ${R} }`;
const COMMEND = `mutation($r: ID!, $i: RoundCommendationInput!, $k: String!) { issueRoundCommendations(roundId: $r, input: $i, idempotencyKey: $k) { __typename ... on Error { code } } }`;
const SCORE = `mutation($r: ID!, $m: ID!, $kind: ScorecardKind!, $ratings: [ScorecardRatingInput!]!, $submit: Boolean!) { saveScorecard(roundId: $r, modelId: $m, kind: $kind, ratings: $ratings, submit: $submit) { __typename ... on Error { code } } }`;

const SET_DEADLINES = `mutation($r: ID!, $d: RoundDeadlinesInput!, $v: Int!) { setRoundDeadlines(roundId: $r, deadlines: $d, expectedVersion: $v) ${R} }`;
const MARK_READ = `mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) ${R} }`;
const SAVE_PREFERENCES = `mutation($e: String, $l: String!, $k: [String!]!) { saveNotificationPreferences(email: $e, language: $l, emailKinds: $k) ${R} }`;

const MODELS_HEADER = "Mã mô hình,Tên mô hình,Mã đơn vị,Lĩnh vực,Ngày bắt đầu,Chỉ tiêu,Kỳ,Giá trị";
const modelsCsv = (...rows: string[]) =>
  new File([`\uFEFF${[MODELS_HEADER, ...rows].join("\r\n")}\r\n`], "mo-hinh.csv", { type: "text/csv" });
/** An import answers bad rows with a report of problems and writes nothing. */
const importRefused = (v: any) =>
  v?.__typename === "MutationImportSpreadsheetSuccess" && !v.data.applied && v.data.problems.length > 0
    ? v.data.problems.map((p: { code: string }) => p.code).join(",")
    : null;
/** Label mutations are not unions: any answer at all is a write. */
const noLabel = () => null;

const pdf = new File([new Uint8Array(64).fill(37)], "bien-ban.pdf", { type: "application/pdf" });
const validModel = (f: Fixtures) => modelInput(`BAD-${randomUUID().slice(0, 8)}`, f.unitGid("TL-HPN"));
const newKey = () => `bad-input-${randomUUID()}`;

const value = (change: Record<string, unknown> = {}) => ({
  indicatorCode: "people-helped",
  period: "2023",
  value: 12,
  ...change,
});
const setInput = (change: Record<string, unknown> = {}) => ({
  code: `bad-${randomUUID().slice(0, 8)}`,
  name: "Bộ tiêu chí",
  startFrom: "BLANK",
  ...change,
});
const entryInput = () => goldenBookInput("", `Người tốt ${randomUUID().slice(0, 8)}`);
const roundIn = (f: Fixtures) => ({
  code: `BAD-ROUND-${randomUUID().slice(0, 8)}`,
  name: "Đợt bình xét",
  criteriaSetCode: "default",
  criteriaVersion: 1,
  organizerUnitId: f.unitGid("TL"),
  period: "2022",
  referenceDate: "2022-12-15",
  modelCodes: [],
});
const votes = () => ({ n: 9, present: 8, yes: 7, no: 1, abstain: 0 });
const commendIn = () => ({
  tiers: ["excellent", "good"],
  decisionNumber: "12-QĐ/HU",
  decisionDate: "2023-01-05",
  issuer: "Ban Thường vụ Huyện ủy",
  level: "district",
  form: "certificate-of-merit",
});
const rating = (change: Record<string, unknown> = {}) => [{ criterionId: "novelty", value: 20, ...change }];
/** Bad codes and labels for the configuration's label mutations (no ids, no versions). */
function labelCases(query: string): BadCase[] {
  return each(query, () => ({ c: `bad-${randomUUID().slice(0, 8)}`, vi: "Nhãn", en: "Label" }), {
    "a code with capitals and spaces": () => ({ c: "Chuyển đổi số" }),
    "an oversized code": () => ({ c: "a".repeat(65) }),
    "a blank label": () => ({ vi: "   " }),
    "an oversized label": () => ({ en: long(201) }),
    "a number for the code": () => ({ c: 42 }),
  }).map((c) => ({ ...c, refused: noLabel }));
}

/**
 * Bad input for every mutation, by mutation: the test fails when the schema has a
 * mutation without a row here. Each case must get a typed error and write nothing.
 */
const BAD_INPUT: Record<string, BadCase[]> = {
  login: [
    { name: "a wrong password", query: LOGIN, variables: () => ({ u: "admin", p: "nope" }) },
    { name: "an oversized username", query: LOGIN, variables: () => ({ u: long(101), p: DEMO_PASSWORD }) },
    { name: "an oversized password", query: LOGIN, variables: () => ({ u: "admin", p: long(201) }) },
    { name: "a number for the username", query: LOGIN, variables: () => ({ u: 42, p: DEMO_PASSWORD }) },
  ],
  logout: [
    { name: "an unknown token", query: `mutation { logout }`, variables: () => ({}), token: () => "x".repeat(43) },
    { name: "a malformed token", query: `mutation { logout }`, variables: () => ({}), token: () => "a b;c" },
  ],
  createModel: [
    ...forged("Unit", CREATE_MODEL, (f, id) => ({ i: { ...validModel(f), ownerUnitId: id }, k: newKey() })),
    {
      name: "a number for a string",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), startDate: 20230801 }, k: newKey() }),
    },
    {
      name: "an oversized name",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), name: long(501) }, k: newKey() }),
    },
    {
      name: "an oversized problem",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), problem: long(5001) }, k: newKey() }),
    },
    {
      name: "an oversized field code",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), fields: [long(65)] }, k: newKey() }),
    },
    { name: "no field", query: CREATE_MODEL, variables: (f) => ({ i: { ...validModel(f), fields: [] }, k: newKey() }) },
    {
      name: "an impossible date",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), startDate: "2023-13-45" }, k: newKey() }),
    },
    {
      name: "a code with spaces",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), code: "A B; DROP" }, k: newKey() }),
    },
    {
      name: "an unknown input field",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), status: "approved" }, k: newKey() }),
    },
    { name: "a too short idempotency key", query: CREATE_MODEL, variables: (f) => ({ i: validModel(f), k: "k" }) },
    {
      name: "an oversized idempotency key",
      query: CREATE_MODEL,
      variables: (f) => ({ i: validModel(f), k: long(101) }),
    },
    {
      name: "a replayed idempotency key with other input",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...f.replay.input, name: "Khác" }, k: f.replay.key }),
    },
    {
      name: "a duplicate code",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), code: f.replay.input.code }, k: newKey() }),
    },
  ],
  transitionModel: [
    ...forged("Model", TRANSITION, (f, id) => ({ id, a: "approve", v: f.model.version })),
    {
      name: "an invalid enum value",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: "explode", v: f.model.version }),
    },
    {
      name: "a number for the action",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: 3, v: f.model.version }),
    },
    {
      name: "a string for the version",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: "approve", v: "two" }),
    },
    { name: "expectedVersion 0", query: TRANSITION, variables: (f) => ({ id: f.model.gid, a: "approve", v: 0 }) },
    { name: "a negative version", query: TRANSITION, variables: (f) => ({ id: f.model.gid, a: "approve", v: -1 }) },
    {
      name: "a stale version",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: "approve", v: f.model.version - 1 }),
    },
    {
      name: "a version from the future",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: "approve", v: f.model.version + 5 }),
    },
    {
      name: "an oversized reason",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: "return", v: f.model.version, r: long(2001) }),
    },
    {
      name: "an action the status refuses",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: "reinstate", v: f.model.version }),
    },
  ],
  createUnit: [
    ...forged("Unit", CREATE_UNIT, (_f, id) => ({
      p: id,
      c: `BAD-P-${randomUUID().slice(0, 6)}`,
      n: "Đơn vị",
      l: "commune",
      k: "party-cell",
    })),
    {
      name: "a code with spaces",
      query: CREATE_UNIT,
      variables: (f) => ({ p: f.unitGid("TL"), c: "A B", n: "Đơn vị", l: "commune", k: "party-cell" }),
    },
    {
      name: "an oversized name",
      query: CREATE_UNIT,
      variables: (f) => ({ p: f.unitGid("TL"), c: "BAD-U1", n: long(301), l: "commune", k: "party-cell" }),
    },
    {
      name: "a blank name",
      query: CREATE_UNIT,
      variables: (f) => ({ p: f.unitGid("TL"), c: "BAD-U2", n: "   ", l: "commune", k: "party-cell" }),
    },
    {
      name: "an unknown level",
      query: CREATE_UNIT,
      variables: (f) => ({ p: f.unitGid("TL"), c: "BAD-U3", n: "Đơn vị", l: "galaxy", k: "party-cell" }),
    },
    {
      name: "an oversized kind",
      query: CREATE_UNIT,
      variables: (f) => ({ p: f.unitGid("TL"), c: "BAD-U4", n: "Đơn vị", l: "commune", k: long(65) }),
    },
    {
      name: "a code already used",
      query: CREATE_UNIT,
      variables: (f) => ({ p: f.unitGid("TL"), c: "TL-HPN", n: "Đơn vị", l: "commune", k: "party-cell" }),
    },
  ],
  renameUnit: [
    ...forged("Unit", RENAME_UNIT, (f, id) => ({ id, n: "Tên", v: f.unit.version })),
    {
      name: "an oversized name",
      query: RENAME_UNIT,
      variables: (f) => ({ id: f.unit.gid, n: long(301), v: f.unit.version }),
    },
    { name: "a blank name", query: RENAME_UNIT, variables: (f) => ({ id: f.unit.gid, n: " ", v: f.unit.version }) },
    { name: "expectedVersion 0", query: RENAME_UNIT, variables: (f) => ({ id: f.unit.gid, n: "Tên", v: 0 }) },
    {
      name: "a stale version",
      query: RENAME_UNIT,
      variables: (f) => ({ id: f.unit.gid, n: "Tên", v: f.unit.version - 1 }),
    },
    { name: "a float version", query: RENAME_UNIT, variables: (f) => ({ id: f.unit.gid, n: "Tên", v: 1.5 }) },
  ],
  moveUnit: [
    ...forged("Unit", MOVE_UNIT, (f, id) => ({ id, to: f.sibling.gid, v: f.unit.version })),
    ...forged("Unit", MOVE_UNIT, (f, id) => ({ id: f.unit.gid, to: id, v: f.unit.version })),
    { name: "expectedVersion 0", query: MOVE_UNIT, variables: (f) => ({ id: f.unit.gid, to: f.sibling.gid, v: 0 }) },
    {
      name: "a stale version",
      query: MOVE_UNIT,
      variables: (f) => ({ id: f.unit.gid, to: f.sibling.gid, v: f.unit.version - 1 }),
    },
    {
      name: "a move under itself",
      query: MOVE_UNIT,
      variables: (f) => ({ id: f.unit.gid, to: f.unit.gid, v: f.unit.version }),
    },
    {
      name: "a move under its own child",
      query: MOVE_UNIT,
      variables: (f) => ({ id: f.unitGid("TL"), to: f.unitGid("TL-HPN"), v: 1 }),
    },
  ],
  addEvidence: [
    ...forged("Model", ADD_EVIDENCE, (f, id) => ({ m: id, t: "Biên bản", file: null, v: f.model.version }), pdf),
    {
      name: "an oversized title",
      query: ADD_EVIDENCE,
      file: pdf,
      variables: (f) => ({ m: f.model.gid, t: long(301), file: null, v: f.model.version }),
    },
    {
      name: "expectedVersion 0",
      query: ADD_EVIDENCE,
      file: pdf,
      variables: (f) => ({ m: f.model.gid, t: "Biên bản", file: null, v: 0 }),
    },
    {
      name: "a stale version",
      query: ADD_EVIDENCE,
      file: pdf,
      variables: (f) => ({ m: f.model.gid, t: "Biên bản", file: null, v: f.model.version - 1 }),
    },
    {
      name: "a file type not accepted",
      query: ADD_EVIDENCE,
      file: new File([new Uint8Array(8)], "x.exe", { type: "application/x-msdownload" }),
      variables: (f) => ({ m: f.model.gid, t: "Biên bản", file: null, v: f.model.version }),
    },
    {
      name: "a string instead of a file",
      query: ADD_EVIDENCE,
      variables: (f) => ({ m: f.model.gid, t: "Biên bản", file: "not a file", v: f.model.version }),
    },
  ],
  updateModel: [
    ...forged("Model", UPDATE_MODEL, (f, id) => ({ id, i: { name: "Tên" }, v: f.draft.version })),
    ...each(UPDATE_MODEL, (f) => ({ id: f.draft.gid, i: { name: "Tên" }, v: f.draft.version }), {
      "an oversized name": () => ({ i: { name: long(501) } }),
      "a blank name": () => ({ i: { name: "  " } }),
      "a number for the name": () => ({ i: { name: 42 } }),
      "no field": () => ({ i: { fields: [] } }),
      "an oversized field code": () => ({ i: { fields: [long(65)] } }),
      "an unknown field": () => ({ i: { fields: ["astrology"] } }),
      "an oversized problem": () => ({ i: { problem: long(5001) } }),
      "an impossible date": () => ({ i: { startDate: "2023-02-30" } }),
      "an unknown input field": () => ({ i: { status: "approved" } }),
      "expectedVersion 0": () => ({ v: 0 }),
      "a version from the future": (f) => ({ v: f.draft.version + 5 }),
    }),
    {
      name: "a model no longer editable (submitted)",
      query: UPDATE_MODEL,
      variables: (f) => ({ id: f.model.gid, i: { name: "Tên" }, v: f.model.version }),
    },
  ],
  recordIndicatorValues: [
    ...forged("Model", RECORD_VALUES, (f, id) => ({ id, vs: [value()], v: f.draft.version })),
    ...each(RECORD_VALUES, (f) => ({ id: f.draft.gid, vs: [value()], v: f.draft.version }), {
      "no value": () => ({ vs: [] }),
      "an unknown indicator": () => ({ vs: [value({ indicatorCode: "happiness" })] }),
      "an oversized indicator code": () => ({ vs: [value({ indicatorCode: long(65) })] }),
      "an impossible period": () => ({ vs: [value({ period: "2023-Q5" })] }),
      "a percent over 100": () => ({ vs: [value({ indicatorCode: "satisfaction", value: 150 })] }),
      "half a person": () => ({ vs: [value({ value: 1.5 })] }),
      "a string for the value": () => ({ vs: [value({ value: "many" })] }),
      "one good and one bad value": () => ({ vs: [value(), value({ indicatorCode: "happiness" })] }),
      "a stale version": (f) => ({ v: f.draft.version + 5 }),
      "expectedVersion 0": () => ({ v: 0 }),
    }),
  ],
  registerReplication: [
    ...forged("Model", REPLICATE, (f, id) => ({ o: id, i: validModel(f), k: newKey() })),
    ...forged("Unit", REPLICATE, (f, id) => ({
      o: f.pilot.gid,
      i: { ...validModel(f), ownerUnitId: id },
      k: newKey(),
    })),
    ...each(REPLICATE, (f) => ({ o: f.pilot.gid, i: validModel(f), k: newKey() }), {
      "an origin that is not a pilot": (f) => ({ o: f.model.gid }),
      "a duplicate code": (f) => ({ i: { ...validModel(f), code: f.replay.input.code } }),
      "an oversized name": (f) => ({ i: { ...validModel(f), name: long(501) } }),
      "an impossible date": (f) => ({ i: { ...validModel(f), startDate: "2023-13-45" } }),
      "a too short idempotency key": () => ({ k: "k" }),
      "a replayed idempotency key with other input": (f) => ({ k: f.replayKey("registerReplication") }),
    }),
  ],
  createCriteriaSet: [
    ...forged("CriteriaSetVersion", CREATE_SET, (_f, id) => ({ i: setInput({ copyOfVersionId: id }), k: newKey() })),
    ...each(CREATE_SET, () => ({ i: setInput(), k: newKey() }), {
      "a code with spaces": () => ({ i: setInput({ code: "bo tieu chi" }) }),
      "an oversized code": () => ({ i: setInput({ code: "a".repeat(65) }) }),
      "an oversized name": () => ({ i: setInput({ name: long(301) }) }),
      "a blank name": () => ({ i: setInput({ name: "  " }) }),
      "an invalid enum value": () => ({ i: setInput({ startFrom: "EVERYTHING" }) }),
      "a code already used": (f) => ({ i: setInput({ code: f.criteriaSetCode }) }),
      "a too short idempotency key": () => ({ k: "k" }),
      "a replayed idempotency key with other input": (f) => ({ k: f.replayKey("createCriteriaSet") }),
    }),
  ],
  saveCriteriaDraft: [
    ...forged("CriteriaSetVersion", SAVE_DRAFT, (f, id) => ({
      id,
      d: f.criteriaDraft.definition,
      v: f.criteriaDraft.version,
    })),
    ...each(
      SAVE_DRAFT,
      (f) => ({ id: f.criteriaDraft.gid, d: f.criteriaDraft.definition, v: f.criteriaDraft.version }),
      {
        "a definition that is not JSON": () => ({ d: "{ not json" }),
        "an invalid definition": (f) => ({
          d: JSON.stringify({ ...JSON.parse(f.criteriaDraft.definition), tiers: [] }),
        }),
        "an oversized definition": () => ({ d: " ".repeat(200_001) }),
        "a number for the definition": () => ({ d: 42 }),
        "a stale version": (f) => ({ v: f.criteriaDraft.version - 1 }),
        "expectedVersion 0": () => ({ v: 0 }),
        "a published version": (f) => ({ id: f.published.gid, v: 1 }),
      },
    ),
  ],
  publishCriteriaVersion: [
    ...forged("CriteriaSetVersion", PUBLISH, (f, id) => ({ id, v: f.criteriaDraft.version })),
    ...each(PUBLISH, (f) => ({ id: f.criteriaDraft.gid, v: f.criteriaDraft.version }), {
      "a stale version": (f) => ({ v: f.criteriaDraft.version - 1 }),
      "expectedVersion 0": () => ({ v: 0 }),
      "a string for the version": () => ({ v: "two" }),
      "a version already published": (f) => ({ id: f.published.gid, v: 1 }),
    }),
  ],
  newCriteriaDraft: [
    ...forged("CriteriaSetVersion", NEW_DRAFT, (_f, id) => ({ id, k: newKey() })),
    ...each(NEW_DRAFT, (f) => ({ id: f.published.gid, k: newKey() }), {
      "a set that already has a draft": () => ({}),
      "a draft to start from": (f) => ({ id: f.criteriaDraft.gid }),
      "a too short idempotency key": () => ({ k: "short" }),
      "a replayed idempotency key with other input": (f) => ({
        id: f.criteriaDraft.gid,
        k: f.replayKey("newCriteriaDraft"),
      }),
    }),
  ],
  importSpreadsheet: [
    ...[
      ["an unknown unit", "NK-BAD-1,Mô hình,NO-SUCH-UNIT,economy,01/03/2023,people-helped,2023,4"],
      ["an unknown indicator", "NK-BAD-2,Mô hình,TL-HPN,economy,01/03/2023,happiness,2023,4"],
      ["an impossible date", "NK-BAD-3,Mô hình,TL-HPN,economy,31/02/2023,people-helped,2023,4"],
      ["an oversized name", `NK-BAD-4,${long(501)},TL-HPN,economy,01/03/2023,people-helped,2023,4`],
      ["text for a number", "NK-BAD-5,Mô hình,TL-HPN,economy,01/03/2023,people-helped,2023,nhiều"],
    ].map(
      ([name, row]): BadCase => ({
        name: `a row with ${name}`,
        query: IMPORT,
        file: modelsCsv(row ?? ""),
        variables: () => ({ file: null, kind: "MODELS", dry: false }),
        refused: importRefused,
      }),
    ),
    {
      name: "a good row beside a bad one",
      query: IMPORT,
      file: modelsCsv(
        "NK-GOOD-1,Mô hình tốt,TL-HPN,economy,01/03/2023,people-helped,2023,4",
        "NK-BAD-6,Mô hình,NO-SUCH-UNIT,economy,01/03/2023,people-helped,2023,4",
      ),
      variables: () => ({ file: null, kind: "MODELS", dry: false }),
      refused: importRefused,
    },
    {
      name: "an invalid enum value",
      query: IMPORT,
      file: modelsCsv(),
      variables: () => ({ file: null, kind: "EVERYTHING", dry: false }),
    },
    {
      name: "a string for dryRun",
      query: IMPORT,
      file: modelsCsv(),
      variables: () => ({ file: null, kind: "MODELS", dry: "no" }),
    },
    {
      name: "a bad operationId",
      query: IMPORT,
      file: modelsCsv(),
      variables: () => ({ file: null, kind: "MODELS", dry: false, op: "a b; c" }),
    },
    {
      name: "a file type not accepted",
      query: IMPORT,
      file: new File([new Uint8Array(8)], "x.exe", { type: "application/x-msdownload" }),
      variables: () => ({ file: null, kind: "MODELS", dry: false }),
    },
    {
      name: "a string instead of a file",
      query: IMPORT,
      variables: () => ({ file: "not a file", kind: "MODELS", dry: false }),
    },
  ],
  issueCommendation: [
    ...forged("Model", ISSUE, (f, id) => ({ i: { ...f.commendation.input, modelId: id }, k: newKey() })),
    ...each(ISSUE, (f) => ({ i: f.commendation.input, k: newKey() }), {
      "an unknown form": (f) => ({ i: { ...f.commendation.input, form: "trophy" } }),
      "a level with spaces": (f) => ({ i: { ...f.commendation.input, level: "district level" } }),
      "an impossible date": (f) => ({ i: { ...f.commendation.input, decisionDate: "2023-02-30" } }),
      "validity ending before the decision": (f) => ({ i: { ...f.commendation.input, validUntil: "2020-01-01" } }),
      "an oversized decision number": (f) => ({ i: { ...f.commendation.input, decisionNumber: long(65) } }),
      "an oversized issuer": (f) => ({ i: { ...f.commendation.input, issuer: long(301) } }),
      "a too short idempotency key": () => ({ k: "k" }),
      "a replayed idempotency key with other input": (f) => ({
        i: { ...f.commendation.input, decisionNumber: "999-QĐ/HU" },
        k: f.replayKey("issueCommendation"),
      }),
    }),
  ],
  revokeCommendation: [
    ...forged("Commendation", REVOKE, (f, id) => ({ id, on: "2023-09-01", r: "Sai", v: f.commendation.version })),
    ...each(REVOKE, (f) => ({ id: f.commendation.gid, on: "2023-09-01", r: "Sai", v: f.commendation.version }), {
      "a blank reason": () => ({ r: "  " }),
      "an oversized reason": () => ({ r: long(2001) }),
      "an oversized decision number": () => ({ d: long(65) }),
      "a day before the decision": () => ({ on: "2020-01-01" }),
      "an impossible date": () => ({ on: "2023-09-31" }),
      "a stale version": (f) => ({ v: f.commendation.version + 5 }),
      "expectedVersion 0": () => ({ v: 0 }),
    }),
  ],
  liftCommendationSuspension: [
    ...forged("Commendation", LIFT, (f, id) => ({ id, until: "2023-08-31", v: f.suspended.version })),
    ...each(LIFT, (f) => ({ id: f.suspended.gid, until: "2023-08-31", v: f.suspended.version }), {
      "a day before the suspension": () => ({ until: "2023-08-01" }),
      "an impossible date": () => ({ until: "2023-08-32" }),
      "a stale version": (f) => ({ v: f.suspended.version - 1 }),
      "expectedVersion 0": () => ({ v: 0 }),
      "a commendation not suspended": (f) => ({ id: f.commendation.gid, v: f.commendation.version }),
    }),
  ],
  createGoldenBookEntry: [
    ...forged("Unit", NOMINATE, (_f, id) => ({ i: { ...entryInput(), unitId: id }, k: newKey() })),
    ...each(NOMINATE, (f) => ({ i: { ...entryInput(), unitId: f.unitGid("TL-HPN") }, k: newKey() }), {
      "an invalid enum value": (f) => ({ i: { ...f.entry.input, subjectName: "Khác", subjectKind: "ALIEN" } }),
      "an oversized subject name": (f) => ({ i: { ...f.entry.input, subjectName: long(201) } }),
      "a blank deed": (f) => ({ i: { ...f.entry.input, subjectName: "Khác", deed: " " } }),
      "an unknown field": (f) => ({ i: { ...f.entry.input, subjectName: "Khác", field: "astrology" } }),
      "an impossible date": (f) => ({ i: { ...f.entry.input, subjectName: "Khác", deedDate: "2023-02-29" } }),
      "the same entry again, spelled differently": (f) => ({
        i: { ...f.entry.input, subjectName: ` ${f.entry.input.subjectName.toUpperCase()} ` },
      }),
      "a too short idempotency key": () => ({ k: "k" }),
      "a replayed idempotency key with other input": (f) => ({ k: f.replayKey("createGoldenBookEntry") }),
    }),
  ],
  verifyGoldenBookEntry: [
    ...forged("GoldenBookEntry", DECIDE, (f, id) => ({ id, o: "VERIFIED", v: f.entry.version })),
    ...each(DECIDE, (f) => ({ id: f.entry.gid, o: "VERIFIED", v: f.entry.version }), {
      "an invalid enum value": () => ({ o: "MAYBE" }),
      "a rejection without reason": () => ({ o: "REJECTED" }),
      "an oversized reason": () => ({ o: "REJECTED", r: long(2001) }),
      "a stale version": (f) => ({ v: f.entry.version + 5 }),
      "expectedVersion 0": () => ({ v: 0 }),
      "the nominator's own nomination": (f) => ({ id: f.ownEntry.gid, v: f.ownEntry.version }),
    }),
  ],
  planInspection: [
    ...forged("Unit", PLAN, (f, id) => ({ i: { ...f.inspection.input, inspectedUnitId: id }, k: newKey() })),
    ...each(PLAN, (f) => ({ i: f.inspection.input, k: newKey() }), {
      "a unit inspecting itself": (f) => ({ i: { ...f.inspection.input, inspectingUnitId: f.unitGid("TL-HPN") } }),
      "a reversed period": (f) => ({ i: { ...f.inspection.input, periodTo: "2022-12-31" } }),
      "an impossible date": (f) => ({ i: { ...f.inspection.input, plannedOn: "2023-04-31" } }),
      "oversized notes": (f) => ({ i: { ...f.inspection.input, notes: long(5001) } }),
      "a too short idempotency key": () => ({ k: "k" }),
      "a replayed idempotency key with other input": (f) => ({
        i: { ...f.inspection.input, plannedOn: "2023-09-15" },
        k: f.replayKey("planInspection"),
      }),
    }),
  ],
  recordInspectionFinding: [
    ...forged("Inspection", FINDING, (f, id) => ({ i: findingInput(id), v: f.inspection.version })),
    ...forged("Model", FINDING, (f, id) => ({
      i: findingInput(f.inspection.gid, { modelId: id }, "major"),
      v: f.inspection.version,
    })),
    ...forged("Commendation", FINDING, (f, id) => ({
      i: findingInput(f.inspection.gid, { commendationId: id }, "major"),
      v: f.inspection.version,
    })),
    ...each(FINDING, (f) => ({ i: findingInput(f.inspection.gid), v: f.inspection.version }), {
      "an invalid enum value": (f) => ({ i: findingInput(f.inspection.gid, {}, "apocalyptic") }),
      "a blank description": (f) => ({ i: { ...findingInput(f.inspection.gid), description: " " } }),
      "an oversized description": (f) => ({ i: { ...findingInput(f.inspection.gid), description: long(5001) } }),
      "an impossible date": (f) => ({ i: { ...findingInput(f.inspection.gid), recordedOn: "2023-06-31" } }),
      "both a model and a commendation": (f) => ({
        i: findingInput(f.inspection.gid, { modelId: f.model.gid, commendationId: f.commendation.gid }),
      }),
      "a model outside the inspected unit": (f) => ({
        i: findingInput(f.inspection.gid, { modelId: f.pilot.gid }, "major"),
      }),
      "a stale version": (f) => ({ v: f.inspection.version + 5 }),
      "expectedVersion 0": () => ({ v: 0 }),
    }),
  ],
  addCorrectiveAction: [
    ...forged("InspectionFinding", ADD_ACTION, (_f, id) => ({ f: id, d: "Sửa", due: "2023-10-01", k: newKey() })),
    ...each(ADD_ACTION, (f) => ({ f: f.finding.gid, d: "Sửa", due: "2023-10-01", k: newKey() }), {
      "a due day before the finding": () => ({ due: "2023-01-01" }),
      "an impossible date": () => ({ due: "2023-11-31" }),
      "a blank description": () => ({ d: "  " }),
      "an oversized description": () => ({ d: long(5001) }),
      "a too short idempotency key": () => ({ k: "k" }),
      "a replayed idempotency key with other input": (f) => ({ k: f.replayKey("addCorrectiveAction") }),
    }),
  ],
  completeCorrectiveAction: [
    ...forged("CorrectiveAction", COMPLETE, (f, id) => ({ id, on: "2023-08-30", v: f.action.version })),
    ...each(COMPLETE, (f) => ({ id: f.action.gid, on: "2023-08-30", v: f.action.version }), {
      "an impossible date": () => ({ on: "2023-08-32" }),
      "a number for the date": () => ({ on: 20230830 }),
      "a stale version": (f) => ({ v: f.action.version + 5 }),
      "expectedVersion 0": () => ({ v: 0 }),
      "an action already completed": (f) => ({ id: f.completedAction.gid, v: f.completedAction.version }),
    }),
  ],
  saveField: labelCases(SAVE_FIELD),
  saveUnitKind: labelCases(SAVE_KIND),
  createRound: [
    ...forged("Unit", CREATE_ROUND, (f, id) => ({ i: { ...roundIn(f), organizerUnitId: id }, k: newKey() })),
    ...each(CREATE_ROUND, (f) => ({ i: roundIn(f), k: newKey() }), {
      "a code with spaces": (f) => ({ i: { ...roundIn(f), code: "DOT 1; DROP" } }),
      "an oversized name": (f) => ({ i: { ...roundIn(f), name: long(301) } }),
      "an unknown criteria set": (f) => ({ i: { ...roundIn(f), criteriaSetCode: "no-such-set" } }),
      "a criteria version 0": (f) => ({ i: { ...roundIn(f), criteriaVersion: 0 } }),
      "a draft criteria version": (f) => ({
        i: { ...roundIn(f), criteriaSetCode: f.criteriaSetCode, criteriaVersion: 1 },
      }),
      "an impossible period": (f) => ({ i: { ...roundIn(f), period: "2022-Q7" } }),
      "an impossible reference date": (f) => ({ i: { ...roundIn(f), referenceDate: "2022-02-30" } }),
      "a quorum over 1": (f) => ({ i: { ...roundIn(f), quorum: 1.5 } }),
      "eleven reviewers per model": (f) => ({ i: { ...roundIn(f), reviewersPerModel: 11 } }),
      "a code already used": (f) => ({ i: { ...roundIn(f), code: f.roundCode } }),
      "a too short idempotency key": () => ({ k: "k" }),
      "a replayed idempotency key with other input": (f) => ({ k: f.replayKey("createRound") }),
    }),
  ],
  advanceRound: [
    ...forged("Round", ADVANCE, (f, id) => ({ id, s: "OPEN_SELF_ASSESSMENT", v: f.round.version })),
    ...each(ADVANCE, (f) => ({ id: f.round.gid, s: "OPEN_SELF_ASSESSMENT", v: f.round.version }), {
      "an invalid enum value": () => ({ s: "SKIP_TO_THE_END" }),
      "a step the status refuses": () => ({ s: "PUBLISH" }),
      "a round without eligible models": () => ({}),
      "a stale version": (f) => ({ v: f.round.version + 5 }),
      "expectedVersion 0": () => ({ v: 0 }),
      "a published round": (f) => ({ id: f.demoRound.gid, s: "FINALIZE", v: 1 }),
    }),
  ],
  setRoundDeadlines: [
    ...forged("Round", SET_DEADLINES, (f, id) => ({ r: id, d: { review: "2030-01-10" }, v: f.round.version })),
    ...each(SET_DEADLINES, (f) => ({ r: f.round.gid, d: { review: "2030-01-10" }, v: f.round.version }), {
      "a date in another format": () => ({ d: { review: "10/01/2030" } }),
      "deadlines out of order": () => ({ d: { selfAssessment: "2030-02-01", review: "2030-01-10" } }),
      "a stale version": (f) => ({ v: f.round.version + 5 }),
      "a published round": (f) => ({ r: f.demoRound.gid, v: 1 }),
    }),
  ],
  markNotificationsRead: each(MARK_READ, () => ({ ids: null, all: true }), {
    "both ids and all": () => ({ ids: [randomUUID()] }),
    "neither ids nor all": () => ({ all: null }),
    "an id that is not a uuid": () => ({ ids: ["1 OR 1=1"], all: null }),
  }),
  saveNotificationPreferences: each(SAVE_PREFERENCES, () => ({ e: "a@lantoa.test", l: "vi", k: [] }), {
    "an address that is no address": () => ({ e: "not an address" }),
    "an unknown language": () => ({ l: "fr" }),
    "an unknown kind": () => ({ k: ["everything"] }),
  }),
  drawReviewerPanel: [
    ...forged("Round", DRAW, (_f, id) => ({ r: id })),
    { name: "a published round", query: DRAW, variables: (f) => ({ r: f.demoRound.gid }) },
    { name: "a number for the id", query: DRAW, variables: () => ({ r: 7 }) },
  ],
  assignReviewers: [
    ...forged("Round", ASSIGN, (f, id) => ({ r: id, a: [{ modelId: f.draft.gid, reviewerUsername: "giamkhao.1" }] })),
    ...forged("Model", ASSIGN, (f, id) => ({ r: f.round.gid, a: [{ modelId: id, reviewerUsername: "giamkhao.1" }] })),
    ...each(ASSIGN, (f) => ({ r: f.round.gid, a: [{ modelId: f.draft.gid, reviewerUsername: "giamkhao.1" }] }), {
      "no assignment": () => ({ a: [] }),
      "an unknown reviewer": (f) => ({ a: [{ modelId: f.draft.gid, reviewerUsername: "nobody" }] }),
      "an oversized username": (f) => ({ a: [{ modelId: f.draft.gid, reviewerUsername: long(101) }] }),
      "a model outside the round": () => ({}),
      "a published round": (f) => ({ r: f.demoRound.gid }),
    }),
  ],
  unassignReviewer: [
    ...forged("Round", UNASSIGN, (f, id) => ({ r: id, m: f.draft.gid, u: "giamkhao.1" })),
    ...forged("Model", UNASSIGN, (f, id) => ({ r: f.round.gid, m: id, u: "giamkhao.1" })),
    ...each(UNASSIGN, (f) => ({ r: f.round.gid, m: f.draft.gid, u: "giamkhao.1" }), {
      "a reviewer not assigned": () => ({}),
      "an empty username": () => ({ u: "" }),
      "an oversized username": () => ({ u: long(101) }),
      "a published round": (f) => ({ r: f.demoRound.gid }),
    }),
  ],
  importRoundAssignments: [
    ...forged("Round", IMPORT_ASSIGNMENTS, (_f, id) => ({ r: id, file: null }), assignmentsCsv("KHONG-CO,giamkhao.1")),
    ...[
      ["a row with an unknown model", assignmentsCsv("KHONG-CO,giamkhao.1")],
      ["a row with an unknown reviewer", assignmentsCsv("TL-2018-HUGAO,nobody")],
      ["a row without a username", assignmentsCsv("TL-2018-HUGAO,")],
      ["no reviewer column", new File(["\uFEFFMã mô hình\r\nTL-2018-HUGAO\r\n"], "thieu.csv", { type: "text/csv" })],
      [
        "a PDF for a spreadsheet",
        new File([new Uint8Array(64).fill(37)], "phan-cong.pdf", { type: "application/pdf" }),
      ],
    ].map(
      ([name, file]): BadCase => ({
        name: name as string,
        query: IMPORT_ASSIGNMENTS,
        file: file as File,
        variables: (f) => ({ r: f.round.gid, file: null }),
      }),
    ),
    {
      name: "a published round",
      query: IMPORT_ASSIGNMENTS,
      file: assignmentsCsv("TL-2018-HUGAO,giamkhao.1"),
      variables: (f) => ({ r: f.demoRound.gid, file: null }),
    },
  ],
  declareConflict: [
    ...forged("Round", CONFLICT, (f, id) => ({ r: id, m: f.draft.gid, why: "Lý do" })),
    ...forged("Model", CONFLICT, (f, id) => ({ r: f.round.gid, m: id, why: "Lý do" })),
    ...each(CONFLICT, (f) => ({ r: f.round.gid, m: f.draft.gid, why: "Lý do" }), {
      "a blank reason": () => ({ why: "  " }),
      "an oversized reason": () => ({ why: long(2001) }),
      "a model the reviewer is not assigned": () => ({}),
    }),
  ],
  recordChairDecision: [
    ...forged("Round", CHAIR, (f, id) => ({ r: id, m: f.draft.gid, d: "Giữ", why: "Lý do" })),
    ...each(CHAIR, (f) => ({ r: f.round.gid, m: f.draft.gid, d: "Giữ", why: "Lý do" }), {
      "a blank decision": () => ({ d: " " }),
      "an oversized decision": () => ({ d: long(501) }),
      "an oversized reason": () => ({ why: long(2001) }),
      "a round not under review": () => ({}),
      "a published round": (f) => ({ r: f.demoRound.gid }),
    }),
  ],
  recordCouncilDecision: [
    ...forged("Round", COUNCIL, (_f, id) => ({ ...votes(), r: id })),
    ...each(COUNCIL, (f) => ({ ...votes(), r: f.round.gid }), {
      "no members": () => ({ n: 0 }),
      "negative votes": () => ({ yes: -1 }),
      "a float for a count": () => ({ present: 7.5 }),
      "an oversized note": () => ({ note: long(2001) }),
      "a round not in council": () => ({}),
      "a published round": (f) => ({ r: f.demoRound.gid }),
    }),
  ],
  computeRoundResults: [
    ...forged("Round", COMPUTE, (_f, id) => ({ r: id })),
    { name: "a round in draft", query: COMPUTE, variables: (f) => ({ r: f.round.gid }) },
    { name: "a published round", query: COMPUTE, variables: (f) => ({ r: f.demoRound.gid }) },
  ],
  issueRoundCommendations: [
    ...forged("Round", COMMEND, (_f, id) => ({ r: id, i: commendIn(), k: newKey() })),
    ...each(COMMEND, (f) => ({ r: f.demoRound.gid, i: commendIn(), k: newKey() }), {
      "an unknown form": () => ({ i: { ...commendIn(), form: "trophy" } }),
      "no tier": () => ({ i: { ...commendIn(), tiers: [] } }),
      "an oversized decision number": () => ({ i: { ...commendIn(), decisionNumber: long(101) } }),
      "an impossible date": () => ({ i: { ...commendIn(), decisionDate: "2023-02-29" } }),
      "a blank issuer": () => ({ i: { ...commendIn(), issuer: "  " } }),
      "a round not finalized": (f) => ({ r: f.round.gid }),
      "a too short idempotency key": () => ({ k: "k" }),
      "a replayed idempotency key with other input": (f) => ({
        i: { ...commendIn(), decisionNumber: "99-QĐ/HU" },
        k: f.replayKey("issueRoundCommendations"),
      }),
    }),
  ],
  saveScorecard: [
    ...forged("Round", SCORE, (f, id) => ({ r: id, m: f.draft.gid, kind: "SELF", ratings: rating(), submit: false })),
    ...forged("Model", SCORE, (f, id) => ({ r: f.round.gid, m: id, kind: "SELF", ratings: rating(), submit: false })),
    ...each(SCORE, (f) => ({ r: f.round.gid, m: f.draft.gid, kind: "SELF", ratings: rating(), submit: false }), {
      "an invalid enum value": () => ({ kind: "SECRET" }),
      "a string for submit": () => ({ submit: "yes" }),
      "an oversized criterion id": () => ({ ratings: rating({ criterionId: long(65) }) }),
      "a string for a rating": () => ({ ratings: rating({ value: "ten" }) }),
      "a round in draft": () => ({}),
      "a published round": (f) => ({ r: f.demoRound.gid }),
      "a review by someone not assigned": () => ({ kind: "REVIEW" }),
    }),
  ],
  setModelPublic: [
    ...forged("Model", SET_MODEL_PUBLIC, (_f, id) => ({ id, p: true })),
    ...each(SET_MODEL_PUBLIC, (f) => ({ id: f.draft.gid, p: true }), {
      "a string for the switch": () => ({ p: "yes" }),
      "no switch": () => ({ p: null }),
    }),
  ],
  setEvidencePublic: [
    ...forged("Evidence", SET_EVIDENCE_PUBLIC, (_f, id) => ({ id, p: true })),
    ...each(SET_EVIDENCE_PUBLIC, (f) => ({ id: f.evidence.gid, p: true }), {
      "a string for the switch": () => ({ p: "yes" }),
      "a model's id": (f) => ({ id: f.draft.gid }),
    }),
  ],
  createReportDraft: [
    ...forged("Unit", CREATE_REPORT, (_f, id) => ({ i: { unitId: id, fromYear: 2022, toYear: 2022 } })),
    ...each(CREATE_REPORT, (f) => ({ i: { unitId: f.unitGid("TL-HPN"), fromYear: 2022, toYear: 2022 } }), {
      "a year out of range": (f) => ({ i: { unitId: f.unitGid("TL-HPN"), fromYear: 1800, toYear: 2022 } }),
      "a float for a year": (f) => ({ i: { unitId: f.unitGid("TL-HPN"), fromYear: 2021.5, toYear: 2022 } }),
      "a period ending before it starts": (f) => ({ i: { unitId: f.unitGid("TL-HPN"), fromYear: 2022, toYear: 2017 } }),
    }),
  ],
  saveReportDraft: [
    ...forged("ReportDraft", SAVE_REPORT, (f, id) => ({ i: draftIn(id, f.reportDraft.version) })),
    ...each(SAVE_REPORT, (f) => ({ i: draftIn(f.reportDraft.gid, f.reportDraft.version) }), {
      "a stale version": (f) => ({ i: draftIn(f.reportDraft.gid, f.reportDraft.version - 1) }),
      "expectedVersion 0": (f) => ({ i: draftIn(f.reportDraft.gid, 0) }),
      "a period ending before it starts": (f) => ({
        i: { ...draftIn(f.reportDraft.gid, f.reportDraft.version), toYear: 2016 },
      }),
      "a report dated before its period": (f) => ({
        i: { ...draftIn(f.reportDraft.gid, f.reportDraft.version), reportDate: "2016-12-31" },
      }),
      "an impossible date": (f) => ({
        i: { ...draftIn(f.reportDraft.gid, f.reportDraft.version), reportDate: "2022-02-30" },
      }),
      "a blank issuing body": (f) => ({
        i: { ...draftIn(f.reportDraft.gid, f.reportDraft.version), issuingBody: "  " },
      }),
      "an oversized subject": (f) => ({
        i: { ...draftIn(f.reportDraft.gid, f.reportDraft.version), subject: long(501) },
      }),
      "an unknown section": (f) => ({
        i: { ...draftIn(f.reportDraft.gid, f.reportDraft.version), sections: [{ key: "GOSSIP", text: "…" }] },
      }),
      "a section twice": (f) => ({
        i: {
          ...draftIn(f.reportDraft.gid, f.reportDraft.version),
          sections: [
            { key: "LESSONS", text: "Một" },
            { key: "LESSONS", text: "Hai" },
          ],
        },
      }),
    }),
  ],
  deleteReportDraft: [
    ...forged("ReportDraft", DELETE_REPORT, (f, id) => ({ id, v: f.reportDraft.version })),
    ...each(DELETE_REPORT, (f) => ({ id: f.reportDraft.gid, v: f.reportDraft.version }), {
      "a stale version": (f) => ({ v: f.reportDraft.version - 1 }),
      "expectedVersion 0": () => ({ v: 0 }),
      "a string for the version": () => ({ v: "2" }),
    }),
  ],
};

/** A whole, valid save of a report draft at `version`. */
function draftIn(id: string, version: number) {
  return { ...reportDraftInput(id, version), fromYear: 2017, toYear: 2022, reportDate: "2022-12-30" };
}

const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();

describe("the bad-input table", () => {
  it("has cases for every mutation of the schema", () => {
    expect(Object.keys(BAD_INPUT).sort()).toEqual(mutations);
  });
});

/** A typed refusal: a DomainError member, or GraphQL errors that each carry a known code (never a masked crash). */
function refusal(bad: BadCase, field: string, response: GraphQLResponse): string | null {
  const value = response.data?.[field];
  if (value && bad.refused) return response.errors?.length ? null : bad.refused(value);
  // Any member of the Error interface (DomainError, CriteriaInvalidError…), never a success.
  if (value && typeof value.code === "string" && !/Success$/.test(value.__typename ?? "")) return value.code;
  if (value) return null;
  const codes = (response.errors ?? []).map((e) => e.extensions?.code ?? "NONE");
  if (codes.length === 0 || codes.some((c) => c === "NONE" || c === "INTERNAL_SERVER_ERROR")) return null;
  return codes.join(",");
}

describe.each(testEngines())("bad input on %s", (engine) => {
  let h: GatewayHarness;
  const fixtures = {} as Fixtures;
  beforeAll(async () => {
    h = await startGatewayHarness(engine);
    const admin = h.tokens.systemAdmin;
    fixtures.unitGid = (code) => globalId("Unit", h.units[code] ?? "missing");
    const replayInput = modelInput("BAD-REPLAYED", fixtures.unitGid("TL-HPN"));
    fixtures.replay = { key: "bad-input-replayed-key", input: replayInput };
    const made = await h.call(
      `mutation($i: CreateModelInput!, $k: String!) { createModel(input: $i, idempotencyKey: $k) { ... on MutationCreateModelSuccess { data { model { id } } } } }`,
      { i: replayInput, k: fixtures.replay.key },
      admin,
    );
    const modelGid: string = made.data.createModel.data.model.id;
    const submitted = await h.call(TRANSITION, { id: modelGid, a: "submit", v: 1 }, admin);
    expect(submitted.data.transitionModel.__typename).toBe("MutationTransitionModelSuccess");
    const modelId = Buffer.from(modelGid, "base64").toString().split(":")[1] ?? "";
    fixtures.model = { id: modelId, gid: modelGid, version: 2 };
    const unitMade = async (code: string) => {
      const r = await h.call(
        `mutation($c: String!, $p: ID!) { createUnit(parentId: $p, code: $c, name: "Đơn vị thử", level: "commune", kind: "party-cell") { ... on MutationCreateUnitSuccess { data { unit { id } } } } }`,
        { c: code, p: fixtures.unitGid("TL") },
        admin,
      );
      return r.data.createUnit.data.unit.id as string;
    };
    const unitGid = await unitMade("BAD-UNIT");
    fixtures.sibling = { gid: await unitMade("BAD-SIBLING") };
    await h.call(RENAME_UNIT, { id: unitGid, n: "Đơn vị thử đổi tên", v: 1 }, admin);
    fixtures.unit = { id: Buffer.from(unitGid, "base64").toString().split(":")[1] ?? "", gid: unitGid, version: 2 };
    await makeFixtures(h, fixtures);
  });
  afterAll(async () => {
    await h?.close();
  });

  // Each case snapshots every table before and after: a mutation with many cases needs more
  // than the default 30 s on a loaded two-core machine (a limit, not a measurement).
  it.each(mutations)(
    "%s: every bad input gets a typed error and leaves every table as it was",
    { timeout: 120_000 },
    async (field) => {
      const problems: string[] = [];
      for (const bad of BAD_INPUT[field] ?? []) {
        const before = await snapshotDatabase(h.database.db);
        const variables = bad.variables(fixtures);
        const token = bad.token ? bad.token(h) : h.tokens.systemAdmin;
        const response = bad.file
          ? await h.upload({ query: bad.query, variables }, bad.file, token)
          : await h.call(bad.query, variables, token);
        const after = await snapshotDatabase(h.database.db);
        if (refusal(bad, field, response) === null)
          problems.push(`${bad.name}: not a typed error: ${JSON.stringify(response).slice(0, 300)}`);
        // A refused sign-in is counted on purpose (the sign-in throttle): the one write a refusal makes.
        const changed = Object.keys(after).filter(
          (t) => t !== "login_attempts" && JSON.stringify(after[t]) !== JSON.stringify(before[t]),
        );
        if (changed.length > 0) problems.push(`${bad.name}: changed ${changed.join(", ")}`);
      }
      expect(problems).toEqual([]);
    },
  );
});

/** Runs an operation as `username` (the system admin by default) and returns the value at `path`, or throws. */
async function made(
  h: GatewayHarness,
  query: string,
  variables: Record<string, unknown>,
  path: string,
  username?: string,
) {
  const token = username ? await h.signInAs(username) : h.tokens.systemAdmin;
  const response = await h.call(query, variables, token);
  const value = path.split(".").reduce((v: any, k) => v?.[k], response.data);
  if (value === undefined || value === null) throw new Error(`${path}: ${JSON.stringify(response)}`);
  return value;
}

const localOf = (gid: string) => Buffer.from(gid, "base64").toString().split(":")[1] ?? "";

/**
 * The things the new operations' bad input aims at, each first made with
 * `fixtures.replayKey`, so replaying that key with other input must be refused.
 */
async function makeFixtures(h: GatewayHarness, f: Fixtures) {
  f.replayKey = (operation) => `bad-input-replayed-${operation}`;
  const hpn = f.unitGid("TL-HPN");
  const draftModel = await made(
    h,
    `mutation($i: CreateModelInput!, $k: String!) { createModel(input: $i, idempotencyKey: $k) { ... on MutationCreateModelSuccess { data { model { id version } } } } }`,
    { i: modelInput("BAD-EDITABLE", hpn), k: newKey() },
    "createModel.data.model",
  );
  f.draft = { gid: draftModel.id, version: draftModel.version };
  const pilot = await h.database.db
    .selectFrom("models")
    .select("id")
    .where("is_pilot", "=", true)
    .orderBy("code")
    .executeTakeFirstOrThrow();
  f.pilot = { gid: globalId("Model", pilot.id) };
  await made(
    h,
    `mutation($o: ID!, $i: CreateModelInput!, $k: String!) { registerReplication(originModelId: $o, input: $i, idempotencyKey: $k) { ... on MutationRegisterReplicationSuccess { data { model { id } } } } }`,
    { o: f.pilot.gid, i: modelInput("BAD-REPLICA", hpn), k: f.replayKey("registerReplication") },
    "registerReplication.data.model",
  );

  // Criteria: a set saved once (draft at version 2), and another published with a new draft.
  f.criteriaSetCode = "bad-input-set";
  const set = await made(
    h,
    `mutation($i: CreateCriteriaSetInput!, $k: String!) { createCriteriaSet(input: $i, idempotencyKey: $k) { ... on MutationCreateCriteriaSetSuccess { data { draft { id version definition } } } } }`,
    { i: { code: f.criteriaSetCode, name: "Bộ tiêu chí", startFrom: "BLANK" }, k: f.replayKey("createCriteriaSet") },
    "createCriteriaSet.data.draft",
  );
  const saved = await made(
    h,
    `mutation($id: ID!, $d: String!, $v: Int!) { saveCriteriaDraft(versionId: $id, definition: $d, expectedVersion: $v) { ... on MutationSaveCriteriaDraftSuccess { data { version { id version definition } } } } }`,
    { id: set.id, d: set.definition, v: set.version },
    "saveCriteriaDraft.data.version",
  );
  f.criteriaDraft = { gid: saved.id, version: saved.version, definition: saved.definition };
  const other = await made(
    h,
    `mutation($i: CreateCriteriaSetInput!, $k: String!) { createCriteriaSet(input: $i, idempotencyKey: $k) { ... on MutationCreateCriteriaSetSuccess { data { draft { id version } } } } }`,
    { i: { code: "bad-input-published", name: "Bộ đã ban hành", startFrom: "BLANK" }, k: newKey() },
    "createCriteriaSet.data.draft",
  );
  f.published = {
    gid: await made(
      h,
      `mutation($id: ID!, $v: Int!) { publishCriteriaVersion(versionId: $id, expectedVersion: $v) { ... on MutationPublishCriteriaVersionSuccess { data { version { id } } } } }`,
      { id: other.id, v: other.version },
      "publishCriteriaVersion.data.version.id",
    ),
  };
  await made(
    h,
    `mutation($id: ID!, $k: String!) { newCriteriaDraft(fromVersionId: $id, idempotencyKey: $k) { ... on MutationNewCriteriaDraftSuccess { data { version { id } } } } }`,
    { id: f.published.gid, k: f.replayKey("newCriteriaDraft") },
    "newCriteriaDraft.data.version",
  );

  // Commendations: one in force, one suspended by a major finding.
  const issue = async (modelGid: string, k: string) => {
    const input = commendationInput(modelGid);
    const c = await made(
      h,
      `mutation($i: IssueCommendationInput!, $k: String!) { issueCommendation(input: $i, idempotencyKey: $k) { ... on MutationIssueCommendationSuccess { data { commendation { id version } } } } }`,
      { i: input, k },
      "issueCommendation.data.commendation",
    );
    return { gid: c.id as string, version: c.version as number, input };
  };
  f.commendation = await issue(f.model.gid, f.replayKey("issueCommendation"));
  const toSuspend = await issue(f.draft.gid, newKey());

  // Inspections: one planned (the target), one visited with findings and actions.
  const plan = async (k: string) => {
    const input = inspectionPlan(hpn, f.unitGid("TL-CB-TT"));
    const i = await made(
      h,
      `mutation($i: PlanInspectionInput!, $k: String!) { planInspection(input: $i, idempotencyKey: $k) { ... on MutationPlanInspectionSuccess { data { inspection { id version } } } } }`,
      { i: input, k },
      "planInspection.data.inspection",
    );
    return { gid: i.id as string, version: i.version as number, input };
  };
  f.inspection = await plan(f.replayKey("planInspection"));
  const visited = await plan(newKey());
  const record = async (input: ReturnType<typeof findingInput>, v: number) =>
    made(
      h,
      `mutation($i: RecordInspectionFindingInput!, $v: Int!) { recordInspectionFinding(input: $i, expectedVersion: $v) { ... on MutationRecordInspectionFindingSuccess { data { inspection { version findings { id commendation { id version status } } } } } } }`,
      { i: input, v },
      "recordInspectionFinding.data.inspection",
    );
  const first = await record(findingInput(visited.gid, { commendationId: toSuspend.gid }, "major"), visited.version);
  const suspended = first.findings[0].commendation;
  if (suspended.status !== "SUSPENDED") throw new Error(`not suspended: ${JSON.stringify(first)}`);
  f.suspended = { gid: suspended.id, version: suspended.version };
  const second = await record(findingInput(visited.gid), first.version);
  f.finding = { gid: second.findings.find((x: { id: string }) => x.id !== first.findings[0].id).id };
  const addAction = async (k: string) => {
    const a = await made(
      h,
      `mutation($f: ID!, $k: String!) { addCorrectiveAction(findingId: $f, description: "Bổ sung sổ sách", dueOn: "2023-10-01", idempotencyKey: $k) { ... on MutationAddCorrectiveActionSuccess { data { correctiveAction { id version } } } } }`,
      { f: f.finding.gid, k },
      "addCorrectiveAction.data.correctiveAction",
    );
    return { gid: a.id as string, version: a.version as number };
  };
  f.action = await addAction(f.replayKey("addCorrectiveAction"));
  const done = await addAction(newKey());
  const completed = await made(
    h,
    `mutation($id: ID!, $v: Int!) { completeCorrectiveAction(id: $id, completedOn: "2023-08-30", expectedVersion: $v) { ... on MutationCompleteCorrectiveActionSuccess { data { correctiveAction { version } } } } }`,
    { id: done.gid, v: done.version },
    "completeCorrectiveAction.data.correctiveAction",
  );
  f.completedAction = { gid: done.gid, version: completed.version };

  // The golden book: an entry the province's admin nominated, and one of the system admin's own.
  const nominate = async (input: ReturnType<typeof goldenBookInput>, k: string, username?: string) => {
    const e = await made(
      h,
      `mutation($i: CreateGoldenBookEntryInput!, $k: String!) { createGoldenBookEntry(input: $i, idempotencyKey: $k) { ... on MutationCreateGoldenBookEntrySuccess { data { entry { id version } } } } }`,
      { i: input, k },
      "createGoldenBookEntry.data.entry",
      username,
    );
    return { gid: e.id as string, version: e.version as number, input };
  };
  f.entry = await nominate(
    goldenBookInput(hpn, "Nguyễn Thị Hoa"),
    f.replayKey("createGoldenBookEntry"),
    "tinhuy.admin",
  );
  // The system admin's replay fixture is the entry its own key made.
  f.ownEntry = await nominate(goldenBookInput(hpn, "Trần Văn Nam"), f.replayKey("createGoldenBookEntry"));

  // Rounds: a draft one, and the demo's published round commended once.
  f.roundCode = "BAD-INPUT-ROUND";
  const round = await made(
    h,
    `mutation($i: CreateRoundInput!, $k: String!) { createRound(input: $i, idempotencyKey: $k) { ... on MutationCreateRoundSuccess { data { round { id version } } } } }`,
    { i: { ...roundIn(f), code: f.roundCode }, k: f.replayKey("createRound") },
    "createRound.data.round",
  );
  f.round = { gid: round.id, version: round.version };
  const demo = await h.database.db
    .selectFrom("rounds")
    .select("id")
    .where("code", "=", DEMO_ROUND_CODE)
    .executeTakeFirstOrThrow();
  f.demoRound = { gid: globalId("Round", demo.id) };
  await made(
    h,
    `mutation($r: ID!, $i: RoundCommendationInput!, $k: String!) { issueRoundCommendations(roundId: $r, input: $i, idempotencyKey: $k) { ... on MutationIssueRoundCommendationsSuccess { data { commended } } } }`,
    { r: f.demoRound.gid, i: commendIn(), k: f.replayKey("issueRoundCommendations") },
    "issueRoundCommendations.data",
  );

  // A report draft saved once (version 2), and a hidden photo of the draft model.
  const draft = await made(
    h,
    `mutation($u: ID!) { createReportDraft(input: { unitId: $u, fromYear: 2017, toYear: 2022 }) { ... on MutationCreateReportDraftSuccess { data { reportDraft { id version } } } } }`,
    { u: hpn },
    "createReportDraft.data.reportDraft",
  );
  const savedDraft = await made(
    h,
    `mutation($i: SaveReportDraftInput!) { saveReportDraft(input: $i) { ... on MutationSaveReportDraftSuccess { data { reportDraft { version } } } } }`,
    { i: draftIn(draft.id, draft.version) },
    "saveReportDraft.data.reportDraft",
  );
  f.reportDraft = { gid: draft.id, version: savedDraft.version };
  const photo = await h.database.db
    .insertInto("evidence")
    .values({
      model_id: localOf(f.draft.gid),
      kind: "photo",
      title: "Ảnh",
      storage_key: "bad-input/photo",
      mime_type: "image/png",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  f.evidence = { gid: globalId("Evidence", photo.id) };

  f.ids = {
    Round: localOf(f.round.gid),
    Model: f.model.id,
    Unit: f.unit.id,
    CriteriaSetVersion: localOf(f.criteriaDraft.gid),
    Commendation: localOf(f.commendation.gid),
    Inspection: localOf(f.inspection.gid),
    InspectionFinding: localOf(f.finding.gid),
    CorrectiveAction: localOf(f.action.gid),
    GoldenBookEntry: localOf(f.entry.gid),
    ReportDraft: localOf(f.reportDraft.gid),
    Evidence: localOf(f.evidence.gid),
  };
}
