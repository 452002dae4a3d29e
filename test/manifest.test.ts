/**
 * Both manifests, generated from the one description of the add-in (scripts/addin.js): what
 * they say, that they say the same thing (ids, names, URLs, icons, requirement sets, runtime,
 * ribbon), that a release's version changes the Version and the URLs of the functions script and
 * metadata, and that the builds emit exactly what the generators give. The checks against
 * Microsoft's schemas are in test/release/validation.test.ts.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseStringPromise } from "xml2js";
import { CUSTOM_FUNCTIONS_RUNTIME_SET } from "../src/functions/excel";

/* eslint-disable @typescript-eslint/no-require-imports */
const addin = require("../scripts/addin.js");
const { xmlManifest, unifiedManifest, xmlVersion, urls, DEV_URL } = require("../scripts/manifests.js");
const { devManifest, DEV_ID, PRODUCTION_ID } = require("../scripts/dev-manifest.js");
/* eslint-enable @typescript-eslint/no-require-imports */

const root = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const RELEASE = { base: "https://billing.example.com/addin/2.3.4/", site: "https://billing.example.com/addin/", version: "2.3.4" };

type Node = Record<string, unknown>;
/** Every element under `node`, depth first, with its tag name and its parent's. */
function* elements(node: unknown, tag = "", parent = ""): Generator<{ tag: string; parent: string; el: Node }> {
  if (Array.isArray(node)) for (const n of node) yield* elements(n, tag, parent);
  else if (node && typeof node === "object") {
    yield { tag, parent, el: node as Node };
    for (const [k, v] of Object.entries(node as Node)) if (k !== "$" && k !== "_") yield* elements(v, k, tag);
  }
}
const attrs = (el: Node) => (el.$ ?? {}) as Record<string, string>;

async function parse(xml: string): Promise<Node> {
  return (await parseStringPromise(xml, { explicitArray: true })).OfficeApp as Node;
}
/** Every absolute URL in a document (attribute values and element text), sorted, unique. */
function xmlUrls(app: Node): string[] {
  const found = new Set<string>();
  for (const { el } of elements(app)) {
    for (const [k, v] of Object.entries(attrs(el))) if (!k.startsWith("xmlns") && /^https?:\/\//.test(v)) found.add(v);
    for (const [k, v] of Object.entries(el))
      if (k !== "$" && Array.isArray(v)) for (const x of v) if (typeof x === "string" && /^https?:\/\//.test(x)) found.add(x);
  }
  return [...found].sort();
}
function jsonUrls(value: unknown, found = new Set<string>()): string[] {
  if (typeof value === "string" && /^https?:\/\//.test(value) && !value.includes("developer.microsoft.com/json-schemas")) found.add(value);
  else if (Array.isArray(value)) value.forEach((v) => jsonUrls(v, found));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => jsonUrls(v, found));
  return [...found].sort();
}

describe("the XML manifest", () => {
  let app: Node;
  beforeAll(async () => {
    app = await parse(xmlManifest(addin, RELEASE));
  });

  test("has the add-in's GUID Id, package.json's version as four parts, a provider and the display name", async () => {
    expect((app.Id as string[])[0]).toBe("6f1d3c52-8a4e-4b7f-9c2d-51e8a0b7c3f4");
    expect((app.Id as string[])[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((app.Version as string[])[0]).toBe("2.3.4.0");
    expect((await parse(xmlManifest(addin)))["Version"]).toEqual([`${pkg.version}.0`]);
    expect((app.ProviderName as string[])[0]).toBe("Kustomer Billing Tools");
    expect(attrs((app.DisplayName as Node[])[0]).DefaultValue).toBe("Kustomer Contract Billing");
  });

  test("every URL is https, under the release's folder or the site's root", () => {
    const all = xmlUrls(app);
    expect(all.length).toBeGreaterThan(8);
    for (const u of all) expect(u).toMatch(/^https:\/\/billing\.example\.com(\/addin\/|$)/);
  });

  test("requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.3 (ErrorCode), nothing else", () => {
    const sets = [...elements(app)].filter((e) => e.tag === "Set").map((e) => `${attrs(e.el).Name} ${attrs(e.el).MinVersion}`);
    expect(sets).toEqual(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.3"]);
  });

  test("SupportUrl is the support page, not the function help; LearnMoreUrl is the function help", () => {
    expect(attrs((app.SupportUrl as Node[])[0]).DefaultValue).toBe("https://billing.example.com/addin/support.html");
    const help = [...elements(app)].find((e) => e.tag === "bt:Url" && attrs(e.el).id === "Help.Url")!;
    expect(attrs(help.el).DefaultValue).toBe("https://billing.example.com/addin/2.3.4/help.html");
  });

  test("the ribbon button's ShowTaskpane action has no TaskpaneId (shared runtime) and opens the runtime's page", () => {
    const actions = [...elements(app)].filter((e) => e.tag === "Action");
    expect(actions).toHaveLength(1);
    expect(attrs(actions[0].el)["xsi:type"]).toBe("ShowTaskpane");
    expect(Object.keys(actions[0].el).filter((k) => k !== "$")).toEqual(["SourceLocation"]);
    expect(attrs((actions[0].el.SourceLocation as Node[])[0]).resid).toBe("Taskpane.Url");
  });
});

describe("the two manifests say the same thing", () => {
  let app: Node;
  let json: Record<string, any>;
  beforeAll(async () => {
    app = await parse(xmlManifest(addin, RELEASE));
    json = unifiedManifest(addin, RELEASE);
  });
  const resource = (id: string) => attrs([...elements(app)].find((e) => attrs(e.el).id === id)!.el).DefaultValue;

  test("the same Id, version, name, description and permissions", () => {
    expect(json.id).toBe((app.Id as string[])[0]);
    expect(`${json.version}.0`).toBe((app.Version as string[])[0]);
    expect(json.name.short).toBe(attrs((app.DisplayName as Node[])[0]).DefaultValue);
    expect(json.description.full).toBe(attrs((app.Description as Node[])[0]).DefaultValue);
    expect(json.developer.name).toBe((app.ProviderName as string[])[0]);
    expect((app.Permissions as string[])[0]).toBe("ReadWriteDocument");
    expect(json.authorization.permissions.resourceSpecific).toEqual([{ name: "Document.ReadWrite.User", type: "Delegated" }]);
  });

  test("the same runtime: page, script, metadata, namespace, long lifetime, with customFunctions in the runtime", () => {
    const [runtime] = json.extensions[0].runtimes;
    expect(runtime.code).toEqual({ page: resource("Taskpane.Url"), script: resource("Functions.Script.Url") });
    expect(runtime.customFunctions).toEqual({
      namespace: { id: "KUSTOMER", name: "KUSTOMER" },
      metadataUrl: resource("Functions.Metadata.Url"),
    });
    expect(resource("Functions.Namespace")).toBe("KUSTOMER");
    expect(runtime.lifetime).toBe("long");
    const xmlRuntime = [...elements(app)].find((e) => e.tag === "Runtime")!;
    expect(attrs(xmlRuntime.el)).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
  });

  test("the same requirement sets", () => {
    const sets = [...elements(app)]
      .filter((e) => e.tag === "Set")
      .map((e) => ({ name: attrs(e.el).Name, minVersion: attrs(e.el).MinVersion }));
    expect(json.extensions[0].requirements).toEqual({ scopes: ["workbook"], capabilities: sets });
  });

  test("the same ribbon: a Rate cards button in a Kustomer group on the Home tab that opens the pane", () => {
    const [tab] = json.extensions[0].ribbons[0].tabs;
    expect(tab.builtInTabId).toBe("TabHome");
    const office = [...elements(app)].find((e) => e.tag === "OfficeTab")!;
    expect(attrs(office.el).id).toBe("TabHome");
    const [group] = tab.groups;
    expect(group.label).toBe(resource("Group.Label"));
    const [button] = group.controls;
    expect(button.label).toBe(resource("RateCardsButton.Label"));
    expect(button.supertip).toEqual({ title: resource("RateCardsButton.Label"), description: resource("RateCardsButton.Tooltip") });
    const action = json.extensions[0].runtimes[0].actions.find((a: { id: string }) => a.id === button.actionId);
    expect(action).toMatchObject({ type: "openPage" });
    expect(group.icons.map((i: { url: string }) => i.url)).toEqual(["Icon.16x16", "Icon.32x32", "Icon.80x80"].map(resource));
  });

  test("the same URLs: every URL of either is in the other, except what only one kind has", () => {
    const x = xmlUrls(app);
    const j = jsonUrls(json);
    // Only the XML manifest: the 64-pixel high-resolution icon. Only the unified one: privacy and terms.
    expect(x.filter((u) => !j.includes(u))).toEqual(["https://billing.example.com/addin/2.3.4/assets/icon-64.png"]);
    expect(j.filter((u) => !x.includes(u))).toEqual([
      "https://billing.example.com/addin/privacy.html",
      "https://billing.example.com/addin/terms.html",
    ]);
  });
});

describe("versions", () => {
  test("each release changes the Version and the URLs of the functions script and metadata", async () => {
    const at = (version: string) => ({
      base: `https://billing.example.com/addin/${version}/`,
      site: "https://billing.example.com/addin/",
      version,
    });
    const a = await parse(xmlManifest(addin, at("1.4.0")));
    const b = await parse(xmlManifest(addin, at("1.5.0")));
    const get = (app: Node, id: string) => attrs([...elements(app)].find((e) => attrs(e.el).id === id)!.el).DefaultValue;
    expect([a.Version, b.Version]).toEqual([["1.4.0.0"], ["1.5.0.0"]]);
    for (const id of ["Functions.Script.Url", "Functions.Metadata.Url", "Taskpane.Url"]) expect(get(a, id)).not.toBe(get(b, id));
    expect(get(b, "Functions.Metadata.Url")).toBe("https://billing.example.com/addin/1.5.0/functions.json");
    const ja = unifiedManifest(addin, at("1.4.0"));
    const jb = unifiedManifest(addin, at("1.5.0"));
    expect([ja.version, jb.version]).toEqual(["1.4.0", "1.5.0"]);
    expect(jb.extensions[0].runtimes[0].customFunctions.metadataUrl).toBe("https://billing.example.com/addin/1.5.0/functions.json");
    expect(jb.extensions[0].runtimes[0].code.script).toBe("https://billing.example.com/addin/1.5.0/functions.js");
  });

  test("a version that the XML Version cannot carry is refused", () => {
    expect(xmlVersion("1.2.3")).toBe("1.2.3.0");
    expect(() => xmlVersion("1.2")).toThrow(/three numbers/);
    expect(() => xmlVersion("1.2.3-beta.1")).toThrow(/no pre-release tag/);
    expect(() => xmlVersion("1.70000.0")).toThrow(/at most 65535/);
  });

  test("a URL that is not https, or has no trailing slash, is refused", () => {
    expect(() => urls(addin, { base: "http://billing.example.com/" })).toThrow(/https URL ending in "\/"/);
    expect(() => urls(addin, { base: "https://billing.example.com/addin" })).toThrow(/https URL ending in "\/"/);
  });
});

describe("development and builds", () => {
  test("the development manifest is the same add-in under its own Id and a '(dev)' name, to install beside the released one", () => {
    const dev: string = devManifest();
    const prod: string = xmlManifest(addin);
    expect(PRODUCTION_ID).toBe(addin.id);
    expect(dev).toContain(`<Id>${DEV_ID}</Id>`);
    expect(dev).toContain('<DisplayName DefaultValue="Kustomer Contract Billing (dev)"/>');
    expect(dev.replace(DEV_ID, PRODUCTION_ID).replace("Kustomer Contract Billing (dev)", "Kustomer Contract Billing")).toBe(prod);
    expect(urls(addin).page).toBe(`${DEV_URL}taskpane.html`);
  });

  test("the unified development manifest: its own Id and a short name within the schema's 30 characters", () => {
    const dev = unifiedManifest(addin, { dev: true });
    expect(dev.id).toBe(DEV_ID);
    expect(dev.name.short).toBe("Kustomer Billing (dev)");
    expect(dev.name.short.length).toBeLessThanOrEqual(30);
  });

  test("the production build (dist/, no ADDIN_PUBLIC_URL) emits exactly the generated manifests for https://localhost:3000/", () => {
    expect(readFileSync(join(root, "dist", "manifest.xml"), "utf8")).toBe(xmlManifest(addin));
    expect(JSON.parse(readFileSync(join(root, "dist", "manifest.json"), "utf8"))).toEqual(unifiedManifest(addin));
  });

  test("every icon the description names exists", () => {
    for (const file of Object.values(addin.icons) as string[]) expect(readFileSync(join(root, file)).subarray(1, 4).toString()).toBe("PNG");
  });

  test("both manifests require the CustomFunctionsRuntime set the code declares it uses (src/functions/excel.ts, checked by test/requirement-sets.test.ts)", async () => {
    const required = addin.requirements.find((r: { name: string }) => r.name === "CustomFunctionsRuntime");
    expect(required?.minVersion).toBe(CUSTOM_FUNCTIONS_RUNTIME_SET);
    const xml = await parseStringPromise(xmlManifest(addin));
    const sets = [...elements(xml)].filter((e) => e.tag === "Set").map((e) => (e.el.$ as Record<string, string>) ?? {});
    expect(sets).toContainEqual({ Name: "CustomFunctionsRuntime", MinVersion: CUSTOM_FUNCTIONS_RUNTIME_SET });
    expect(JSON.stringify(unifiedManifest(addin))).toContain(
      `{"name":"CustomFunctionsRuntime","minVersion":"${CUSTOM_FUNCTIONS_RUNTIME_SET}"}`,
    );
  });

  test("the top-level manifest.xml is the generated development manifest, never edited by hand (npm start rewrites it)", () => {
    // Compared with line ends normalised: a Windows checkout may turn LF into CRLF.
    const committed = readFileSync(join(root, "manifest.xml"), "utf8").replace(/\r\n/g, "\n");
    expect(committed).toBe(devManifest());
    expect(committed).not.toContain(PRODUCTION_ID);
  });
});
