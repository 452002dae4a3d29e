/**
 * Light or dark from Office's theme (src/taskpane/theme.ts). Luminances worked from WCAG 2's
 * formula: a channel c/255 is linearised as ((c/255 + 0.055) / 1.055)^2.4 (above 0.04045), and
 * L = 0.2126 R + 0.7152 G + 0.0722 B.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { luminance, themeFromQuery, themeOf } from "../../src/taskpane/theme";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withPreferredDark } = require("../../scripts/theme-css") as { withPreferredDark: (css: string) => string };

test("luminance of #rgb and #rrggbb: white 1, black 0, mid grey #808080 about 0.2159", () => {
  expect(luminance("#ffffff")).toBe(1);
  expect(luminance("#FFF")).toBe(1);
  expect(luminance("#000000")).toBe(0);
  // 0x80 = 128: 128/255 = 0.50196; ((0.50196 + 0.055) / 1.055)^2.4 = 0.52792^2.4 = 0.21586 for each channel.
  expect(luminance("#808080")).toBeCloseTo(0.21586, 4);
  expect(luminance("white")).toBeUndefined();
  expect(luminance("#12345")).toBeUndefined();
});

test("Office's theme: dark when its body background is dark, undefined when Office gives none", () => {
  // Office's Black theme: body background #262626 (0x26 = 38: 38/255 = 0.149, ((0.149 + 0.055) / 1.055)^2.4 = 0.0194).
  expect(themeOf({ bodyBackgroundColor: "#262626" })).toBe("dark");
  // Dark Gray: #444444 (0x44 = 68: ((0.2667 + 0.055) / 1.055)^2.4 = 0.0578), still dark.
  expect(themeOf({ bodyBackgroundColor: "#444444" })).toBe("dark");
  // Colorful and White: #ffffff; a light grey #e6e6e6 (0.7913) is light too.
  expect(themeOf({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
  expect(themeOf({ bodyBackgroundColor: "#e6e6e6" })).toBe("light");
  // #808080 (0.2159) is above 0.18, where white and black text contrast equally: light.
  expect(themeOf({ bodyBackgroundColor: "#808080" })).toBe("light");
  // Excel on the web: officeTheme is undefined.
  expect(themeOf(undefined)).toBeUndefined();
  expect(themeOf({})).toBeUndefined();
  expect(themeOf({ bodyBackgroundColor: "rgb(0,0,0)" })).toBeUndefined();
});

test("the help page's theme from its URL: ?theme=dark or ?theme=light, nothing else", () => {
  expect(themeFromQuery("?theme=dark")).toBe("dark");
  expect(themeFromQuery("?x=1&theme=light")).toBe("light");
  expect(themeFromQuery("?theme=blue")).toBeUndefined();
  expect(themeFromQuery("")).toBeUndefined();
});

test("taskpane.css writes its dark palette once; the served stylesheet has it under the system's dark preference too, the same", () => {
  const css = readFileSync(join(__dirname, "..", "..", "src", "taskpane", "taskpane.css"), "utf8");
  const vars = (block: string) => block.match(/--[\w-]+: [^;]+;/g) ?? [];
  const forcedOf = (text: string) => /:root\[data-theme="dark"\] \{([^}]*)\}/.exec(text)?.[1] ?? "";
  const preferredOf = (text: string) => /:root:not\(\[data-theme="light"\]\) \{([^}]*)\}/.exec(text)?.[1] ?? "";
  // The source: one dark block, and no second copy.
  expect(css.match(/data-theme="dark"\] \{/g)).toHaveLength(1);
  expect(css).not.toMatch(/prefers-color-scheme:\s*dark/);
  expect(vars(forcedOf(css)).length).toBeGreaterThan(20);
  // As served (the build's transform): the same palette under @media (prefers-color-scheme: dark).
  const served = withPreferredDark(css);
  expect(served).toMatch(/@media \(prefers-color-scheme: dark\) \{\n {2}:root:not\(\[data-theme="light"\]\) \{/);
  expect(vars(preferredOf(served))).toEqual(vars(forcedOf(css)));
  expect(preferredOf(served)).toContain("color-scheme: dark;");
  // Everything else is as written.
  expect(served.replace(/\n\/\* The same palette[^\n]*\n@media \(prefers-color-scheme: dark\) \{\n[^}]*\}\n\}\n/, "")).toBe(css);
  // A stylesheet without its dark block, or with a second copy written by hand, is refused.
  expect(() => withPreferredDark(":root { --fg1: #242424; }\n")).toThrow('no :root[data-theme="dark"]');
  expect(() => withPreferredDark(`${css}\n@media (prefers-color-scheme: dark) { }\n`)).toThrow("write the dark palette once");
});
