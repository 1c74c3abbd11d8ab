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
  const ids = parsedDetails(details).modelIds;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : [];
}

/** A text entry of a DomainError's `details` (e.g. `requirement` of ROUND.REQUIREMENT_NOT_MET), or null. */
export function detailOf(details: string | null | undefined, key: string): string | null {
  const value = parsedDetails(details)[key];
  return typeof value === "string" ? value : null;
}

function parsedDetails(details: string | null | undefined): Record<string, unknown> {
  if (!details) return {};
  try {
    const parsed: unknown = JSON.parse(details);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A fresh idempotency key for a create. */
export const newKey = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** A `node(id:)` answer as a round, or null when the id named something else. */
export function roundNode<T extends object>(node: T | null | undefined): Exclude<T, Record<PropertyKey, never>> | null {
  return node && "id" in node ? (node as Exclude<T, Record<PropertyKey, never>>) : null;
}
