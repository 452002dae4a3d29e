/* The one description of the add-in: ids, names, files, icons, requirement sets, ribbon and
 * runtime. Both manifests are generated from it (scripts/manifests.js): the XML (add-in only)
 * manifest and the unified manifest for Microsoft 365 (manifest.json), so they cannot drift.
 * Change the add-in here, never in a generated manifest.
 *
 * Paths are relative to the folder the add-in is served from; the generators put the public
 * URL in front (https://localhost:3000/ while developing; the release URL and its version
 * folder in a release, scripts/release.mjs). */
"use strict";

const { version } = require("../package.json");

module.exports = {
  /** The released add-in's Id (both manifests: XML <Id>, unified "id"). Never change it: it is how Office knows an update. */
  id: "6f1d3c52-8a4e-4b7f-9c2d-51e8a0b7c3f4",
  /** The development build's Id: the dev add-in installs beside the released one. */
  devId: "b3e0c2a7-5d41-4c8e-a6f9-0d7e2c91f4b8",
  devNameSuffix: " (dev)",
  /** The unified manifest's name.short of the development build (at most 30 characters). */
  devShortName: "Kustomer Billing (dev)",
  /** package.json's version (semver, three parts); the XML manifest's Version is it with ".0". */
  version,
  provider: "Kustomer Billing Tools",
  locale: "en-US",
  /** The unified manifest's name.short is at most 30 characters; the XML DisplayName is the same. */
  name: "Kustomer Contract Billing",
  fullName: "Kustomer Contract Billing for Excel",
  shortDescription: "KUSTOMER.* formulas for contract billing, storage, SLA credits and rate cards.",
  description:
    "KUSTOMER.* formulas for contract billing: proration, storage, translated words, SLA credits and professional-services dates; loads the rate cards into sheets.",
  /** The icons' teal (scripts/make-icons.mjs). */
  accentColor: "#007882",
  /** The workbook is read and written (the task pane writes the rate cards). */
  permissions: { xml: "ReadWriteDocument", unified: "Document.ReadWrite.User" },
  /**
   * What Office must support for the add-in to be offered at all (both manifests). Chosen from
   * Microsoft's requirement-set pages (docs/deploy.md, "Requirement sets"):
   *  - SharedRuntime 1.1: the functions and the task pane run in one runtime;
   *  - CustomFunctionsRuntime 1.3: every function's errors use CustomFunctions.ErrorCode (1.3;
   *    CustomFunctions.Error is 1.2). functions.json's allowCustomDataForDataTypeAny belongs to
   *    1.4 and is not required: where Excel lacks 1.4 it passes plain values instead of data
   *    types, which the argument readers (src/rules/core/args.ts) read alike. Requiring 1.4 would
   *    shut out perpetual Office (Excel 2021, 2024), which has 1.3 and not 1.4.
   * ExcelApi is not declared: the functions need nothing above ExcelApi 1.1, and the task pane checks the set
   * it needs (ExcelApi 1.9) at run time with isSetSupported, as Microsoft advises for a part of
   * the add-in that can be missing while the rest works.
   */
  requirements: [
    { name: "SharedRuntime", minVersion: "1.1" },
    { name: "CustomFunctionsRuntime", minVersion: "1.3" },
  ],
  /** The custom functions' namespace: =KUSTOMER.X(...). */
  namespace: "KUSTOMER",
  /** The shared runtime: the task pane page, which also loads the functions bundle. */
  runtime: { id: "SharedRuntime", resid: "Taskpane.Url", lifetime: "long" },
  /** The files every manifest names (relative to the add-in's folder). */
  files: {
    page: "taskpane.html",
    script: "functions.js",
    metadata: "functions.json",
    help: "help.html",
  },
  /** The site's pages (relative to the site's root, not versioned: their URLs stay put). */
  site: { support: "support.html", privacy: "privacy.html", terms: "terms.html" },
  icons: {
    16: "assets/icon-16.png",
    32: "assets/icon-32.png",
    64: "assets/icon-64.png",
    80: "assets/icon-80.png",
    /** The unified manifest's app package: a 192x192 colour icon and a 32x32 white outline on transparent. */
    color192: "assets/icon-192.png",
    outline32: "assets/icon-outline-32.png",
  },
  getStarted: {
    title: "Kustomer contract billing is ready",
    description: "Type =KUSTOMER. in a cell to see the functions, or open Home > Rate cards to load the rate cards.",
  },
  /** One button in a group of its own on the Home tab; it opens the task pane. */
  ribbon: {
    builtInTab: "TabHome",
    group: { id: "Kustomer.Group", label: "Kustomer" },
    button: {
      id: "Kustomer.RateCardsButton",
      label: "Rate cards",
      tooltip: "Load Kustomer's rate cards into sheets as Excel tables.",
      actionId: "OpenRateCards",
    },
  },
};
