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

/** The model ids a refusal's details name (`{ modelIds: [...] }`), if any. */
export function modelIdsOf(details: string | null | undefined): string[] {
  if (!details) return [];
  try {
    const parsed = JSON.parse(details) as { modelIds?: unknown };
    return Array.isArray(parsed.modelIds) ? parsed.modelIds.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** A fresh idempotency key for a create. */
export const newKey = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** A `node(id:)` answer as a round, or null when the id named something else. */
export function roundNode<T extends object>(node: T | null | undefined): Exclude<T, Record<PropertyKey, never>> | null {
  return node && "id" in node ? (node as Exclude<T, Record<PropertyKey, never>>) : null;
}
