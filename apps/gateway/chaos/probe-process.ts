/**
 * The probe, in a process of its own so that what the chaos run itself does (building a
 * 20 MB body, serializing 150,000 ids) never delays it: another user's small query that
 * reads the database (the published rounds), every 200 ms, one at a time. Prints one JSON
 * line per answer: when it was sent (epoch ms), how long it took, whether it succeeded.
 */
const url = process.argv[2];
for (;;) {
  const at = Date.now();
  const started = performance.now();
  let ok = false;
  try {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.200" },
      body: JSON.stringify({ query: "{ publishedRounds { code } }" }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { errors?: unknown };
    ok = response.ok && !body.errors;
  } catch {
    ok = false;
  }
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ at, ms, ok })}\n`);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 200 - ms)));
}
