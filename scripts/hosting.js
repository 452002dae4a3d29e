/* The HTTP headers the add-in's host must send, as serve-handler configuration (the release
 * smoke test serves the release with exactly these; docs/deploy.md lists them for IT):
 *  - functions.json: JSON, readable from another origin (Excel on the web fetches it from its
 *    own origin), for GET;
 *  - icons: cacheable (a week: their URLs change with every version);
 *  - everything else: revalidated on each use (no-cache with an ETag), so a fixed file is seen;
 *  - nosniff everywhere: each file is used as the type it is served as.
 * The content types are the standard ones by extension (.html text/html, .js text/javascript
 * or application/javascript, .json application/json, .css text/css, .png image/png, .xml
 * application/xml or text/xml). */
"use strict";

const HEADERS = [
  { source: "**", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
  { source: "**/*.!(png)", headers: [{ key: "Cache-Control", value: "no-cache" }] },
  { source: "**/*.png", headers: [{ key: "Cache-Control", value: "public, max-age=604800" }] },
  {
    source: "**/functions.json",
    headers: [
      { key: "Access-Control-Allow-Origin", value: "*" },
      { key: "Access-Control-Allow-Methods", value: "GET" },
    ],
  },
];

/** serve-handler's options for a release folder: files as they are (no clean URLs, no listing). */
function serveHandlerOptions(publicDir) {
  return { public: publicDir, cleanUrls: false, trailingSlash: false, directoryListing: false, etag: true, headers: HEADERS };
}

module.exports = { HEADERS, serveHandlerOptions };
