import type { RunOptions, UseCase } from "@lantoa/app";
import type { SessionUser } from "@lantoa/db";
import { GraphQLError } from "graphql";
import type * as z from "zod";
import type { Context } from "../context.js";
import { fail } from "./errors.js";
import { UUID } from "./unit.js";

/** The signed-in viewer; a resolver behind a scope that implies sign-in still says so plainly. */
export function requireViewer(context: Context): SessionUser {
  if (!context.viewer) {
    throw new GraphQLError("Hãy đăng nhập. / Sign in first.", { extensions: { code: "UNAUTHENTICATED" } });
  }
  return context.viewer;
}

/**
 * Runs a use case for the signed-in viewer and returns its value, or throws its typed
 * error as a {@link DomainFailure} for the field's error union: what every mutation
 * resolver does after mapping its arguments.
 *
 * @example resolve: (_root, args, context) => perform(context, renameUnit, { unitId: args.id.id, ... })
 */
export async function perform<Schema extends z.ZodType, Output, Prepared>(
  context: Context,
  useCase: UseCase<Schema, Output, Prepared>,
  input: z.input<Schema>,
  options?: RunOptions,
): Promise<Output> {
  const result = await context.app.run(useCase, requireViewer(context), input, options);
  if (!result.ok) fail(result.error);
  return result.value;
}

/** The request's day (YYYY-MM-DD), the date statuses are judged on. */
export function today(context: Context): string {
  return context.now.toISOString().slice(0, 10);
}

/** The materialized path of a unit, or null when there is none. */
export function unitPathOf(context: Context, unitId: string): Promise<string | null> {
  // Through the request's read batch: a list's scope check shares its statement with whatever else is due.
  return context.reads.run({
    query: context.db.selectFrom("units").select("path").where("id", "=", unitId),
    timestamps: [],
    arrange: (rows) => rows[0]?.path ?? null,
  });
}

/**
 * The uuid inside a global id of a type that is not a Relay node (a commendation, a
 * finding…); a forged id or one of another type is a typed user error.
 */
export function localId(globalId: { typename: string; id: string }, typename: string): string {
  if (globalId.typename !== typename || !UUID.test(globalId.id)) {
    throw new GraphQLError(`Không phải mã ${typename}. / Not a ${typename} id.`, { extensions: { code: "BAD_ID" } });
  }
  return globalId.id;
}
