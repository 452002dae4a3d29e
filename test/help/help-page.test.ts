/**
 * The help page is generated from functions.json and the examples alone (scripts/help-page.js):
 * a function or an argument added elsewhere appears, with the right kind of field, without a
 * change to the generator. Checked on made-up metadata shaped like the plugin's.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const h = require("../../scripts/help-page.js") as {
  renderHelpPage(metadata: unknown, examples: unknown, ns: string, options?: unknown): string;
  resultFormat(fn: unknown, doc: unknown): string;
};

const metadata = {
  functions: [
    {
      id: "MAINTENANCEWINDOWS",
      name: "MAINTENANCEWINDOWS",
      description: "The Scheduled Maintenance windows of a month. Spills a row per window: starts, ends.",
      parameters: [
        { name: "month", description: "Any date within the month.", type: "any" },
        { name: "notices", description: "Range of date-times of the maintenance notices.", type: "any", dimensionality: "matrix" },
        { name: "time_zone", description: "An IANA time zone.", type: "any", optional: true },
      ],
      result: { dimensionality: "matrix" },
    },
    {
      id: "PLANFEE",
      name: "PLANFEE",
      description: "The monthly charge of a plan: seats x the seat price from the rates range.",
      parameters: [
        { name: "plan", description: "The plan.", type: "string", customEnumId: "Plan" },
        { name: "seats", description: "Seats.", type: "any" },
        { name: "rates", description: "A rate card range (plan, price).", type: "any", dimensionality: "matrix", optional: true },
      ],
      result: { type: "number" },
    },
  ],
  enums: [{ id: "Plan", type: "string", values: [{ name: "Pro", stringValue: "Professional", tooltip: "The Professional plan" }] }],
};
const examples = {
  MAINTENANCEWINDOWS: {
    examples: [
      {
        formula: "=KUSTOMER.MAINTENANCEWINDOWS(DATE(2025,6,1), A1:A2)",
        args: [45809, [["2025-06-02T01:00:00"], ["2025-06-09T01:30:00"]], null],
        result: [[45810.041666666664, 45810.083333333336]],
        working: "One window.",
      },
    ],
    errors: [{ error: "#VALUE!", when: "a notice is not a date." }],
  },
  PLANFEE: {
    examples: [{ formula: '=KUSTOMER.PLANFEE("Professional", 3)', args: ["Professional", 3, null], result: 267 }],
    errors: [{ error: "#NUM!", when: "seats is negative." }],
  },
};

const html = h.renderHelpPage(metadata, examples, "KUSTOMER", {
  scripts: ["help.js", "decimal.js", "functions.js"],
  families: { PLANFEE: "Billing" },
});
const section = (name: string) =>
  html.slice(html.indexOf(`<section id="${name}">`), html.indexOf("</section>", html.indexOf(`<section id="${name}">`)));

test("a new function gets its section, its live example form and its contents entry", () => {
  expect(section("MAINTENANCEWINDOWS")).toContain('<form class="example" data-fn="MAINTENANCEWINDOWS" data-format="date" data-params="3"');
  expect(html).toContain('<a href="#PLANFEE">PLANFEE</a>');
  expect(html).toMatch(/<span class="toc-family">Billing<\/span>/);
  expect(html).toMatch(/<span class="toc-family">Other<\/span><ul><li><a href="#MAINTENANCEWINDOWS">/);
});

test("a date is a date field passing the serial, with the serial beside it", () => {
  // 45809 = 1 Jun 2025 (1 Jan 2025 = 45658, + 151 days).
  expect(section("MAINTENANCEWINDOWS")).toMatch(
    /<input type="date" data-kind="date" data-as="serial" value="2025-06-01" id="ex-MAINTENANCEWINDOWS-0-0" data-arg="0">.*?<span class="serial"[^>]*>45809<\/span>/s,
  );
});

test("a range of ISO date-times is a grid of date-time fields passing ISO text", () => {
  const s = section("MAINTENANCEWINDOWS");
  expect(s).toContain('data-arg="1" data-kind="grid" data-optional="false"');
  expect(s).toContain(
    '<input type="datetime-local" step="1" data-kind="date" data-as="iso" value="2025-06-02T01:00:00" aria-label="notices, row 1">',
  );
  expect(s).toContain('value="2025-06-09T01:30:00" aria-label="notices, row 2"');
});

test("a new `rates` range argument is a grid; an omitted optional one starts as one blank cell", () => {
  const s = section("PLANFEE");
  expect(s).toContain('data-arg="2" data-kind="grid" data-optional="true"');
  expect(s).toContain('<td><input type="text" data-kind="cell" value="" aria-label="rates, row 1"></td>');
});

test("an enum argument offers the enum's values; a plain argument is a cell", () => {
  const s = section("PLANFEE");
  expect(s).toContain('<input type="text" data-kind="enum" list="enum-Plan" value="Professional" id="ex-PLANFEE-0-0" data-arg="0">');
  expect(s).toContain('<input type="text" data-kind="cell" value="3" id="ex-PLANFEE-0-1" data-arg="1">');
  expect(html).toContain('<datalist id="enum-Plan"><option value="Professional" label="The Professional plan"></option></datalist>');
});

test("the scripts load in the order given: the help script, then every file of the functions bundle", () => {
  expect(html).toContain(
    '<script defer src="help.js"></script>\n<script defer src="decimal.js"></script>\n<script defer src="functions.js"></script>',
  );
});

test("results: dates when every documented result is a serial of a date-taking function; money from the description's lead", () => {
  expect(h.resultFormat(metadata.functions[0], examples.MAINTENANCEWINDOWS)).toBe("date");
  expect(h.resultFormat(metadata.functions[1], examples.PLANFEE)).toBe("money");
  // A spill is never money (a working table mixes days and amounts); an examples entry may decide.
  expect(h.resultFormat({ ...metadata.functions[1], result: { dimensionality: "matrix" } }, examples.PLANFEE)).toBe("general");
  expect(h.resultFormat(metadata.functions[1], { ...examples.PLANFEE, format: "general" })).toBe("general");
});
