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
  scripts: ["help.js", "vendor.js", "functions.js"],
  families: { PLANFEE: "Billing" },
});
const section = (name: string) =>
  html.slice(html.indexOf(`<section id="${name}">`), html.indexOf("</section>", html.indexOf(`<section id="${name}">`)));

test("a new function gets its section, its live example form and its contents entry", () => {
  expect(section("MAINTENANCEWINDOWS")).toContain(
    '<form class="example" data-fn="MAINTENANCEWINDOWS" data-call="KUSTOMER.MAINTENANCEWINDOWS" data-format="date" data-params="3"',
  );
  // The formula shown starts as the documented one, which the page keeps to follow the arguments.
  expect(section("MAINTENANCEWINDOWS")).toContain(
    '<code data-formula="=KUSTOMER.MAINTENANCEWINDOWS(DATE(2025,6,1), A1:A2)">=KUSTOMER.MAINTENANCEWINDOWS(DATE(2025,6,1), A1:A2)</code>',
  );
  expect(html).toContain('<a href="#PLANFEE">PLANFEE</a>');
  expect(html).toMatch(/<span class="toc-family">Billing<\/span>/);
  expect(html).toMatch(/<span class="toc-family">Other<\/span><ul><li><a href="#MAINTENANCEWINDOWS">/);
});

test("a date is a text field typed as ISO, as every date on the page is written, passing the serial shown beside it", () => {
  // 45809 = 1 Jun 2025 (1 Jan 2025 = 45658, + 151 days).
  expect(section("MAINTENANCEWINDOWS")).toMatch(
    /<input type="text" data-kind="date" data-as="serial" value="2025-06-01" placeholder="yyyy-mm-dd" aria-describedby="date-hint" spellcheck="false" id="ex-MAINTENANCEWINDOWS-0-0" data-arg="0">.*?<span class="serial"[^>]*>45809<\/span>/s,
  );
  expect(html).toMatch(/<p class="note" id="date-hint">Dates, in fields and results alike, are written yyyy-mm-dd/);
});

test("a range of ISO date-times is a grid of date fields passing ISO text, each as wide as its text", () => {
  const s = section("MAINTENANCEWINDOWS");
  expect(s).toContain('data-arg="1" data-kind="grid" data-optional="false"');
  // "2025-06-02T01:00:00" is 19 characters: size 20.
  expect(s).toContain(
    '<input type="text" data-kind="date" data-as="iso" value="2025-06-02T01:00:00" placeholder="yyyy-mm-dd" aria-describedby="date-hint" spellcheck="false" size="20" aria-label="notices, row 1">',
  );
  expect(s).toContain(
    'value="2025-06-09T01:30:00" placeholder="yyyy-mm-dd" aria-describedby="date-hint" spellcheck="false" size="20" aria-label="notices, row 2"',
  );
});

test("a range of serials whose first is a whole day still takes a time in any cell (OUTAGEMINUTES' maintenance)", () => {
  const fn = {
    id: "OUTAGES",
    name: "OUTAGES",
    description: "Outage minutes.",
    parameters: [{ name: "maintenance_starts", description: "Range of date-times.", type: "any", dimensionality: "matrix" }],
    result: { type: "number" },
  };
  // 45810 = 2 Jun 2025; 45810 + 2/24 = 2 Jun 2025 02:00.
  const page = h.renderHelpPage(
    { functions: [fn] },
    { OUTAGES: { examples: [{ formula: "=KUSTOMER.OUTAGES(A1:A2)", args: [[[45810], [45810 + 2 / 24]]], result: 0 }] } },
    "KUSTOMER",
  );
  expect(page).toContain(
    'data-as="serial" value="2025-06-02" placeholder="yyyy-mm-dd" aria-describedby="date-hint" spellcheck="false" size="17" aria-label="maintenance_starts, row 1"',
  );
  expect(page).toContain(
    'data-as="serial" value="2025-06-02 02:00" placeholder="yyyy-mm-dd" aria-describedby="date-hint" spellcheck="false" size="17" aria-label="maintenance_starts, row 2"',
  );
});

test("a rate table of several columns takes the example's whole width; each column as wide as its longest value", () => {
  const fn = {
    id: "RATED",
    name: "RATED",
    description: "A rate.",
    parameters: [{ name: "rates", description: "A table.", type: "any", dimensionality: "matrix", optional: true }],
    result: { type: "number" },
  };
  const args = [
    [
      ["Plan", "Monthly price per seat (USD)"],
      ["Pro", 89],
    ],
  ];
  const page = h.renderHelpPage(
    { functions: [fn] },
    { RATED: { examples: [{ formula: "=KUSTOMER.RATED(T[#All])", args, result: 1 }] } },
    "KUSTOMER",
  );
  expect(page).toContain('<div class="field wide">');
  // Column 1: "Plan" (4) -> 5; column 2: "Monthly price per seat (USD)" (28) -> 29; both rows alike.
  expect(page).toContain('value="Plan" size="5" aria-label="rates, row 1, column 1"');
  expect(page).toContain('value="Monthly price per seat (USD)" size="29" aria-label="rates, row 1, column 2"');
  expect(page).toContain('value="89" size="29" aria-label="rates, row 2, column 2"');
  expect(page).toContain('<div class="grid-scroll"><table>');
});

test("a skip link past the contents to the functions comes first", () => {
  expect(html).toMatch(/<body class="help">\n<a class="skip-link" href="#functions">Skip to the functions<\/a>\n<nav class="toc"/);
  expect(html).toContain('<main id="functions" tabindex="-1">');
});

test("a new `rates` range argument is a grid; an omitted optional one starts as one blank cell", () => {
  const s = section("PLANFEE");
  expect(s).toContain('data-arg="2" data-kind="grid" data-optional="true"');
  expect(s).toContain('<td><input type="text" data-kind="cell" value="" size="4" aria-label="rates, row 1"></td>');
});

test("an enum argument offers the enum's values; a plain argument is a cell", () => {
  const s = section("PLANFEE");
  expect(s).toContain('<input type="text" data-kind="enum" list="enum-Plan" value="Professional" id="ex-PLANFEE-0-0" data-arg="0">');
  expect(s).toContain('<input type="text" data-kind="cell" value="3" id="ex-PLANFEE-0-1" data-arg="1">');
  expect(html).toContain('<datalist id="enum-Plan"><option value="Professional" label="The Professional plan"></option></datalist>');
});

test("the scripts load in the order given: the help script, then every file of the functions bundle", () => {
  expect(html).toContain(
    '<script defer src="help.js"></script>\n<script defer src="vendor.js"></script>\n<script defer src="functions.js"></script>',
  );
});

test("results: dates when every documented result is a serial of a date-taking function; money from the description's lead", () => {
  expect(h.resultFormat(metadata.functions[0], examples.MAINTENANCEWINDOWS)).toBe("date");
  expect(h.resultFormat(metadata.functions[1], examples.PLANFEE)).toBe("money");
  // A spill is never money (a working table mixes days and amounts); an examples entry may decide.
  expect(h.resultFormat({ ...metadata.functions[1], result: { dimensionality: "matrix" } }, examples.PLANFEE)).toBe("general");
  expect(h.resultFormat(metadata.functions[1], { ...examples.PLANFEE, format: "general" })).toBe("general");
  // A percentage from the lead ("The service credit percentage ..."), unless it says it is a fraction.
  const pct = { name: "CREDITPCT", description: "The service credit percentage for an uptime: 10% is 0.1.", parameters: [] };
  expect(h.resultFormat(pct, { examples: [{ result: 0.1 }] })).toBe("percent");
  const fraction = { name: "UPTIME", description: "The Monthly Uptime Percentage as a fraction (0.999 for 99.9%).", parameters: [] };
  expect(h.resultFormat(fraction, { examples: [{ result: 0.999 }] })).toBe("general");
});
