/** HTML that is already safe to send: built by {@link html} or marked with {@link trusted}. */
export interface SafeHtml {
  readonly __html: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML: every character that could open markup or end an attribute is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Marks markup this module wrote itself as safe (never data). */
export function trusted(markup: string): SafeHtml {
  return { __html: markup };
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  if (typeof value === "object" && "__html" in value) return value.__html;
  return escapeHtml(String(value));
}

/**
 * A template for HTML whose every interpolated value is escaped, unless it is itself
 * {@link SafeHtml}: the public pages show data typed by many people, so nothing from the
 * database reaches the page unescaped.
 *
 * @example html`<h1>${model.name}</h1>` // "<h1>Hũ gạo &lt;tiết kiệm&gt;</h1>" for a name with brackets
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return trusted(out);
}
