/* Offline checks of the add-in's metadata against Microsoft's published specifications
 * (`office-addin-manifest validate` asks an online service; these need no network):
 *  - the XML manifest against Microsoft's XSDs (schemas/addin-manifest-xml, see schemas/README.md),
 *    with libxml2's xmllint compiled to WebAssembly (npm xmllint-wasm: the same on every platform);
 *  - the unified manifest against the Microsoft 365 app manifest schema that the npm package
 *    @microsoft/app-manifest ships, with ajv (the schema is JSON Schema draft-04);
 *  - functions.json against the documented custom functions schema (schemas/custom-functions.schema.json);
 *  - two rules Microsoft's pages state and the XSDs cannot: with a shared runtime no <Action>
 *    has a <TaskpaneId>; every resid names a resource of the kind its element needs.
 * Each function returns a list of errors (empty when valid). Used by the tests and by
 * `npm run release`, which refuses to finish with an invalid file. */
"use strict";

const fs = require("fs");
const path = require("path");

const SCHEMAS = path.join(__dirname, "..", "schemas");
const XSD_DIR = path.join(SCHEMAS, "addin-manifest-xml");
const XSD_MAIN = "OfficeAppManifestV1_1.xsd";

/** Errors of the XML manifest against Microsoft's XSDs (libxml2's messages). */
async function xsdErrors(xml, fileName = "manifest.xml") {
  const { validateXML } = require("xmllint-wasm");
  const read = (n) => ({ fileName: n, contents: fs.readFileSync(path.join(XSD_DIR, n), "utf8") });
  const others = fs
    .readdirSync(XSD_DIR)
    .filter((n) => n.endsWith(".xsd") && n !== XSD_MAIN)
    .sort();
  const result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [read(XSD_MAIN)], preload: others.map(read) });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

let unifiedValidator;
/** The unified manifest's schema version, from its $schema URL (…/teams/v1.25/MicrosoftTeams.schema.json). */
function unifiedSchemaFile(manifest) {
  const m = /\/teams\/(v\d+\.\d+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema ?? "");
  if (!m) throw new Error(`manifest.json: $schema must name a Microsoft 365 app manifest schema version; got ${manifest.$schema}`);
  const dir = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  return path.join(dir, "build", "json-schemas", "teams", m[1], "MicrosoftTeams.schema.json");
}

function ajvErrors(validate, data) {
  return validate(data) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`);
}

/** Errors of the unified manifest against @microsoft/app-manifest's schema (the version its $schema names). */
function unifiedErrors(manifest) {
  const file = unifiedSchemaFile(manifest);
  if (!unifiedValidator || unifiedValidator.file !== file) {
    const Ajv = require("ajv-draft-04");
    const addFormats = require("ajv-formats");
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    unifiedValidator = { file, validate: ajv.compile(JSON.parse(fs.readFileSync(file, "utf8"))) };
  }
  return ajvErrors(unifiedValidator.validate, manifest);
}

let functionsValidator;
/** Errors of functions.json against the documented custom functions schema. */
function functionsJsonErrors(metadata) {
  if (!functionsValidator) {
    const Ajv = require("ajv-draft-04");
    const ajv = new Ajv({ allErrors: true, strict: false });
    functionsValidator = ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, "custom-functions.schema.json"), "utf8")));
  }
  return ajvErrors(functionsValidator, metadata);
}

/**
 * The resource kind an element's resid must name, by the element and its parent:
 * URLs (bt:Urls), images (bt:Images), short strings (bt:ShortStrings), long strings (bt:LongStrings).
 */
function residKind(tag, parent) {
  if (tag === "bt:Image") return "image";
  if (["Runtime", "SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(tag)) return "url";
  if (tag === "Description") return "long";
  if (["Label", "Title", "Namespace"].includes(tag)) return "short";
  throw new Error(`no rule for resid on <${tag}> under <${parent}>`);
}

const RESOURCE_KINDS = { "bt:Images": "image", "bt:Urls": "url", "bt:ShortStrings": "short", "bt:LongStrings": "long" };

/**
 * The rules Microsoft's pages state that the XSDs cannot:
 *  - with a shared runtime (<Runtimes> in VersionOverrides), no <Action> has a <TaskpaneId>
 *    ("none of the descendant <Action> elements should have a <TaskpaneId> child element");
 *  - every resid resolves to a resource, of the kind its element needs (a URL for a
 *    SourceLocation, an image for an icon, a short string for a label, a long one for a description).
 */
async function manifestRuleErrors(xml) {
  const { parseStringPromise } = require("xml2js");
  const doc = await parseStringPromise(xml, { explicitArray: true, explicitChildren: true, preserveChildrenOrder: true });
  const errors = [];
  const resources = new Map(); // id -> kind
  const uses = []; // { tag, parent, resid }
  let sharedRuntime = false;
  const actionsWithTaskpaneId = [];
  const walk = (node, tag, parent, resourceKind) => {
    const a = node.$ ?? {};
    if (tag === "Runtimes") sharedRuntime = true;
    if (tag === "Action" && (node.$$ ?? []).some((c) => c["#name"] === "TaskpaneId")) actionsWithTaskpaneId.push(a["xsi:type"] ?? "Action");
    if (resourceKind && ["bt:Image", "bt:Url", "bt:String"].includes(tag) && a.id) {
      if (resources.has(a.id)) errors.push(`resource id "${a.id}" is declared twice`);
      resources.set(a.id, resourceKind);
    } else if (a.resid !== undefined) uses.push({ tag, parent, resid: a.resid });
    for (const child of node.$$ ?? []) walk(child, child["#name"], tag, RESOURCE_KINDS[tag] ?? (tag === "Resources" ? undefined : resourceKind));
  };
  const [rootName] = Object.keys(doc);
  walk(doc[rootName], rootName, "", undefined);
  if (sharedRuntime)
    for (const type of actionsWithTaskpaneId)
      errors.push(`<Action xsi:type="${type}"> has a <TaskpaneId>, but the add-in uses a shared runtime: remove it (Microsoft's shared runtime guide)`);
  for (const { tag, parent, resid } of uses) {
    const want = residKind(tag, parent);
    const have = resources.get(resid);
    if (!have) errors.push(`<${tag} resid="${resid}"> names no resource`);
    else if (have !== want) errors.push(`<${tag} resid="${resid}"> needs a ${want} resource; "${resid}" is a ${have} resource`);
  }
  return errors;
}

module.exports = { SCHEMAS, xsdErrors, unifiedErrors, unifiedSchemaFile, functionsJsonErrors, manifestRuleErrors };
