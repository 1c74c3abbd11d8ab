import { Badge, createTheme } from "@mantine/core";

/**
 * The admin app's Mantine theme: one place for colours, fonts and radii. The primary
 * red is dark enough for white text at WCAG AA contrast.
 */
export const theme = createTheme({
  primaryColor: "red",
  primaryShade: { light: 8, dark: 6 },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  defaultRadius: "sm",
  components: {
    // Upper-case Vietnamese stacks its marks and reads poorly in a small badge: keep the words as written.
    Badge: Badge.extend({ defaultProps: { tt: "none" } }),
  },
});
