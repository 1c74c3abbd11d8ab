/** The database id inside a global id ("Model:<uuid>" in base64), or the id itself. */
export function rawId(globalId: string): string {
  try {
    const text = atob(globalId);
    const colon = text.indexOf(":");
    return colon > 0 ? text.slice(colon + 1) : globalId;
  } catch {
    return globalId;
  }
}

/** The model ids a refusal's details name (`{ modelIds: [...] }` of ROUND.REQUIREMENT_NOT_MET), if any. */
export function modelIdsOf(details: Readonly<Record<string, unknown>>): string[] {
  const ids = details.modelIds;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : [];
}

/** A fresh idempotency key for a create that is not a form. */
export const newKey = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;

/** A `node(id:)` answer as a round, or null when the id named something else. */
export function roundNode<T extends object>(node: T | null | undefined): Exclude<T, Record<PropertyKey, never>> | null {
  return node && "id" in node ? (node as Exclude<T, Record<PropertyKey, never>>) : null;
}
