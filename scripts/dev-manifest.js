/* The development manifest: the same add-in under its own Id and display name, so the dev build
 * (https://localhost:3000) and the released one can be installed side by side, as Microsoft
 * advises. webpack.config.js applies it to manifest.xml in development builds only; a production
 * build keeps the real Id and name. */
"use strict";

const PRODUCTION_ID = "6f1d3c52-8a4e-4b7f-9c2d-51e8a0b7c3f4";
const DEV_ID = "b3e0c2a7-5d41-4c8e-a6f9-0d7e2c91f4b8";
const DEV_SUFFIX = " (dev)";

/** manifest.xml with the development Id and "(dev)" after its display name. */
function devManifest(xml) {
  const id = `<Id>${PRODUCTION_ID}</Id>`;
  if (!xml.includes(id)) throw new Error(`manifest.xml: expected ${id}; update scripts/dev-manifest.js if the Id changed`);
  const name = /<DisplayName DefaultValue="([^"]*)"\/>/;
  if (!name.test(xml)) throw new Error("manifest.xml: no <DisplayName DefaultValue=...>");
  return xml.replace(id, `<Id>${DEV_ID}</Id>`).replace(name, (_, n) => `<DisplayName DefaultValue="${n}${DEV_SUFFIX}"/>`);
}

module.exports = { PRODUCTION_ID, DEV_ID, devManifest };
