import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contentHash, DEMO_OPEN_ROUND_CODE, DEMO_PASSWORD, hashRoundResults } from "@lantoa/db";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "@lantoa/db/testing";
import { type CriteriaSetDraft, defaultCriteriaSet, publishCriteriaSet } from "@lantoa/domain/criteria";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createGatewayYoga,
  createRoundEvents,
  inProcessClusterBus,
  localFolderStorage,
  publishRoundProgress,
} from "../src/index.js";
import {
  good,
  type JourneyScope,
  type JourneyStage,
  journeyRound,
  low,
  ratingsOf,
  top,
} from "./support/round-journey.js";

type Response = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

const LONG = 180_000;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

const SAVE = `mutation($r: ID!, $m: ID!, $k: ScorecardKind!, $ratings: [ScorecardRatingInput!]!, $submit: Boolean!) {
  saveScorecard(roundId: $r, modelId: $m, kind: $k, ratings: $ratings, submit: $submit) {
    __typename
    ... on MutationSaveScorecardSuccess { data { version extraReviewerAssigned } }
    ... on Error { code messageVi }
  } }`;
const ROUND = `query($id: ID!) { node(id: $id) { ... on Round {
  code status version drawSeed resultsHash commentsRequired
  progress { eligibleModels missingSelfAssessments missingReviews reviewsSubmitted reviewsAssigned }
  models { modelId code eligible gates { criterionId passed } }
  assignments { modelId modelCode reviewerUsername source conflictDeclared scorecardStatus }
} } }`;
const RESULTS = `query($id: ID!) { node(id: $id) { ... on Round {
  status resultsHash
  results { modelId modelCode rank total max tier demotedFrom eliminated explanation criteria { criterionId label points max } }
} } }`;
const ADVANCE = `mutation($id: ID!, $step: RoundStep!, $v: Int!) { advanceRound(id: $id, step: $step, expectedVersion: $v) {
  __typename ... on MutationAdvanceRoundSuccess { data { round { status version resultsHash } } } ... on DomainError { code messageVi details } } }`;
const VIEW = `query($r: ID!, $m: ID!) { scorecards(roundId: $r, modelId: $m) {
  own { kind status ratings { criterionId value } } others { kind reviewerName ratings { criterionId value } } othersHidden } }`;

// Each test starts from a round of its own, brought to the stage it needs through the use
// cases (support/round-journey.ts), so any one of them runs alone.
describe.each(testEngines())("an evaluation round end to end on %s", (engine) => {
  let database: TestDatabase;
  let call: (query: string, variables?: Record<string, unknown>, token?: string) => Promise<Response>;
  let subscribe: (query: string, variables: Record<string, unknown>, token: string) => Promise<globalThis.Response>;
  const tokens: Record<string, string> = {};
  const at = new Date("2023-01-10T08:00:00+07:00");
  const models: Record<string, { id: string; gid: string; code: string }> = {};
  let scope: JourneyScope & { top: string[]; others: string[] };
  let rounds = 0;

  /** A new round of the journey brought to `stage`: its global id and code. */
  const roundAt = async (stage: JourneyStage) => {
    const code = `TL-BINHXET-2023-${String.fromCharCode(65 + rounds++)}`;
    const id = await journeyRound(database.db, { at, code, scope, models, stage });
    return { roundId: gid("Round", id), code };
  };
  const localIdOf = (roundId: string) => Buffer.from(roundId, "base64").toString().slice(6);
  const version = async (roundId: string) =>
    (await call(ROUND, { id: roundId }, tokens["thanhliem.admin"])).data.node.version as number;
  const advance = async (roundId: string, step: string) => {
    const response = await call(ADVANCE, { id: roundId, step, v: await version(roundId) }, tokens["thanhliem.admin"]);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.advanceRound;
  };
  const assignments = async (roundId: string) =>
    (await call(ROUND, { id: roundId }, tokens["thanhliem.admin"])).data.node.assignments as Array<{
      modelId: string;
      modelCode: string;
      reviewerUsername: string;
      source: string;
      conflictDeclared: boolean;
      scorecardStatus: string | null;
    }>;

  let gatewayStatements = 0;
  // The gateway's bus: another publisher on it reaches its subscribers, as another gateway's would.
  const bus = inProcessClusterBus();
  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    const db = database.db;
    const yoga = createGatewayYoga({
      // Counts the statements the gateway sends (a closed subscription must send none).
      db: db.withPlugin({
        transformQuery: (args) => {
          gatewayStatements++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      }),
      graphiql: false,
      now: () => at,
      storage: localFolderStorage(mkdtempSync(join(tmpdir(), "lantoa-rounds-"))),
      bus,
    });
    subscribe = (query, variables, token) =>
      Promise.resolve(
        yoga.fetch("http://test/graphql", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "text/event-stream",
            authorization: `Bearer ${token}`,
          },
          body: JSON.stringify({ query, variables }),
        }),
      );
    call = async (query, variables, token) => {
      const response = await yoga.fetch("http://test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as Response;
    };
    // The Thanh Hà commune officer also sits on the reviewer pool: a reviewer with a
    // conflict for every model of their own unit.
    const officer = await db
      .selectFrom("users")
      .select(["id", "unit_id"])
      .where("username", "=", "thanhha.canbo")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("role_assignments")
      .values({ user_id: officer.id, role: "reviewer", unit_id: officer.unit_id })
      .execute();
    for (const username of [
      "thanhliem.admin",
      "phunu.canbo",
      "thanhha.canbo",
      "giamkhao.1",
      "giamkhao.2",
      "giamkhao.3",
      "giamkhao.4",
    ]) {
      const result = await call(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on MutationLoginSuccess { data { token } } } }`,
        { u: username, p: DEMO_PASSWORD },
      );
      tokens[username] = result.data.login.data.token;
    }
    // Nominated models: the three with adopters (they can reach 90 points), one of the
    // officer's unit, six more article models, and one without evidence.
    const tl = await db.selectFrom("units").select("path").where("code", "=", "TL").executeTakeFirstOrThrow();
    const candidates = await db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select(["m.id", "m.code", "u.code as unit"])
      .where("m.generated", "=", false)
      .where("m.status", "=", "active")
      .where("u.path", "like", `${tl.path}%`)
      .where("m.start_date", "<=", "2021-03-31")
      .orderBy("m.code")
      .execute();
    for (const c of candidates) models[c.code] = { id: c.id, gid: gid("Model", c.id), code: c.code };
    const topCodes = ["TL-2018-CAMERA", "TL-2018-HUGAO", "TL-2018-THAPSANG"];
    const conflicted = candidates.find((c) => c.unit === "TL-THANHHA-UBND")?.code as string;
    const rest = candidates.filter((c) => !topCodes.includes(c.code) && c.code !== conflicted).map((c) => c.code);
    scope = { top: topCodes, conflicted, others: rest.slice(0, 6), ineligible: rest[6] as string };
    expect(topCodes.every((c) => models[c])).toBe(true);
    // The demo gives every article model a report as evidence: the ineligible one loses its own.
    await db
      .deleteFrom("evidence")
      .where("model_id", "=", models[scope.ineligible]?.id as string)
      .execute();
    const withEvidence = [...scope.top, scope.conflicted, ...scope.others];
    await db
      .insertInto("evidence")
      .values(
        withEvidence.map((code) => ({
          model_id: models[code]?.id as string,
          kind: "link" as const,
          title: "Báo cáo kết quả",
          uri: "https://example.org/bao-cao",
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await database?.close();
  });

  it(
    "creates a round over nominated models, shows eligibility before opening, and replays its creation",
    async () => {
      const units = await database.db.selectFrom("units").select(["id", "code"]).where("code", "=", "TL").execute();
      const variables = {
        input: {
          code: "TL-BINHXET-2023",
          name: "Bình xét mô hình năm 2023",
          criteriaSetCode: "default",
          criteriaVersion: 1,
          organizerUnitId: gid("Unit", units[0]?.id as string),
          period: "2022",
          referenceDate: "2022-12-15",
          modelCodes: [...scope.top, scope.conflicted, ...scope.others, scope.ineligible],
          commentsRequired: true,
        },
        key: "create-round-2023",
      };
      const CREATE = `mutation($input: CreateRoundInput!, $key: String!) { createRound(input: $input, idempotencyKey: $key) {
        __typename ... on MutationCreateRoundSuccess { data { round { id status drawSeed } } } ... on Error { code } } }`;
      const outsider = await call(CREATE, variables, tokens["phunu.canbo"]);
      expect(outsider.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const created = await call(CREATE, variables, tokens["thanhliem.admin"]);
      expect(created.errors).toBeUndefined();
      const roundId = created.data.createRound.data.round.id;
      expect(created.data.createRound.data.round).toMatchObject({
        status: "draft",
        drawSeed: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
      const again = await call(CREATE, variables, tokens["thanhliem.admin"]);
      expect(again.data.createRound.data.round.id).toBe(roundId);
      const round = (await call(ROUND, { id: roundId }, tokens["thanhliem.admin"])).data.node;
      // The scorecard form reads this to ask for a comment on every rating.
      expect(round.commentsRequired).toBe(true);
      expect(round.models).toHaveLength(11);
      expect(round.progress.eligibleModels).toBe(10);
      const out = round.models.find((m: any) => m.code === scope.ineligible);
      expect(out.eligible).toBe(false);
      expect(out.gates.find((g: any) => g.criterionId === "evidence-attached").passed).toBe(false);
      // A reviewer not yet assigned cannot read a draft round.
      expect((await call(ROUND, { id: roundId }, tokens["giamkhao.1"])).errors?.[0]?.extensions?.code).toBe(
        "FORBIDDEN",
      );
    },
    LONG,
  );

  it(
    "creating a round takes a lower-cased nominated code and lists the codes it left out with why",
    async () => {
      const tl = await database.db.selectFrom("units").select("id").where("code", "=", "TL").executeTakeFirstOrThrow();
      const typed = (scope.top[0] as string).toLowerCase();
      const created = await call(
        `mutation($input: CreateRoundInput!, $key: String!) { createRound(input: $input, idempotencyKey: $key) {
          __typename ... on MutationCreateRoundSuccess { data { round { id models { code } } skipped { code reason } } } } }`,
        {
          input: {
            code: "TL-BINHXET-SKIPPED",
            name: "Bình xét có mã sai",
            criteriaSetCode: "default",
            criteriaVersion: 1,
            organizerUnitId: gid("Unit", tl.id),
            period: "2022",
            referenceDate: "2022-12-15",
            modelCodes: [typed, "KHONG-CO-MA"],
          },
          key: "create-round-skipped",
        },
        tokens["thanhliem.admin"],
      );
      expect(created.errors).toBeUndefined();
      expect(created.data.createRound.data.round.models.map((m: any) => m.code)).toEqual([scope.top[0]]);
      expect(created.data.createRound.data.skipped).toEqual([{ code: "KHONG-CO-MA", reason: "UNKNOWN" }]);
    },
    LONG,
  );

  it(
    "shows the assignment grid with loads and conflicts, and takes a reviewer off a model until their scorecard exists",
    async () => {
      const { roundId } = await roundAt("review-drawn");
      const GRID = `query($id: ID!) { node(id: $id) { ... on Round { assignmentGrid {
        models { modelId code } reviewers { username load inPool }
        cells { modelId username assigned conflict source scorecardStatus } } } } }`;
      const grid = async () => (await call(GRID, { id: roundId }, tokens["thanhliem.admin"])).data.node.assignmentGrid;
      const before = await grid();
      const drawn = await assignments(roundId);
      expect(before.models).toHaveLength(10);
      expect(before.cells.filter((c: any) => c.assigned)).toHaveLength(drawn.length);
      for (const r of before.reviewers)
        expect(r.load).toBe(drawn.filter((a) => a.reviewerUsername === r.username).length);
      // The Thanh Hà officer's unit owns one model: that cell is a conflict by the tree, never assigned.
      const own = models[scope.conflicted]?.gid;
      expect(before.cells).toContainEqual(
        expect.objectContaining({ modelId: own, username: "thanhha.canbo", assigned: false, conflict: "TREE" }),
      );
      // A reviewer sees none of it.
      expect((await call(GRID, { id: roundId }, tokens["giamkhao.1"])).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

      const UNASSIGN = `mutation($r: ID!, $m: ID!, $u: String!) { unassignReviewer(roundId: $r, modelId: $m, reviewerUsername: $u) {
        __typename ... on Error { code } } }`;
      const [first] = drawn;
      if (!first) throw new Error("the draw assigned no one");
      const taken = await call(
        UNASSIGN,
        { r: roundId, m: first.modelId, u: first.reviewerUsername },
        tokens["thanhliem.admin"],
      );
      expect(taken.data?.unassignReviewer.__typename).toBe("MutationUnassignReviewerSuccess");
      const after = await grid();
      expect(after.cells.filter((c: any) => c.assigned)).toHaveLength(drawn.length - 1);
      expect(after.reviewers.find((r: any) => r.username === first.reviewerUsername).load).toBe(
        before.reviewers.find((r: any) => r.username === first.reviewerUsername).load - 1,
      );
      const second = drawn.find((a) => a.modelId !== first.modelId) ?? drawn[1];
      if (!second) throw new Error("the draw assigned one reviewer only");
      const saved = await call(
        SAVE,
        { r: roundId, m: second.modelId, k: "REVIEW", ratings: ratingsOf(good), submit: false },
        tokens[second.reviewerUsername],
      );
      expect(saved.data?.saveScorecard.__typename).toBe("MutationSaveScorecardSuccess");
      const refused = await call(
        UNASSIGN,
        { r: roundId, m: second.modelId, u: second.reviewerUsername },
        tokens["thanhliem.admin"],
      );
      expect(refused.data?.unassignReviewer).toMatchObject({
        __typename: "DomainError",
        code: "ROUND.SCORECARD_STARTED",
      });
    },
    LONG,
  );

  it(
    "takes self-assessments first, then refuses reviews until review opens",
    async () => {
      const { roundId, code } = await roundAt("draft");
      expect(await advance(roundId, "OPEN_SELF_ASSESSMENT")).toMatchObject({
        data: { round: { status: "self-assessment" } },
      });
      const early = await advance(roundId, "OPEN_REVIEW");
      expect(early).toMatchObject({ __typename: "DomainError", code: "ROUND.REQUIREMENT_NOT_MET" });
      const first = scope.others[0] as string;
      const uncommented = await call(
        SAVE,
        {
          r: roundId,
          m: models[first]?.gid,
          k: "SELF",
          ratings: [{ criterionId: "novelty", value: 20 }],
          submit: true,
        },
        tokens["thanhliem.admin"],
      );
      expect(uncommented.data.saveScorecard).toMatchObject({ code: "ROUND.SCORECARD_INCOMPLETE" });
      const foreign = await call(
        SAVE,
        { r: roundId, m: models["TL-2018-CAMERA"]?.gid, k: "SELF", ratings: ratingsOf(good), submit: true },
        tokens["phunu.canbo"],
      );
      expect(foreign.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      // The commune officer finds their unit's model among the self-assessments owed, opens
      // the round (as the scorecard page does) and files it.
      const MINE = `{ mySelfAssessments { round { id code status } modelId modelCode unitName scorecardStatus } }`;
      const officer = tokens["thanhha.canbo"] as string;
      const owed = (await call(MINE, {}, officer)).data.mySelfAssessments;
      // Newest round first; the other rounds of this file and the demo's two hold theirs too.
      expect(owed[0].round.code).toBe(code);
      expect(owed.map((o: any) => o.round.code)).toEqual(
        expect.arrayContaining([DEMO_OPEN_ROUND_CODE, "TL-BINHXET-2022"]),
      );
      expect(owed.slice(0, 1)).toEqual([
        {
          round: { id: roundId, code, status: "self-assessment" },
          modelId: models[scope.conflicted]?.gid,
          modelCode: scope.conflicted,
          unitName: expect.any(String),
          scorecardStatus: null,
        },
      ]);
      const opened = await call(
        `query($id: ID!) { node(id: $id) { ... on Round { code } } }`,
        { id: roundId },
        officer,
      );
      expect(opened.data.node).toEqual({ code });
      // A reviewer with nothing in the round and no unit in it sees neither.
      expect((await call(MINE, {}, tokens["giamkhao.4"])).data.mySelfAssessments).toEqual([]);
      const outsider = await call(
        `query($id: ID!) { node(id: $id) { ... on Round { code } } }`,
        { id: roundId },
        tokens["giamkhao.4"],
      );
      expect(outsider.data?.node ?? null).toBeNull();
      for (const code of [...scope.top, scope.conflicted, ...scope.others]) {
        const saved = await call(
          SAVE,
          { r: roundId, m: models[code]?.gid, k: "SELF", ratings: ratingsOf(good), submit: true },
          code === scope.conflicted ? officer : tokens["thanhliem.admin"],
        );
        expect(saved.data.saveScorecard.__typename).toBe("MutationSaveScorecardSuccess");
      }
      expect((await call(MINE, {}, officer)).data.mySelfAssessments[0].scorecardStatus).toBe("submitted");
      expect(await advance(roundId, "OPEN_REVIEW")).toMatchObject({ data: { round: { status: "review" } } });
      const late = await call(
        SAVE,
        { r: roundId, m: models[first]?.gid, k: "SELF", ratings: ratingsOf(top), submit: false },
        tokens["thanhliem.admin"],
      );
      expect(late.data.saveScorecard).toMatchObject({ code: "ROUND.WRONG_STAGE" });
    },
    LONG,
  );

  it(
    "assigns by hand away from conflicts, draws the rest reproducibly from the recorded seed",
    async () => {
      const { roundId } = await roundAt("review");
      const ASSIGN = `mutation($r: ID!, $a: [ReviewerAssignmentInput!]!) { assignReviewers(roundId: $r, assignments: $a) {
        __typename ... on Error { code } } }`;
      const conflicted = await call(
        ASSIGN,
        { r: roundId, a: [{ modelId: models[scope.conflicted]?.gid, reviewerUsername: "thanhha.canbo" }] },
        tokens["thanhliem.admin"],
      );
      expect(conflicted.data.assignReviewers).toMatchObject({ code: "ROUND.CONFLICT_OF_INTEREST" });
      const manual = await call(
        ASSIGN,
        { r: roundId, a: [{ modelId: models[scope.others[1] as string]?.gid, reviewerUsername: "giamkhao.2" }] },
        tokens["thanhliem.admin"],
      );
      expect(manual.data.assignReviewers.__typename).toBe("MutationAssignReviewersSuccess");
      const DRAW = `mutation($r: ID!) { drawReviewerPanel(roundId: $r) { __typename ... on Error { code } } }`;
      expect((await call(DRAW, { r: roundId }, tokens["giamkhao.1"])).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await call(DRAW, { r: roundId }, tokens["thanhliem.admin"])).data.drawReviewerPanel.__typename).toBe(
        "MutationDrawReviewerPanelSuccess",
      );
      const all = await assignments(roundId);
      expect(all).toHaveLength(20);
      expect(all.filter((a) => a.source === "manual")).toHaveLength(1);
      const perModel = new Map<string, number>();
      for (const a of all) perModel.set(a.modelCode, (perModel.get(a.modelCode) ?? 0) + 1);
      expect([...perModel.values()].every((n) => n === 2)).toBe(true);
      expect(all.some((a) => a.modelCode === scope.conflicted && a.reviewerUsername === "thanhha.canbo")).toBe(false);
      // Anyone with access re-runs the draw from the recorded seed and gets the same panel.
      const REPLAY = `query($r: ID!) { panelReplay(roundId: $r) { seed matches } }`;
      const replay = await call(REPLAY, { r: roundId }, tokens["thanhliem.admin"]);
      const round = (await call(ROUND, { id: roundId }, tokens["thanhliem.admin"])).data.node;
      expect(replay.data.panelReplay).toEqual({ seed: round.drawSeed, matches: true });
      // The admin's choice of reviewers for the commune's model: the commune officer is barred
      // by the tree, the two drawn are marked, and everyone's load in the round is counted.
      const CANDIDATES = `query($r: ID!, $m: ID!) { node(id: $r) { ... on Round {
        reviewerCandidates(modelId: $m) { username unitName conflicted conflictDeclared assigned load } } } }`;
      const candidates = (
        await call(CANDIDATES, { r: roundId, m: models[scope.conflicted]?.gid }, tokens["thanhliem.admin"])
      ).data.node.reviewerCandidates;
      expect(candidates.find((c: any) => c.username === "thanhha.canbo")).toMatchObject({
        conflicted: true,
        assigned: false,
      });
      const drawnFor = all.filter((a) => a.modelCode === scope.conflicted).map((a) => a.reviewerUsername);
      expect(
        candidates
          .filter((c: any) => c.assigned)
          .map((c: any) => c.username)
          .sort(),
      ).toEqual(drawnFor.sort());
      for (const c of candidates) expect(c.load).toBe(all.filter((a) => a.reviewerUsername === c.username).length);
      expect(candidates.map((c: any) => c.load)).toEqual([...candidates.map((c: any) => c.load)].sort((a, b) => a - b));
      const asReviewer = await call(CANDIDATES, { r: roundId, m: models[scope.conflicted]?.gid }, tokens["giamkhao.4"]);
      expect(asReviewer.data?.node?.reviewerCandidates ?? null).toBeNull();
      expect((await call(REPLAY, { r: roundId }, tokens["thanhliem.admin"])).data.panelReplay.matches).toBe(true);
      // A reviewer now reads the round and sees only their own assignments.
      const mine = (await call(ROUND, { id: roundId }, tokens["giamkhao.4"])).data.node;
      expect(mine.assignments.every((a: any) => a.reviewerUsername === "giamkhao.4")).toBe(true);
      expect((await call(ROUND, { id: roundId }, tokens["giamkhao.4"])).errors?.[0]?.message).toMatch(/quyền|allowed/);
    },
    LONG,
  );

  it(
    "keeps a conflicted reviewer away from the scorecard, reading and writing",
    async () => {
      const { roundId } = await roundAt("review-drawn");
      // The officer-reviewer cannot review their own unit's model.
      const own = await call(
        SAVE,
        { r: roundId, m: models[scope.conflicted]?.gid, k: "REVIEW", ratings: ratingsOf(top), submit: true },
        tokens["thanhha.canbo"],
      );
      expect(own.data.saveScorecard).toMatchObject({ code: "ROUND.CONFLICT_OF_INTEREST" });
      const view = await call(VIEW, { r: roundId, m: models[scope.conflicted]?.gid }, tokens["thanhha.canbo"]);
      expect(view.data.scorecards.others).toEqual([]);
      expect(view.data.scorecards.own.kind).toBe("self");
      // A drawn reviewer declares a conflict: from then on neither read nor write.
      const target = (await assignments(roundId)).find((a) => a.modelCode === scope.others[2] && a.source === "draw");
      const reviewer = target?.reviewerUsername as string;
      const declared = await call(
        `mutation($r: ID!, $m: ID!) { declareConflict(roundId: $r, modelId: $m, reason: "Tôi từng công tác tại đơn vị này") { __typename ... on Error { code } } }`,
        { r: roundId, m: target?.modelId },
        tokens[reviewer],
      );
      expect(declared.data.declareConflict.__typename).toBe("MutationDeclareConflictSuccess");
      // Declaring again, or on a model one does not review, says so.
      const again = await call(
        `mutation($r: ID!, $m: ID!) { declareConflict(roundId: $r, modelId: $m, reason: "Lần nữa") { __typename ... on Error { code } } }`,
        { r: roundId, m: target?.modelId },
        tokens[reviewer],
      );
      expect(again.data.declareConflict).toMatchObject({ code: "ROUND.NOT_ASSIGNED" });
      const read = await call(VIEW, { r: roundId, m: target?.modelId }, tokens[reviewer]);
      expect(read.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const write = await call(
        SAVE,
        { r: roundId, m: target?.modelId, k: "REVIEW", ratings: ratingsOf(good), submit: true },
        tokens[reviewer],
      );
      expect(write.data.saveScorecard).toMatchObject({ code: "ROUND.CONFLICT_OF_INTEREST" });
      // A new draw fills the gap with someone else.
      await call(
        `mutation($r: ID!) { drawReviewerPanel(roundId: $r) { __typename } }`,
        { r: roundId },
        tokens["thanhliem.admin"],
      );
      const now = (await assignments(roundId)).filter((a) => a.modelCode === scope.others[2] && !a.conflictDeclared);
      expect(now).toHaveLength(2);
      expect(now.some((a) => a.reviewerUsername === reviewer)).toBe(false);
    },
    LONG,
  );

  it(
    "streams the round's progress over SSE after each scorecard",
    async () => {
      const { roundId } = await roundAt("review-drawn");
      const SUB = `subscription($r: ID!) { roundProgress(roundId: $r) { reviewsSubmitted missingReviews } }`;
      const denied = await subscribe(SUB, { r: roundId }, tokens["giamkhao.1"] as string);
      const deniedReader = denied.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
      let refusal = "";
      while (!refusal.includes("FORBIDDEN")) {
        const chunk = await deniedReader.read();
        if (chunk.done) break;
        refusal += new TextDecoder().decode(chunk.value);
      }
      await deniedReader.cancel();
      expect(refusal).toContain("FORBIDDEN");
      const response = await subscribe(SUB, { r: roundId }, tokens["thanhliem.admin"] as string);
      expect(response.headers.get("content-type")).toContain("text/event-stream");
      const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
      const decoder = new TextDecoder();
      let buffered = "";
      const nextEvent = async () => {
        while (!/\ndata:[^\n]*reviewsSubmitted[^\n]*\n/.test(`\n${buffered}`)) {
          const chunk = await reader.read();
          if (chunk.done) throw new Error(`stream ended: ${buffered}`);
          buffered += decoder.decode(chunk.value, { stream: true });
        }
        const lines = buffered.split("\n");
        const index = lines.findIndex((line) => line.startsWith("data:") && line.includes("reviewsSubmitted"));
        buffered = lines.slice(index + 1).join("\n");
        return JSON.parse((lines[index] as string).slice(5));
      };
      // The current state comes first; then the event of the next scorecard.
      expect(await nextEvent()).toEqual({ data: { roundProgress: { reviewsSubmitted: 0, missingReviews: 10 } } });
      const target = (await assignments(roundId)).find((a) => a.modelCode === scope.others[4] && !a.conflictDeclared);
      const saved = await call(
        SAVE,
        { r: roundId, m: target?.modelId, k: "REVIEW", ratings: ratingsOf(good), submit: true },
        tokens[target?.reviewerUsername as string],
      );
      expect(saved.data.saveScorecard.__typename).toBe("MutationSaveScorecardSuccess");
      expect(await nextEvent()).toEqual({ data: { roundProgress: { reviewsSubmitted: 1, missingReviews: 10 } } });
      await reader.cancel();
      // Once the client has gone, a change reaches nobody: no progress is read for it.
      gatewayStatements = 0;
      publishRoundProgress(createRoundEvents(bus), localIdOf(roundId));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(gatewayStatements).toBe(0);
    },
    LONG,
  );

  it(
    "hides others' scores until one's own is in, and draws a third reviewer on disagreement",
    async () => {
      const { roundId } = await roundAt("review-drawn");
      const disputed = scope.others[0] as string;
      const [first, second] = (await assignments(roundId)).filter((a) => a.modelCode === disputed);
      const firstName = first?.reviewerUsername as string;
      const secondName = second?.reviewerUsername as string;
      const submit = (username: string, code: string, scores: Record<string, number>) =>
        call(
          SAVE,
          { r: roundId, m: models[code]?.gid, k: "REVIEW", ratings: ratingsOf(scores), submit: true },
          tokens[username],
        );
      expect((await submit(firstName, disputed, good)).data.saveScorecard.data.extraReviewerAssigned).toBe(false);
      const before = (await call(VIEW, { r: roundId, m: models[disputed]?.gid }, tokens[secondName])).data.scorecards;
      expect(before).toEqual({ own: null, others: [], othersHidden: 2 });
      const draft = await call(
        SAVE,
        { r: roundId, m: models[disputed]?.gid, k: "REVIEW", ratings: ratingsOf(low), submit: false },
        tokens[secondName],
      );
      expect(draft.data.saveScorecard.data.version).toBe(1);
      const stillHidden = (await call(VIEW, { r: roundId, m: models[disputed]?.gid }, tokens[secondName])).data
        .scorecards;
      expect(stillHidden.own.status).toBe("draft");
      expect(stillHidden.others).toEqual([]);
      const resubmit = await call(
        `mutation($r: ID!, $m: ID!, $ratings: [ScorecardRatingInput!]!) { saveScorecard(roundId: $r, modelId: $m, kind: REVIEW, ratings: $ratings, submit: true, expectedVersion: 1) {
          ... on MutationSaveScorecardSuccess { data { version extraReviewerAssigned } } ... on Error { code } } }`,
        { r: roundId, m: models[disputed]?.gid, ratings: ratingsOf(low) },
        tokens[secondName],
      );
      expect(resubmit.data.saveScorecard.data).toEqual({ version: 2, extraReviewerAssigned: true });
      const after = (await call(VIEW, { r: roundId, m: models[disputed]?.gid }, tokens[secondName])).data.scorecards;
      expect(after.othersHidden).toBe(0);
      expect(after.others.map((c: any) => c.kind).sort()).toEqual(["review", "self"]);
      const changed = await submit(secondName, disputed, good);
      expect(changed.data.saveScorecard).toMatchObject({ code: "ROUND.SCORECARD_SUBMITTED" });
      const third = (await assignments(roundId)).find((a) => a.modelCode === disputed && a.source === "disagreement");
      expect(third).toBeDefined();
      expect([firstName, secondName]).not.toContain(third?.reviewerUsername);

      const early = await advance(roundId, "OPEN_COUNCIL");
      expect(early).toMatchObject({ code: "ROUND.REQUIREMENT_NOT_MET" });
      // Scorecards are missing (the third reviewer's among them): the refusal says which requirement.
      const details = JSON.parse(early.details);
      expect(details.requirement).toBe("reviews");
      expect(details.modelIds).toContain(models[disputed]?.id);

      for (const a of await assignments(roundId)) {
        if (a.conflictDeclared || a.scorecardStatus === "submitted") continue;
        const scores = scope.top.includes(a.modelCode) ? top : good;
        const saved = await submit(a.reviewerUsername, a.modelCode, scores);
        expect(saved.data.saveScorecard.__typename).toBe("MutationSaveScorecardSuccess");
      }
      const progress = (await call(ROUND, { id: roundId }, tokens["thanhliem.admin"])).data.node.progress;
      expect(progress).toMatchObject({
        eligibleModels: 10,
        missingReviews: 0,
        missingSelfAssessments: 0,
        reviewsSubmitted: 21,
      });
    },
    LONG,
  );

  it(
    "records the chair's decision with its reason, on the round's eligible models only",
    async () => {
      const { roundId } = await roundAt("review");
      const CHAIR = `mutation($r: ID!, $m: ID!, $d: String!, $why: String!) {
        recordChairDecision(roundId: $r, modelId: $m, decision: $d, reason: $why) {
          __typename ... on Error { code } } }`;
      const LIST = `query($id: ID!) { node(id: $id) { ... on Round {
        chairDecisions { modelId modelCode decision reason decidedBy decidedAt } } } }`;
      const admin = tokens["thanhliem.admin"] as string;
      const disputed = scope.others[0] as string;
      const outside = await call(
        CHAIR,
        { r: roundId, m: models[scope.ineligible]?.gid, d: "Giữ điểm", why: "Không có minh chứng" },
        admin,
      );
      expect(outside.data.recordChairDecision).toMatchObject({ code: "ROUND.MODEL_NOT_IN_ROUND" });
      expect((await call(LIST, { id: roundId }, admin)).data.node.chairDecisions).toEqual([]);

      for (const why of ["Hai giám khảo lệch nhau quá ngưỡng", "Đã đối chiếu hồ sơ: giữ điểm của giám khảo thứ ba"]) {
        const recorded = await call(CHAIR, { r: roundId, m: models[disputed]?.gid, d: "Giữ điểm", why }, admin);
        expect(recorded.data.recordChairDecision.__typename).toBe("MutationRecordChairDecisionSuccess");
      }
      // A second decision on the same model replaces the first.
      const listed = (await call(LIST, { id: roundId }, admin)).data.node.chairDecisions;
      expect(listed).toEqual([
        {
          modelId: models[disputed]?.gid,
          modelCode: disputed,
          decision: "Giữ điểm",
          reason: "Đã đối chiếu hồ sơ: giữ điểm của giám khảo thứ ba",
          decidedBy: "Ban Tuyên giáo Huyện ủy Thanh Liêm",
          decidedAt: at.toISOString(),
        },
      ]);
      // Reviewers do not see the organizer's decisions.
      const reviewer = await call(LIST, { id: roundId }, tokens["giamkhao.1"]);
      expect(reviewer.data?.node?.chairDecisions ?? null).toBeNull();
      expect(reviewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    },
    LONG,
  );

  it(
    "computes results with tiers, ranks and the quota, visible to admins only before publication",
    async () => {
      const { roundId } = await roundAt("reviewed");
      const preview = await call(
        `mutation($r: ID!) { computeRoundResults(roundId: $r) { __typename ... on Error { code } } }`,
        { r: roundId },
        tokens["thanhliem.admin"],
      );
      expect(preview.data.computeRoundResults.__typename).toBe("MutationComputeRoundResultsSuccess");
      expect(await advance(roundId, "OPEN_COUNCIL")).toMatchObject({ data: { round: { status: "council" } } });
      const results = (await call(RESULTS, { id: roundId }, tokens["thanhliem.admin"])).data.node.results;
      expect(results).toHaveLength(10);
      // Three models reach "excellent" on points, the quota (20 % of "good") lets one keep it.
      const excellent = results.filter((r: any) => r.tier === "excellent");
      const demoted = results.filter((r: any) => r.demotedFrom === "excellent");
      const goodCount = results.filter((r: any) => r.tier === "good").length;
      expect(excellent).toHaveLength(1);
      expect(demoted).toHaveLength(2);
      expect(excellent.length).toBeLessThanOrEqual(Math.floor(goodCount * 0.2));
      expect(results[0]).toMatchObject({ rank: 1, tier: "excellent" });
      for (const r of results) {
        // One rounding rule: the exact total rounded once, shown points adding up to it exactly.
        const sum = r.criteria.reduce((s: number, c: any) => s + Math.round(c.points * 1000), 0);
        expect(sum).toBe(Math.round(r.total * 1000));
        expect(r.explanation).toMatch(/^Tổng: /);
      }
      const disputed = results.find((r: any) => r.modelCode === scope.others[0]);
      expect(disputed.tier).toBe("pass");
      expect((await call(RESULTS, { id: roundId })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await call(RESULTS, { id: roundId }, tokens["phunu.canbo"])).errors?.[0]?.extensions?.code).toBe(
        "FORBIDDEN",
      );
    },
    LONG,
  );

  it(
    "needs a quorum and the approval threshold, then finalizes with a content hash",
    async () => {
      const { roundId } = await roundAt("council");
      const VOTE = `mutation($r: ID!, $m: Int!, $p: Int!, $f: Int!, $a: Int!) { recordCouncilDecision(roundId: $r, members: $m, present: $p, votesFor: $f, votesAgainst: $a, abstentions: 0, note: "Phiên họp hội đồng") {
        __typename ... on MutationRecordCouncilDecisionSuccess { data { outcome quorumNeeded approvalsNeeded } } ... on Error { code } } }`;
      const thin = await call(VOTE, { r: roundId, m: 9, p: 5, f: 5, a: 0 }, tokens["thanhliem.admin"]);
      expect(thin.data.recordCouncilDecision.data).toEqual({
        outcome: "no-quorum",
        quorumNeeded: 6,
        approvalsNeeded: 4,
      });
      expect(await advance(roundId, "FINALIZE")).toMatchObject({ code: "ROUND.REQUIREMENT_NOT_MET" });
      const split = await call(VOTE, { r: roundId, m: 9, p: 8, f: 5, a: 3 }, tokens["thanhliem.admin"]);
      expect(split.data.recordCouncilDecision.data.outcome).toBe("rejected");
      const yes = await call(VOTE, { r: roundId, m: 9, p: 8, f: 7, a: 1 }, tokens["thanhliem.admin"]);
      expect(yes.data.recordCouncilDecision.data.outcome).toBe("approved");
      const finalized = await advance(roundId, "FINALIZE");
      expect(finalized.data.round.status).toBe("finalized");
      expect(finalized.data.round.resultsHash).toMatch(/^[0-9a-f]{64}$/);
      expect(await hashRoundResults(database.db, localIdOf(roundId))).toBe(finalized.data.round.resultsHash);
    },
    LONG,
  );

  it(
    "refuses every change to a finalized round, through the API and in the database",
    async () => {
      const { roundId } = await roundAt("finalized");
      const admin = tokens["thanhliem.admin"];
      const before = (await call(RESULTS, { id: roundId }, admin)).data.node;
      const a = (await assignments(roundId))[0];
      const m = models[scope.others[3] as string]?.gid;
      const attempts: Array<[string, string, Record<string, unknown>, string | undefined]> = [
        [
          "saveScorecard",
          SAVE,
          { r: roundId, m, k: "REVIEW", ratings: ratingsOf(top), submit: true },
          tokens[a?.reviewerUsername as string],
        ],
        ["saveScorecard", SAVE, { r: roundId, m, k: "SELF", ratings: ratingsOf(top), submit: true }, admin],
        [
          "assignReviewers",
          `mutation($r: ID!, $m: ID!) { assignReviewers(roundId: $r, assignments: [{ modelId: $m, reviewerUsername: "giamkhao.1" }]) { __typename ... on Error { code } } }`,
          { r: roundId, m },
          admin,
        ],
        [
          "drawReviewerPanel",
          `mutation($r: ID!) { drawReviewerPanel(roundId: $r) { __typename ... on Error { code } } }`,
          { r: roundId },
          admin,
        ],
        [
          "declareConflict",
          `mutation($r: ID!, $m: ID!) { declareConflict(roundId: $r, modelId: $m, reason: "muộn") { __typename ... on Error { code } } }`,
          { r: roundId, m: a?.modelId },
          tokens[a?.reviewerUsername as string],
        ],
        [
          "recordChairDecision",
          `mutation($r: ID!, $m: ID!) { recordChairDecision(roundId: $r, modelId: $m, decision: "giữ", reason: "muộn") { __typename ... on Error { code } } }`,
          { r: roundId, m },
          admin,
        ],
        [
          "recordCouncilDecision",
          `mutation($r: ID!) { recordCouncilDecision(roundId: $r, members: 9, present: 9, votesFor: 0, votesAgainst: 9, abstentions: 0) { __typename ... on Error { code } } }`,
          { r: roundId },
          admin,
        ],
        [
          "computeRoundResults",
          `mutation($r: ID!) { computeRoundResults(roundId: $r) { __typename ... on Error { code } } }`,
          { r: roundId },
          admin,
        ],
      ];
      for (const [field, query, variables, token] of attempts) {
        const response = await call(query, variables, token);
        expect(response.errors, field).toBeUndefined();
        expect(response.data[field], field).toMatchObject({ code: "ROUND.LOCKED" });
      }
      for (const step of ["OPEN_SELF_ASSESSMENT", "OPEN_REVIEW", "OPEN_COUNCIL", "FINALIZE"]) {
        expect(await advance(roundId, step)).toMatchObject({ code: "ROUND.STEP_NOT_ALLOWED" });
      }
      // The database refuses too, whatever path a write takes.
      const id = localIdOf(roundId);
      const db = database.db;
      await expect(
        db.updateTable("round_results").set({ total_milli: 0 }).where("round_id", "=", id).execute(),
      ).rejects.toThrow(/finalized/);
      await expect(
        db.updateTable("scorecards").set({ ratings: "{}" }).where("round_id", "=", id).execute(),
      ).rejects.toThrow(/finalized/);
      await expect(db.deleteFrom("reviewer_assignments").where("round_id", "=", id).execute()).rejects.toThrow(
        /finalized/,
      );
      await expect(
        db.updateTable("rounds").set({ criteria_version_id: id }).where("id", "=", id).execute(),
      ).rejects.toThrow(/finalized/);
      await expect(sql`update rounds set status = 'review' where id = ${id}`.execute(db)).rejects.toThrow(/finalized/);
      const after = (await call(RESULTS, { id: roundId }, admin)).data.node;
      expect(after).toEqual(before);
      expect(await hashRoundResults(db, id)).toBe(before.resultsHash);
    },
    LONG,
  );

  it(
    "commends from the finalized results into the models' records and the golden book, once per key",
    async () => {
      const { roundId } = await roundAt("finalized");
      const COMMEND = `mutation($r: ID!, $key: String!) { issueRoundCommendations(roundId: $r, idempotencyKey: $key, input: {
        tiers: ["excellent", "good"], decisionNumber: "15-QĐ/HU", decisionDate: "2023-01-10",
        issuer: "Ban Thường vụ Huyện ủy Thanh Liêm", level: "district", form: "certificate-of-commendation", goldenBook: true }) {
        __typename ... on MutationIssueRoundCommendationsSuccess { data { commended goldenBookEntries } } ... on Error { code } } }`;
      const results = (await call(RESULTS, { id: roundId }, tokens["thanhliem.admin"])).data.node.results;
      const expected = results.filter((r: any) => r.tier === "excellent" || r.tier === "good");
      const issued = await call(COMMEND, { r: roundId, key: "commend-2023-15" }, tokens["thanhliem.admin"]);
      expect(issued.data.issueRoundCommendations.data).toEqual({
        commended: expected.length,
        goldenBookEntries: expected.length,
      });
      const replay = await call(COMMEND, { r: roundId, key: "commend-2023-15" }, tokens["thanhliem.admin"]);
      expect(replay.data.issueRoundCommendations.data.commended).toBe(expected.length);
      const id = localIdOf(roundId);
      const stored = await database.db.selectFrom("commendations").select("id").where("round_id", "=", id).execute();
      expect(stored).toHaveLength(expected.length);
      const record = await call(
        `query($id: ID!) { node(id: $id) { ... on Model { commendations { decisionNumber form issuer } } } }`,
        { id: expected[0].modelId },
        tokens["thanhliem.admin"],
      );
      expect(record.data.node.commendations).toContainEqual({
        decisionNumber: "15-QĐ/HU",
        form: "certificate-of-commendation",
        issuer: "Ban Thường vụ Huyện ủy Thanh Liêm",
      });
      const book = await database.db
        .selectFrom("golden_book_entries as g")
        .innerJoin("commendations as c", "c.id", "g.commendation_id")
        .select("g.status")
        .where("c.round_id", "=", id)
        .execute();
      expect(book.map((b) => b.status)).toEqual(expected.map(() => "verified"));
    },
    LONG,
  );

  it(
    "exports the leaderboard and scorecards as XLSX and CSV whose numbers match the API",
    async () => {
      const { roundId, code } = await roundAt("finalized");
      const EXPORT = `query($r: ID!, $f: RoundExportFormat!) { roundExport(roundId: $r, format: $f) { filename mimeType base64 bytes } }`;
      expect((await call(EXPORT, { r: roundId, f: "XLSX" })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const xlsx = (await call(EXPORT, { r: roundId, f: "XLSX" }, tokens["thanhliem.admin"])).data.roundExport;
      expect(xlsx.filename).toBe(`${code}-ket-qua.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(xlsx.base64, "base64") as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet("Bảng xếp hạng");
      expect(sheet).toBeDefined();
      const headers = ((sheet?.getRow(1).values ?? []) as unknown[]).slice(1) as string[];
      const col = (name: string) => headers.indexOf(name) + 1;
      expect(headers.slice(0, 4)).toEqual(["Hạng", "Mã mô hình", "Tên mô hình", "Đơn vị"]);
      const results = (await call(RESULTS, { id: roundId }, tokens["thanhliem.admin"])).data.node.results;
      const tierVi: Record<string, string> = {
        excellent: "Tiêu biểu xuất sắc",
        good: "Tiêu biểu",
        pass: "Đạt",
        fail: "Chưa đạt",
      };
      expect(sheet?.rowCount).toBe(results.length + 1);
      results.forEach((r: any, i: number) => {
        const row = sheet?.getRow(i + 2);
        expect(row?.getCell(col("Mã mô hình")).value).toBe(r.modelCode);
        expect(row?.getCell(col("Hạng")).value).toBe(r.rank);
        expect(row?.getCell(col("Tổng điểm")).value).toBe(r.total);
        expect(row?.getCell(col("Xếp loại")).value).toBe(tierVi[r.tier]);
        for (const c of r.criteria) expect(row?.getCell(col(c.label)).value).toBe(c.points);
        expect(row?.getCell(col("Hạ từ xếp loại (hạn mức)")).value ?? null).toBe(
          r.demotedFrom ? tierVi[r.demotedFrom] : null,
        );
      });
      const cards = workbook.getWorksheet("Phiếu chấm");
      expect(cards?.rowCount).toBe(1 + 10 + 21);
      const cardHeaders = ((cards?.getRow(1).values ?? []) as unknown[]).slice(1) as string[];
      expect(cardHeaders).toContain("Nhận xét");
      const reviewRows = [...Array(31).keys()].map((i) => cards?.getRow(i + 2));
      expect(reviewRows.filter((row) => row?.getCell(3).value === "Giám khảo")).toHaveLength(21);
      expect(String(reviewRows[0]?.getCell(cardHeaders.indexOf("Nhận xét") + 1).value)).toContain("Nhận xét");
      const csv = (await call(EXPORT, { r: roundId, f: "CSV" }, tokens["thanhliem.admin"])).data.roundExport;
      const text = Buffer.from(csv.base64, "base64").toString("utf8");
      expect(text.startsWith("\uFEFF# Bảng xếp hạng")).toBe(true);
      expect(text).toContain("Hạng,Mã mô hình,Tên mô hình,Đơn vị");
      expect(text).toContain(`${results[0].rank},${results[0].modelCode}`);
      // Each result's line carries its per-criterion points and total as the API gives them.
      for (const r of results) {
        const line = text.split("\n").find((l) => l.includes(`,${r.modelCode},`)) ?? "";
        expect(line).toContain(`,${[...r.criteria.map((c: any) => c.points), r.total, r.max].join(",")},`);
      }
    },
    LONG,
  );

  it(
    "publishes: results and explanations become public",
    async () => {
      const { roundId, code } = await roundAt("finalized");
      expect(await advance(roundId, "PUBLISH")).toMatchObject({ data: { round: { status: "published" } } });
      const open = await call(RESULTS, { id: roundId });
      expect(open.errors).toBeUndefined();
      expect(open.data.node.results).toHaveLength(10);
      // The public leaderboard lists them in the same order, tied totals included, with the
      // same numbers: totals and per-criterion points as the results give them.
      const board = await call(`{ leaderboard(roundCode: "${code}") { modelCode rank total breakdown } }`);
      expect(
        board.data.leaderboard.map((b: any) => ({
          modelCode: b.modelCode,
          rank: b.rank,
          total: b.total,
          points: JSON.parse(b.breakdown).criteria.map((c: any) => c.pointsMilli / 1000),
        })),
      ).toEqual(
        open.data.node.results.map((r: any) => ({
          modelCode: r.modelCode,
          rank: r.rank,
          total: r.total,
          points: r.criteria.map((c: any) => c.points),
        })),
      );
      const rounds = await call(`{ publishedRounds { code resultsHash } }`);
      expect(rounds.data.publishedRounds).toContainEqual({
        code,
        resultsHash: open.data.node.resultsHash,
      });
    },
    LONG,
  );

  it(
    "rescores the finalized round under another criteria version side by side, changing nothing",
    async () => {
      const { roundId } = await roundAt("published");
      // Version 2 weighs novelty more and reach less.
      const draft = structuredClone(defaultCriteriaSet) as CriteriaSetDraft;
      const reweighed = {
        ...draft,
        criteria: draft.criteria.map((c) =>
          c.kind === "rating" && c.id === "novelty"
            ? { ...c, points: 30 }
            : c.kind === "rating" && c.id === "reach"
              ? { ...c, points: 5 }
              : c,
        ),
      };
      const v2 = publishCriteriaSet(reweighed, { version: 2, publishedAt: "2023-02-01T08:00:00+07:00" });
      if (!v2.ok) throw new Error(v2.error.message.en);
      const set = await database.db
        .selectFrom("criteria_sets")
        .select("id")
        .where("code", "=", "default")
        .executeTakeFirstOrThrow();
      await database.db
        .insertInto("criteria_set_versions")
        .values({
          criteria_set_id: set.id,
          version_number: 2,
          status: "published",
          definition: JSON.stringify(v2.value),
          content_hash: contentHash(v2.value),
          published_at: v2.value.publishedAt,
        })
        .execute();
      const before = (await call(RESULTS, { id: roundId }, tokens["thanhliem.admin"])).data.node;
      const WHAT_IF = `query($r: ID!) { roundWhatIf(roundId: $r, criteriaSetCode: "default", criteriaVersion: 2) {
        __typename ... on QueryRoundWhatIfSuccess { data { modelId totalBefore totalAfter tierBefore tierAfter rankBefore rankAfter tierChanged } } ... on Error { code } } }`;
      expect((await call(WHAT_IF, { r: roundId }, tokens["giamkhao.1"])).errors?.[0]?.extensions?.code).toBe(
        "FORBIDDEN",
      );
      const rows = (await call(WHAT_IF, { r: roundId }, tokens["thanhliem.admin"])).data.roundWhatIf.data;
      expect(rows).toHaveLength(before.results.length);
      for (const r of before.results) {
        const row = rows.find((w: any) => w.modelId === r.modelId);
        expect(row).toMatchObject({ totalBefore: r.total, tierBefore: r.tier, rankBefore: r.rank });
      }
      expect(rows.some((w: any) => w.totalAfter !== w.totalBefore)).toBe(true);
      const after = (await call(RESULTS, { id: roundId }, tokens["thanhliem.admin"])).data.node;
      expect(after).toEqual(before);
    },
    LONG,
  );
});
