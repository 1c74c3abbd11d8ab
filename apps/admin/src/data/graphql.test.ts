import { GraphQLRequestError } from "@lantoa/client";
import { describe, expect, it } from "vitest";
import { DomainRefusal, isTransient, payloadOf, retryWhenTransient } from "./graphql";

describe("payloadOf", () => {
  it("gives the one root field's success", () => {
    expect(payloadOf({ createUnit: { __typename: "MutationCreateUnitSuccess", data: 1 } })).toEqual({
      __typename: "MutationCreateUnitSuccess",
      data: 1,
    });
  });

  it("throws a DomainError as a refusal with its code, words and parsed details", () => {
    let thrown: unknown;
    try {
      payloadOf({
        advanceRound: {
          __typename: "DomainError",
          code: "ROUND.REQUIREMENT_NOT_MET",
          message: "Two models lack a self-assessment.",
          messageVi: "Hai mô hình chưa tự đánh giá.",
          details: JSON.stringify({ requirement: "self-assessments", modelIds: ["a", "b"] }),
        },
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainRefusal);
    expect(thrown).toMatchObject({
      code: "ROUND.REQUIREMENT_NOT_MET",
      messageVi: "Hai mô hình chưa tự đánh giá.",
      details: { requirement: "self-assessments", modelIds: ["a", "b"] },
    });
  });
});

describe("retries", () => {
  it("retry only what failed on the way: no answer, or a 5xx", () => {
    expect(isTransient(new GraphQLRequestError("network", "down"))).toBe(true);
    expect(isTransient(new GraphQLRequestError("http", "bad gateway", { status: 502 }))).toBe(true);
    expect(isTransient(new GraphQLRequestError("http", "too large", { status: 413 }))).toBe(false);
    expect(
      isTransient(
        new GraphQLRequestError("graphql", "no", { errors: [{ message: "no", extensions: { code: "FORBIDDEN" } }] }),
      ),
    ).toBe(false);
    expect(isTransient(new DomainRefusal({ code: "DB.STALE_VERSION" }))).toBe(false);
  });

  it("give up after two more tries", () => {
    const down = new GraphQLRequestError("network", "down");
    expect([0, 1, 2].map((n) => retryWhenTransient(n, down))).toEqual([true, true, false]);
  });
});
