import {
  Badge,
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from "@mantine/core";

/**
 * Colours that keep WCAG AA contrast (4.5:1 for text): Mantine's default shades put mid-tone
 * text (green, orange, yellow on a light tint; white on a yellow or green fill) below it. Text
 * of light, subtle and outline elements is the colour's darkest shade mixed with black; fills of
 * other colours than the primary red (whose shade 9 is dark enough) are darkened the same way
 * under white text.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const deep = `var(--mantine-color-${parsed.color}-9)`;
  switch (input.variant) {
    case "light":
    case "subtle":
    case "transparent":
      return { ...colors, color: `color-mix(in srgb, ${deep} 70%, black)` };
    case "outline":
      return { ...colors, color: `color-mix(in srgb, ${deep} 70%, black)`, border: `1px solid ${deep}` };
    case "filled":
      // The primary red's shade 9 already carries white text at 5.5:1.
      if (parsed.color === input.theme.primaryColor) return colors;
      return {
        ...colors,
        background: `color-mix(in srgb, ${deep} 75%, black)`,
        hover: `color-mix(in srgb, ${deep} 65%, black)`,
        color: "var(--mantine-color-white)",
      };
    default:
      return colors;
  }
};

/**
 * The admin app's Mantine theme: one place for colours, fonts and radii. The primary red's
 * shade 9 carries white text and reads as a link on white and on striped rows at AA contrast.
 */
export const theme = createTheme({
  primaryColor: "red",
  primaryShade: { light: 9, dark: 6 },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  defaultRadius: "sm",
  variantColorResolver,
  components: {
    // Upper-case Vietnamese stacks its marks and reads poorly in a small badge: keep the words
    // as written, and show a status whole, never cut to "Đang tri…" (a table column widens for it).
    Badge: Badge.extend({
      defaultProps: { tt: "none" },
      styles: {
        root: { height: "auto", minHeight: "var(--badge-height)", whiteSpace: "nowrap", paddingBlock: 2 },
        label: { whiteSpace: "inherit", overflow: "visible", textOverflow: "clip", lineHeight: 1.25 },
      },
    }),
  },
});

/** Dimmed help text in gray 7 (8.2:1 on white) and placeholders in a lighter grey still at 5:1, rather than Mantine's gray 6 (3.3:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "#666d74",
    // Field errors in red 9 (5.5:1), not red 6 (3.3:1).
    "--mantine-color-error": "var(--mantine-color-red-9)",
  },
  dark: {},
});
