/**
 * Light or dark, for the pane and the help page (pure: no Office global, no DOM; tested in
 * test/taskpane/theme.test.ts).
 *  - The pane follows Office's theme, Office.context.officeTheme, where the host defines it
 *    (desktop Excel): dark when its body background is dark. Where it is undefined (Excel on the
 *    web), nothing is set and taskpane.css follows prefers-color-scheme.
 *  - The help page has no Office: the pane's link passes the theme in the URL (?theme=dark);
 *    opened any other way, it follows prefers-color-scheme too.
 */
export type Theme = "light" | "dark";

/** The relative luminance (WCAG 2) of #rgb or #rrggbb; undefined for any other text. */
export function luminance(color: string): number | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/**
 * Office's theme as light or dark: dark when the body background is nearer black than white
 * (its luminance below 0.18, where black and white text contrast with it equally); undefined
 * when Office gives no theme or no readable colour.
 */
export function themeOf(officeTheme: { bodyBackgroundColor?: string } | null | undefined): Theme | undefined {
  const bg = officeTheme?.bodyBackgroundColor;
  if (typeof bg !== "string") return undefined;
  const l = luminance(bg);
  if (l === undefined) return undefined;
  return l < 0.18 ? "dark" : "light";
}

/** The theme a page's URL asks for (?theme=dark or ?theme=light); undefined otherwise. */
export function themeFromQuery(search: string): Theme | undefined {
  const t = new URLSearchParams(search).get("theme");
  return t === "dark" || t === "light" ? t : undefined;
}
