/**
 * `npm start`'s banner (scripts/start.mjs) gives the steps in the order they work: the
 * certificate is trusted before the help page, served over https://localhost, can open.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

test("the certificate step comes before trying the help page, and before uploading to Excel", () => {
  const text = readFileSync(join(__dirname, "..", "..", "scripts", "start.mjs"), "utf8");
  const banner = text.slice(text.indexOf("function steps("));
  const certificate = banner.indexOf("trust the development certificate");
  const help = banner.indexOf("/help.html");
  const upload = banner.indexOf("Upload My Add-in");
  expect(certificate).toBeGreaterThan(0);
  expect(help).toBeGreaterThan(certificate);
  expect(upload).toBeGreaterThan(help);
});
