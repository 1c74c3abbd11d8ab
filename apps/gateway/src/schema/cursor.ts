import { GraphQLError } from "graphql";

/** Opaque cursors: base64url of a keyset value, so clients do not build them by hand. */
export function encodeCursor(value: string): string {
  return Buffer.from(value, "utf8").toString("base64url");
}

/** The typed user error of a forged or foreign cursor. */
export function badCursor(): GraphQLError {
  return new GraphQLError("The cursor is not valid; use a cursor returned by this API.", {
    extensions: { code: "BAD_CURSOR" },
  });
}

/** Decodes a cursor from a client and checks its shape; a forged one is a typed user error. */
export function decodeCursor(cursor: string, shape: RegExp): string {
  const value = Buffer.from(cursor, "base64url").toString("utf8");
  if (!shape.test(value)) throw badCursor();
  return value;
}
