import { servePublic } from "../../src/index.js";
import type { GatewayHarness } from "./gateway-harness.js";

/** The demo data's "today", as the harness's clock has it. */
export const TODAY = "2023-09-01";

/** A 1 × 1 PNG, for photo uploads. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** GETs a public page of the harness's database, as the HTTP server would answer it. */
export async function getPublic(h: GatewayHarness, path: string): Promise<Response> {
  return servePublic(new URL(path, "http://test"), { db: h.database.db, storage: h.storage }, TODAY);
}

/** The addresses a public page links to or loads, on the same site, without their fragment. */
export function linksOf(page: string): string[] {
  return [...page.matchAll(/(?:href|src)="([^"]+)"/g)]
    .map((m) => (m[1] ?? "").replace(/&amp;/g, "&"))
    .filter((link) => link.startsWith("/"))
    .map((link) => link.split("#")[0] as string);
}

/** Uploads a photo of a model as the demo account and returns the evidence's global id. */
export async function uploadPhoto(
  h: GatewayHarness,
  modelId: string,
  title: string,
  username: string,
): Promise<string> {
  const token = await h.signInAs(username);
  const model = await h.call(`query($id: ID!) { node(id: $id) { ... on Model { version } } }`, { id: modelId }, token);
  const query = `mutation($m: ID!, $file: File!, $v: Int!, $t: String!) { addEvidence(modelId: $m, title: $t, file: $file, expectedVersion: $v) { ... on MutationAddEvidenceSuccess { data { model { evidence { id title } } } } ... on Error { code } } }`;
  const file = new File([TINY_PNG], "anh.png", { type: "image/png" });
  const result = await h.upload(
    { query, variables: { m: modelId, file: null, v: model.data.node.version, t: title } },
    file,
    token,
  );
  const evidence = result.data?.addEvidence?.data?.model?.evidence as { id: string; title: string }[] | undefined;
  const id = evidence?.find((e) => e.title === title)?.id;
  if (!id) throw new Error(`upload failed: ${JSON.stringify(result)}`);
  return id;
}
