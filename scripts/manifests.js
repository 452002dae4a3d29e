/* Both manifests from the one description of the add-in (scripts/addin.js):
 *  - xmlManifest: the XML (add-in only) manifest, for every Office that runs the add-in;
 *  - unifiedManifest: the unified manifest for Microsoft 365 (manifest.json), for the Microsoft
 *    365 subscription builds that take it. Microsoft's conversion tools leave custom functions
 *    out of it; here extensions.runtimes carries them (customFunctions: namespace, metadataUrl),
 *    in the same shared runtime as the task pane.
 *
 * Where things are served:
 *  - `base`: the add-in's folder (pages, bundles, icons, functions.json). In a release it holds
 *    the version (https://host/addin/1.2.0/), so every release changes the URLs of the functions
 *    script and metadata with the manifest's Version, and an updated manifest never pairs new
 *    code with old metadata (or old code with new metadata) in Office's caches.
 *  - `site`: the site's root (support, privacy and terms pages: stable URLs).
 * While developing both are https://localhost:3000/. */
"use strict";

const DEV_URL = "https://localhost:3000/";
/** The unified manifest's schema version (the app-manifest package's v1.25 schema validates it). */
const UNIFIED_MANIFEST_VERSION = "1.25";

/** A URL ending in "/", https only. */
function checkFolderUrl(url, what) {
  if (!/^https:\/\/[^\s"<>'&]+\/$/.test(url)) throw new Error(`${what} must be an https URL ending in "/"; got ${url}`);
  return url;
}

/** Every URL the manifests name, for a given base (the add-in's folder) and site (the root). */
function urls(addin, { base = DEV_URL, site = base } = {}) {
  checkFolderUrl(base, "the add-in's URL");
  checkFolderUrl(site, "the site's URL");
  const at = (file) => new URL(file, base).href;
  const icons = Object.fromEntries(Object.entries(addin.icons).map(([k, file]) => [k, at(file)]));
  return {
    page: at(addin.files.page),
    script: at(addin.files.script),
    metadata: at(addin.files.metadata),
    help: at(addin.files.help),
    support: new URL(addin.site.support, site).href,
    privacy: new URL(addin.site.privacy, site).href,
    terms: new URL(addin.site.terms, site).href,
    icons,
    origins: [...new Set([new URL(base).origin, new URL(site).origin])],
  };
}

/** The XML manifest's Version: four parts (package.json's three, then 0). */
function xmlVersion(semver) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(semver);
  if (!m) throw new Error(`version must be three numbers, major.minor.patch (no pre-release tag); got ${semver}`);
  for (const part of m.slice(1)) if (Number(part) > 65535) throw new Error(`each part of the version must be at most 65535; got ${semver}`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const identity = (addin, dev) => ({ id: dev ? addin.devId : addin.id, name: dev ? `${addin.name}${addin.devNameSuffix}` : addin.name });

/**
 * The XML manifest. With a shared runtime, no <Action> has a <TaskpaneId> (Microsoft's shared
 * runtime guide): the button's ShowTaskpane action names the runtime's page only.
 * @param {object} addin scripts/addin.js
 * @param {{ base?: string, site?: string, dev?: boolean, version?: string }} where
 */
function xmlManifest(addin, { base = DEV_URL, site = base, dev = false, version = addin.version } = {}) {
  const u = urls(addin, { base, site });
  const { id, name } = identity(addin, dev);
  const rt = addin.runtime;
  const rb = addin.ribbon;
  const sets = addin.requirements.map((r) => `      <Set Name="${esc(r.name)}" MinVersion="${esc(r.minVersion)}"/>`).join("\n");
  const icon = (size) => `<bt:Image size="${size}" resid="Icon.${size}x${size}"/>`;
  const icons = (indent) => [16, 32, 80].map((s) => `${indent}${icon(s)}`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated from scripts/addin.js by scripts/manifests.js: edit those, not this file. -->
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
           xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
           xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides"
           xsi:type="TaskPaneApp">
  <Id>${id}</Id>
  <Version>${xmlVersion(version)}</Version>
  <ProviderName>${esc(addin.provider)}</ProviderName>
  <DefaultLocale>${addin.locale}</DefaultLocale>
  <DisplayName DefaultValue="${esc(name)}"/>
  <Description DefaultValue="${esc(addin.description)}"/>
  <IconUrl DefaultValue="${u.icons[32]}"/>
  <HighResolutionIconUrl DefaultValue="${u.icons[64]}"/>
  <SupportUrl DefaultValue="${u.support}"/>
  <AppDomains>
${u.origins.map((o) => `    <AppDomain>${o}</AppDomain>`).join("\n")}
  </AppDomains>
  <Hosts>
    <Host Name="Workbook"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
${sets}
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${u.page}"/>
  </DefaultSettings>
  <Permissions>${addin.permissions.xml}</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <Runtimes>
          <Runtime resid="${rt.resid}" lifetime="${rt.lifetime}"/>
        </Runtimes>
        <AllFormFactors>
          <ExtensionPoint xsi:type="CustomFunctions">
            <Script>
              <SourceLocation resid="Functions.Script.Url"/>
            </Script>
            <Page>
              <SourceLocation resid="${rt.resid}"/>
            </Page>
            <Metadata>
              <SourceLocation resid="Functions.Metadata.Url"/>
            </Metadata>
            <Namespace resid="Functions.Namespace"/>
          </ExtensionPoint>
        </AllFormFactors>
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title"/>
            <Description resid="GetStarted.Description"/>
            <LearnMoreUrl resid="Help.Url"/>
          </GetStarted>
          <FunctionFile resid="${rt.resid}"/>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="${rb.builtInTab}">
              <Group id="${esc(rb.group.id)}">
                <Label resid="Group.Label"/>
                <Icon>
${icons("                  ")}
                </Icon>
                <Control xsi:type="Button" id="${esc(rb.button.id)}">
                  <Label resid="RateCardsButton.Label"/>
                  <Supertip>
                    <Title resid="RateCardsButton.Label"/>
                    <Description resid="RateCardsButton.Tooltip"/>
                  </Supertip>
                  <Icon>
${icons("                    ")}
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <SourceLocation resid="${rt.resid}"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
${[16, 32, 80].map((s) => `        <bt:Image id="Icon.${s}x${s}" DefaultValue="${u.icons[s]}"/>`).join("\n")}
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Functions.Script.Url" DefaultValue="${u.script}"/>
        <bt:Url id="Functions.Metadata.Url" DefaultValue="${u.metadata}"/>
        <bt:Url id="${rt.resid}" DefaultValue="${u.page}"/>
        <bt:Url id="Help.Url" DefaultValue="${u.help}"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="Functions.Namespace" DefaultValue="${esc(addin.namespace)}"/>
        <bt:String id="GetStarted.Title" DefaultValue="${esc(addin.getStarted.title)}"/>
        <bt:String id="Group.Label" DefaultValue="${esc(rb.group.label)}"/>
        <bt:String id="RateCardsButton.Label" DefaultValue="${esc(rb.button.label)}"/>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="GetStarted.Description" DefaultValue="${esc(addin.getStarted.description)}"/>
        <bt:String id="RateCardsButton.Tooltip" DefaultValue="${esc(rb.button.tooltip)}"/>
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}

/**
 * The unified manifest for Microsoft 365 (an object; JSON.stringify it). Its icons are paths
 * inside the app package (the zip an admin uploads), the same paths as in the served folder.
 * @param {object} addin scripts/addin.js
 * @param {{ base?: string, site?: string, dev?: boolean, version?: string }} where
 */
function unifiedManifest(addin, { base = DEV_URL, site = base, dev = false, version = addin.version } = {}) {
  const u = urls(addin, { base, site });
  xmlVersion(version); // the same rule for both manifests
  const { id, name } = identity(addin, dev);
  const rb = addin.ribbon;
  const ribbonIcons = [16, 32, 80].map((size) => ({ size, url: u.icons[size] }));
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: UNIFIED_MANIFEST_VERSION,
    id,
    version,
    name: { short: dev ? addin.devShortName : name, full: dev ? `${addin.fullName}${addin.devNameSuffix}` : addin.fullName },
    description: { short: addin.shortDescription, full: addin.description },
    developer: { name: addin.provider, websiteUrl: u.support, privacyUrl: u.privacy, termsOfUseUrl: u.terms },
    icons: { outline: addin.icons.outline32, color: addin.icons.color192 },
    accentColor: addin.accentColor,
    localizationInfo: { defaultLanguageTag: addin.locale.toLowerCase() },
    authorization: { permissions: { resourceSpecific: [{ name: addin.permissions.unified, type: "Delegated" }] } },
    validDomains: u.origins,
    extensions: [
      {
        requirements: { scopes: ["workbook"], capabilities: addin.requirements.map((r) => ({ ...r })) },
        runtimes: [
          {
            requirements: { capabilities: [{ name: "SharedRuntime", minVersion: "1.1" }] },
            id: addin.runtime.id,
            type: "general",
            code: { page: u.page, script: u.script },
            lifetime: addin.runtime.lifetime,
            actions: [{ id: rb.button.actionId, type: "openPage", displayName: rb.button.label }],
            customFunctions: {
              namespace: { id: addin.namespace, name: addin.namespace },
              metadataUrl: u.metadata,
            },
          },
        ],
        ribbons: [
          {
            requirements: { scopes: ["workbook"], capabilities: [{ name: "AddinCommands", minVersion: "1.1" }] },
            contexts: ["default"],
            tabs: [
              {
                builtInTabId: rb.builtInTab,
                groups: [
                  {
                    id: rb.group.id,
                    label: rb.group.label,
                    icons: ribbonIcons,
                    controls: [
                      {
                        id: rb.button.id,
                        type: "button",
                        label: rb.button.label,
                        icons: ribbonIcons,
                        supertip: { title: rb.button.label, description: rb.button.tooltip },
                        actionId: rb.button.actionId,
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        getStartedMessages: [{ title: addin.getStarted.title, description: addin.getStarted.description, learnMoreUrl: u.help }],
      },
    ],
  };
}

module.exports = { DEV_URL, UNIFIED_MANIFEST_VERSION, urls, xmlVersion, xmlManifest, unifiedManifest, checkFolderUrl };
