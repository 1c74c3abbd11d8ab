import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftRound } from "./support/draft-round.js";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";

const READ = `query($id: ID!) { node(id: $id) { ... on Round { version deadlines { selfAssessment review council }
  lateScorecards { modelCode reviewerName due } } } }`;
const SET = `mutation($r: ID!, $d: RoundDeadlinesInput!, $v: Int!) { setRoundDeadlines(roundId: $r, deadlines: $d, expectedVersion: $v) {
  __typename ... on Error { code } } }`;

describe.each(testEngines())("round deadlines over the API on %s", (engine) => {
  let h: GatewayHarness;
  let rounds = 0;
  beforeAll(async () => {
    h = await startGatewayHarness(engine);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  /** A draft round over one Hội Phụ nữ model, with giamkhao.3 assigned to it and nothing submitted. */
  const roundWithReviewer = async () => {
    const model = await h.database.db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select(["m.id", "m.code"])
      .where("u.code", "=", "TL-HPN")
      .where("m.status", "=", "active")
      .orderBy("m.code")
      .executeTakeFirstOrThrow();
    const id = await draftRound(h, `DEADLINES-${engine}-${++rounds}`, [model.code]);
    const reviewer = await h.database.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "giamkhao.3")
      .executeTakeFirstOrThrow();
    await h.database.db
      .insertInto("reviewer_assignments")
      .values({ round_id: id, model_id: model.id, reviewer_user_id: reviewer.id, source: "manual" })
      .execute();
    return { gid: globalId("Round", id), model };
  };
  const read = async (gid: string, username: string) =>
    (await h.call(READ, { id: gid }, await h.signInAs(username))).data?.node;

  it("sets a round's deadlines for its admin and shows them on the round", async () => {
    const round = await roundWithReviewer();
    const { version } = await read(round.gid, "thanhliem.admin");
    const set = await h.call(
      SET,
      { r: round.gid, d: { selfAssessment: "2023-08-25", review: "2023-08-28" }, v: version },
      await h.signInAs("thanhliem.admin"),
    );
    expect(set.data?.setRoundDeadlines?.__typename).toBe("MutationSetRoundDeadlinesSuccess");
    expect((await read(round.gid, "thanhliem.admin")).deadlines).toEqual({
      selfAssessment: "2023-08-25",
      review: "2023-08-28",
      council: null,
    });
  });

  it("lists the late scorecards to the organizer's admin only, once the review deadline has passed", async () => {
    const round = await roundWithReviewer();
    const { version } = await read(round.gid, "thanhliem.admin");
    await h.call(SET, { r: round.gid, d: { review: "2023-08-28" }, v: version }, await h.signInAs("thanhliem.admin"));
    expect((await read(round.gid, "thanhliem.admin")).lateScorecards).toEqual([
      { modelCode: round.model.code, reviewerName: "Giám khảo Lê Minh Tâm", due: "2023-08-28" },
    ]);
    expect((await read(round.gid, "giamkhao.3")).lateScorecards).toEqual([]);
  });
});
