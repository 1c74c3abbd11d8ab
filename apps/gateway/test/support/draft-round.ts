import { type GatewayHarness, globalId } from "./gateway-harness.js";

/**
 * A draft round organized by Thanh Liêm (TL) for the named models, made by the system admin
 * through the API; returns its uuid. Tests move it along the steps they need directly.
 */
export async function draftRound(h: GatewayHarness, code: string, modelCodes: readonly string[]): Promise<string> {
  const created = await h.call(
    `mutation($i: CreateRoundInput!, $k: String!) { createRound(input: $i, idempotencyKey: $k) {
      ... on MutationCreateRoundSuccess { data { round { id } } } ... on Error { code } } }`,
    {
      i: {
        code,
        name: `Đợt thử ${code}`,
        criteriaSetCode: "default",
        criteriaVersion: 1,
        organizerUnitId: globalId("Unit", h.units.TL ?? ""),
        period: "2023",
        referenceDate: "2023-08-15",
        modelCodes,
      },
      k: `draft-round-${code}`,
    },
    h.tokens.systemAdmin,
  );
  const id = created.data?.createRound?.data?.round?.id;
  if (typeof id !== "string") throw new Error(`Round ${code} was not created: ${JSON.stringify(created)}`);
  return Buffer.from(id, "base64").toString().split(":")[1] ?? "";
}
