/**
 * Offline validation against Microsoft's published specifications (scripts/validate.js), each
 * check shown to reject a deliberately broken file:
 *  - the XML manifest against Microsoft's XSDs (schemas/addin-manifest-xml, libxml2 as WebAssembly);
 *  - the unified manifest against @microsoft/app-manifest's schema (ajv, draft-04);
 *  - functions.json (the build's, dist/) against the documented custom functions schema;
 *  - the two rules the XSDs cannot say: no TaskpaneId under an Action with a shared runtime, and
 *    every resid naming a resource of the right kind.
 */
import { readFileSync } from "fs";
import { join } from "path";

/* eslint-disable @typescript-eslint/no-require-imports */
const addin = require("../../scripts/addin.js");
const { xmlManifest, unifiedManifest } = require("../../scripts/manifests.js");
const { devManifest } = require("../../scripts/dev-manifest.js");
const { xsdErrors, unifiedErrors, functionsJsonErrors, manifestRuleErrors, unifiedSchemaFile } = require("../../scripts/validate.js");
/* eslint-enable @typescript-eslint/no-require-imports */

const root = join(__dirname, "..", "..");
const RELEASE = { base: "https://billing.example.com/addin/1.0.0/", site: "https://billing.example.com/addin/" };
const xml: string = xmlManifest(addin, RELEASE);
const json = () => unifiedManifest(addin, RELEASE) as Record<string, any>;
const metadata = () => JSON.parse(readFileSync(join(root, "dist", "functions.json"), "utf8"));

/** `text` with `from` replaced once by `to`; fails if `from` is not there (so a broken file really is broken). */
function breakXml(from: string, to: string): string {
  expect(xml).toContain(from);
  return xml.replace(from, to);
}

describe("the XML manifest against Microsoft's XSDs", () => {
  test("the release, production and development manifests are valid", async () => {
    expect(await xsdErrors(xml)).toEqual([]);
    expect(await xsdErrors(xmlManifest(addin))).toEqual([]);
    expect(await xsdErrors(devManifest())).toEqual([]);
  });

  test.each([
    ["a five-part Version", "<Version>1.0.0.0</Version>", "<Version>1.0.0.0.0</Version>", /Version.*pattern/],
    ["an unknown runtime lifetime", 'lifetime="long"', 'lifetime="forever"', /lifetime.*'forever'/],
    ["a 48-character resid", '<Runtime resid="Taskpane.Url"', `<Runtime resid="${"R".repeat(48)}"`, /resid/],
    ["an unknown element", "<Permissions>", "<Colour>teal</Colour><Permissions>", /Colour.*not expected/],
    ["no Id", "<Id>6f1d3c52-8a4e-4b7f-9c2d-51e8a0b7c3f4</Id>", "", /Version.*Expected is.*Id/],
  ])("rejects %s", async (_what, from, to, message) => {
    const errors: string[] = await xsdErrors(breakXml(from, to));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(message);
  });
});

describe("the rules the XSDs cannot say", () => {
  test("the generated manifests keep them", async () => {
    expect(await manifestRuleErrors(xml)).toEqual([]);
    expect(await manifestRuleErrors(devManifest())).toEqual([]);
  });

  test("rejects a TaskpaneId under an Action while the runtime is shared (the XSD accepts it)", async () => {
    const broken = breakXml(
      '<Action xsi:type="ShowTaskpane">',
      '<Action xsi:type="ShowTaskpane">\n<TaskpaneId>Kustomer.RateCards</TaskpaneId>',
    );
    expect(await xsdErrors(broken)).toEqual([]);
    expect(await manifestRuleErrors(broken)).toEqual([
      '<Action xsi:type="ShowTaskpane"> has a <TaskpaneId>, but the add-in uses a shared runtime: remove it (Microsoft\'s shared runtime guide)',
    ]);
  });

  test("rejects a resid that names no resource, and one that names a resource of the wrong kind", async () => {
    expect(await manifestRuleErrors(breakXml('<Title resid="GetStarted.Title"/>', '<Title resid="GetStarted.Heading"/>'))).toEqual([
      '<Title resid="GetStarted.Heading"> names no resource',
    ]);
    expect(await manifestRuleErrors(breakXml('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Help.Url"/>'))).toEqual([
      '<Namespace resid="Help.Url"> needs a short resource; "Help.Url" is a url resource',
    ]);
    expect(
      await manifestRuleErrors(breakXml('<Description resid="GetStarted.Description"/>', '<Description resid="GetStarted.Title"/>')),
    ).toEqual(['<Description resid="GetStarted.Title"> needs a long resource; "GetStarted.Title" is a short resource']);
    expect(
      await manifestRuleErrors(breakXml('<bt:Image size="16" resid="Icon.16x16"/>', '<bt:Image size="16" resid="Taskpane.Url"/>')),
    ).toEqual(['<bt:Image resid="Taskpane.Url"> needs a image resource; "Taskpane.Url" is a url resource']);
  });
});

describe("the unified manifest against @microsoft/app-manifest's schema", () => {
  test("names the v1.25 schema the package ships, and the release, production and development manifests are valid", () => {
    expect(unifiedSchemaFile(json())).toMatch(
      /app-manifest[\\/]build[\\/]json-schemas[\\/]teams[\\/]v1\.25[\\/]MicrosoftTeams\.schema\.json$/,
    );
    expect(unifiedErrors(json())).toEqual([]);
    expect(unifiedErrors(unifiedManifest(addin))).toEqual([]);
    expect(unifiedErrors(unifiedManifest(addin, { dev: true }))).toEqual([]);
  });

  test.each([
    ["no privacy URL", (m: any) => delete m.developer.privacyUrl, /developer.*privacyUrl/],
    ["a short name over 30 characters", (m: any) => (m.name.short = "Kustomer Contract Billing (dev)"), /\/name\/short.*30/],
    [
      "a namespace with a space",
      (m: any) => (m.extensions[0].runtimes[0].customFunctions.namespace.id = "KUSTOMER X"),
      /namespace\/id.*pattern/,
    ],
    [
      "a metadata URL that is not http(s)",
      (m: any) => (m.extensions[0].runtimes[0].customFunctions.metadataUrl = "ftp://x/functions.json"),
      /metadataUrl.*pattern/,
    ],
    ["an unknown property", (m: any) => (m.extensions[0].runtimes[0].taskpaneId = "x"), /additional properties.*taskpaneId/],
  ])("rejects %s", (_what, breakIt, message) => {
    const m = json();
    breakIt(m);
    const errors: string[] = unifiedErrors(m);
    expect(errors.join("\n")).toMatch(message);
  });

  test("refuses a manifest that names no schema version", () => {
    expect(() => unifiedErrors({ ...json(), $schema: "https://example.com/schema.json" })).toThrow(
      /\$schema must name a Microsoft 365 app manifest schema version/,
    );
  });
});

describe("functions.json against the documented schema", () => {
  test("the build's functions.json is valid", () => {
    const m = metadata();
    expect(m.functions.length).toBeGreaterThan(20);
    expect(functionsJsonErrors(m)).toEqual([]);
  });

  test.each([
    ["a function without an id", (m: any) => delete m.functions[0].id, /required.*id/],
    ["a parameter of an unknown type", (m: any) => (m.functions[0].parameters[0].type = "decimal"), /parameters\/0\/type/],
    ["an unknown top-level property", (m: any) => (m.allowEverything = true), /additional properties.*allowEverything/],
    ["a flag that is not a boolean", (m: any) => (m.allowCustomDataForDataTypeAny = "yes"), /allowCustomDataForDataTypeAny.*boolean/],
  ])("rejects %s", (_what, breakIt, message) => {
    const m = metadata();
    breakIt(m);
    expect(functionsJsonErrors(m).join("\n")).toMatch(message);
  });
});
