/* The development manifest: the same add-in under its own Id and display name, so the dev build
 * (https://localhost:3000) and the released one can be installed side by side, as Microsoft
 * advises. Generated from scripts/addin.js (scripts/manifests.js), like every manifest; `npm
 * start` keeps the project's top-level manifest.xml equal to it (a test checks the committed file), and a
 * development build emits it as dist/manifest.xml. */
"use strict";

const addin = require("./addin");
const { xmlManifest, DEV_URL } = require("./manifests");

const PRODUCTION_ID = addin.id;
const DEV_ID = addin.devId;

/** The development XML manifest (https://localhost:3000/, the development Id, "(dev)" after the name). */
function devManifest() {
  return xmlManifest(addin, { base: DEV_URL, dev: true });
}

module.exports = { PRODUCTION_ID, DEV_ID, devManifest };
