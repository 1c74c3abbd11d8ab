/**
 * The rules a model's fields must meet, as the gateway's `CreateModelInput`/`UpdateModelInput`
 * and the domain's `ModelSchema` state them, checked in the browser so the user sees them beside
 * the field. Shared by the create, edit and replication forms.
 */
export const modelCodePattern = /^[\p{L}\p{N}._-]{1,64}$/u;

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** One to ten distinct field codes. */
export function validFields(codes: readonly string[]): boolean {
  return codes.length >= 1 && codes.length <= 10 && new Set(codes).size === codes.length;
}
