import { describe, expect, it } from "vitest";
import { type TransitionModelMutation, ViewerDocument } from "./graphql.gen.js";
import { GraphQLRequestError, isDomainError, request } from "./request.js";

function fakeFetch(respond: (init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return respond(init ?? {});
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("request", () => {
  it("posts the document's text and variables with the bearer token, and returns data", async () => {
    const { fetch, calls } = fakeFetch(() => json({ data: { viewer: { username: "xem" } } }));
    const data = await request("/graphql", ViewerDocument, {}, { token: "t0k", fetch });
    expect(data.viewer?.username).toBe("xem");
    const sent = JSON.parse(String(calls[0]!.init.body));
    expect(sent.query).toContain("query Viewer");
    expect(sent.query).toContain("fragment ViewerFields on Viewer");
    expect(sent.variables).toEqual({});
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe("Bearer t0k");
    expect(calls[0]!.init.method).toBe("POST");
  });

  it("sends no authorization header without a token", async () => {
    const { fetch, calls } = fakeFetch(() => json({ data: { viewer: null } }));
    await request("/graphql", ViewerDocument, {}, { token: null, fetch });
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBeUndefined();
  });

  it("throws the first GraphQL error's code", async () => {
    const { fetch } = fakeFetch(() =>
      json({ data: null, errors: [{ message: "Sign in first.", extensions: { code: "UNAUTHENTICATED" } }] }),
    );
    const error = await request("/graphql", ViewerDocument, {}, { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect(error).toMatchObject({ kind: "graphql", code: "UNAUTHENTICATED", message: "Sign in first." });
  });

  it("tells a network failure from an HTTP answer without a GraphQL body", async () => {
    const down = async () => {
      throw new TypeError("fetch failed");
    };
    await expect(request("/graphql", ViewerDocument, {}, { fetch: down })).rejects.toMatchObject({ kind: "network" });
    const { fetch } = fakeFetch(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(request("/graphql", ViewerDocument, {}, { fetch })).rejects.toMatchObject({
      kind: "http",
      status: 502,
    });
  });
});

describe("isDomainError", () => {
  it("narrows a mutation result to its error branch", () => {
    const failed: TransitionModelMutation["transitionModel"] = {
      __typename: "DomainError",
      code: "DB.STALE_VERSION",
      message: "stale",
      messageVi: "cũ",
    };
    expect(isDomainError(failed)).toBe(true);
    expect(isDomainError({ __typename: "MutationTransitionModelSuccess", data: { model: null } })).toBe(false);
    expect(isDomainError(null)).toBe(false);
  });
});
