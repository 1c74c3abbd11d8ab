/** One answer as the chaos run records it: the HTTP status, the first error's code, the data. */
export interface Answer {
  readonly status: number;
  readonly code: string | null;
  readonly data: any;
  readonly ms: number;
}

/** The answer a response gives: its status, its first error's code (a body that is not JSON has none), its data. */
async function answerOf(response: Response, started: number): Promise<Answer> {
  const body = (await response.json().catch(() => ({}))) as {
    data?: Answer["data"];
    errors?: { extensions?: { code?: string } }[];
  };
  return {
    status: response.status,
    code: body.errors?.[0]?.extensions?.code ?? null,
    data: body.data ?? null,
    ms: performance.now() - started,
  };
}

/** Posts a GraphQL request; a network failure is an answer too (status 0, code NETWORK). */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string | undefined; from?: string; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": options.from ?? "192.0.2.10",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
    return await answerOf(response, started);
  } catch {
    return { status: 0, code: "NETWORK", data: null, ms: performance.now() - started };
  }
}

/** Sends a multipart upload (operations, map, one file) and records the answer. */
export async function upload(
  url: string,
  operations: { query: string; variables: Record<string, unknown> },
  file: Blob,
  filename: string,
  options: { token?: string | undefined; from?: string } = {},
): Promise<Answer> {
  const started = performance.now();
  const form = new FormData();
  form.set("operations", JSON.stringify({ ...operations, variables: { ...operations.variables, file: null } }));
  form.set("map", JSON.stringify({ 0: ["variables.file"] }));
  form.set("0", file, filename);
  try {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "x-graphql-csrf": "1",
        "x-forwarded-for": options.from ?? "192.0.2.11",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: form,
      signal: AbortSignal.timeout(300_000),
    });
    return await answerOf(response, started);
  } catch {
    // The gateway answered before the body was sent and closed the connection: refused unread.
    return { status: 0, code: "CLOSED_EARLY", data: null, ms: performance.now() - started };
  }
}

/** Signs a demo user in and returns the token. */
export async function signIn(url: string, username: string, from = "192.0.2.12"): Promise<string> {
  const answer = await post(
    url,
    `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on MutationLoginSuccess { data { token } } ... on Error { code } } }`,
    { u: username, p: "lantoa-demo" },
    { from },
  );
  const token = answer.data?.login?.data?.token;
  if (typeof token !== "string") throw new Error(`${username} could not sign in: ${JSON.stringify(answer)}`);
  return token;
}

/** Counts answers by outcome: the status and code, e.g. `200 OK`, `503 DB.UNAVAILABLE`. */
export function tally(answers: readonly Answer[]): string {
  const counts = new Map<string, number>();
  for (const a of answers) {
    const key = `${a.status} ${a.code ?? "OK"}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n}× ${k}`).join(", ");
}
