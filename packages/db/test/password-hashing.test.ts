import { describe, expect, it } from "vitest";
import { hashPassword, PASSWORD_HASHING_SLOTS, passwordHashesWaiting, verifyPassword } from "../src/index.js";

describe("password hashing", () => {
  it("runs at most PASSWORD_HASHING_SLOTS scrypts at once; the rest wait their turn and all finish", async () => {
    const stored = await hashPassword("đúng");
    const checks = Array.from({ length: PASSWORD_HASHING_SLOTS + 2 }, (_, i) =>
      verifyPassword(i === 0 ? "đúng" : "sai", stored),
    );
    expect(passwordHashesWaiting()).toBe(2);
    expect(await Promise.all(checks)).toEqual([true, ...Array(PASSWORD_HASHING_SLOTS + 1).fill(false)]);
    expect(passwordHashesWaiting()).toBe(0);
  }, 60_000);
});
