/**
 * The manifest checked offline (the online validator cannot be reached from CI): well-formed,
 * a GUID Id, a version, a provider, https everywhere, every resid resolving to a resource,
 * the KUSTOMER namespace and the SharedRuntime requirement set; and the production build
 * rewrites every dev URL; the development manifest has its own Id and name.
 */
import { readFileSync, existsSync } from "fs";
import { join } from "path";
import { parseStringPromise } from "xml2js";

const root = join(__dirname, "..");
const source = readFileSync(join(root, "manifest.xml"), "utf8");

type Node = Record<string, unknown>;

/** Every element under `node`, depth first, with its tag name. */
function* elements(node: unknown, tag = ""): Generator<{ tag: string; el: Node }> {
  if (Array.isArray(node)) for (const n of node) yield* elements(n, tag);
  else if (node && typeof node === "object") {
    yield { tag, el: node as Node };
    for (const [k, v] of Object.entries(node as Node)) if (k !== "$" && k !== "_") yield* elements(v, k);
  }
}
const attrs = (el: Node) => (el.$ ?? {}) as Record<string, string>;

let doc: Node;
beforeAll(async () => {
  doc = await parseStringPromise(source, { explicitArray: true });
});

test("is well-formed XML with OfficeApp as root", () => {
  expect(Object.keys(doc)).toEqual(["OfficeApp"]);
});

test("has a GUID Id, a four-part version, a provider and a display name", () => {
  const app = doc.OfficeApp as Node;
  expect((app.Id as string[])[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
  expect((app.Version as string[])[0]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(((app.ProviderName as string[])[0] ?? "").length).toBeGreaterThan(2);
  expect(attrs((app.DisplayName as Node[])[0]).DefaultValue).toBe("Kustomer Contract Billing");
});

test("every URL is https", () => {
  const urls: string[] = [];
  for (const { tag, el } of elements(doc)) {
    const a = attrs(el);
    if (a.DefaultValue && /^[a-z]+:\/\//i.test(a.DefaultValue)) urls.push(a.DefaultValue);
    if (tag === "AppDomain" && typeof el._ === "string") urls.push(el._);
  }
  for (const m of source.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)) urls.push(m[1]);
  expect(urls.length).toBeGreaterThan(8);
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
});

test("every resid resolves to a declared resource, and every icon file exists", () => {
  const declared = new Map<string, string>();
  for (const { tag, el } of elements(doc))
    if (["bt:Image", "bt:Url", "bt:String"].includes(tag) && attrs(el).id) declared.set(attrs(el).id, attrs(el).DefaultValue);
  const used = [...source.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
  expect(used.length).toBeGreaterThan(10);
  for (const id of used) expect({ id, declared: declared.has(id) }).toEqual({ id, declared: true });
  for (const [id, url] of declared) {
    if (!id.startsWith("Icon.")) continue;
    const file = url.replace("https://localhost:3000/", "");
    expect(existsSync(join(root, file))).toBe(true);
  }
});

test("declares the KUSTOMER namespace, the functions' script, metadata and page, and a long-lived shared runtime", () => {
  expect(source).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="KUSTOMER"\/>/);
  expect(source).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
  expect(source).toMatch(/<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json"\/>/);
  expect(source).toMatch(/<bt:Url id="Functions.Script.Url" DefaultValue="https:\/\/localhost:3000\/functions.js"\/>/);
});

test("requires the SharedRuntime requirement set", () => {
  const sets = [...source.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
  expect(sets).toContain("SharedRuntime 1.1");
});

test("the production build's manifest is the source manifest: the real Id and name (no ADDIN_PUBLIC_URL: https://localhost:3000)", () => {
  expect(readFileSync(join(root, "dist", "manifest.xml"), "utf8")).toBe(source);
});

test("the development manifest is the same add-in under its own Id and a '(dev)' name, to install beside the released one", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { devManifest, DEV_ID, PRODUCTION_ID } = require("../scripts/dev-manifest.js");
  const dev: string = devManifest(source);
  expect(source).toContain(`<Id>${PRODUCTION_ID}</Id>`);
  expect(dev).toContain(`<Id>${DEV_ID}</Id>`);
  expect(dev).toContain('<DisplayName DefaultValue="Kustomer Contract Billing (dev)"/>');
  expect(dev.split("\n").length).toBe(source.split("\n").length);
  expect(dev.replace(DEV_ID, PRODUCTION_ID).replace("Kustomer Contract Billing (dev)", "Kustomer Contract Billing")).toBe(source);
});
