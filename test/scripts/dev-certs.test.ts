/**
 * The development certificates (scripts/dev-certs.js): generated without sudo into a folder,
 * valid 30 days, and renewed when expired or within 3 days of expiry, judged from the
 * certificate's own notAfter (node:crypto X509Certificate).
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { X509Certificate } from "crypto";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const certs = require("../../scripts/dev-certs.js") as {
  RENEW_DAYS: number;
  certificateStatus(pem: Buffer | string, now: number): { renew: boolean; reason: string; notAfter: Date };
  ensureDevCertificates(dir: string, now?: number): Promise<{ generated: boolean; reason: string; notAfter: Date }>;
  readHttpsOptions(dir: string): { ca: Buffer; cert: Buffer; key: Buffer };
};

const DAY = 86_400_000;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kustomer-certs-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("generated when missing, kept while valid, renewed near expiry and after it", async () => {
  const now = Date.now();
  const first = await certs.ensureDevCertificates(dir, now);
  expect({ generated: first.generated, reason: first.reason }).toEqual({ generated: true, reason: "missing" });
  const pem = readFileSync(join(dir, "localhost.crt"));
  const x = new X509Certificate(pem);
  const notAfter = new Date(x.validTo).getTime();
  // Valid 30 days from generation (the validity is counted in days; allow the same day's slack).
  expect(Math.round((notAfter - now) / DAY)).toBe(30);
  expect(x.subjectAltName).toContain("DNS:localhost");

  // The next day: kept.
  const again = await certs.ensureDevCertificates(dir, now + DAY);
  expect(again.generated).toBe(false);
  expect(readFileSync(join(dir, "localhost.crt")).equals(pem)).toBe(true);

  // 4 days before notAfter: still kept; 2 days before (under 3): renewed; after it: expired.
  expect(certs.certificateStatus(pem, notAfter - 4 * DAY).renew).toBe(false);
  const near = certs.certificateStatus(pem, notAfter - 2 * DAY);
  expect(near.renew).toBe(true);
  expect(near.reason).toMatch(/in under 3 days$/);
  expect(certs.certificateStatus(pem, notAfter + 1000).reason).toMatch(/^expired on /);

  const renewed = await certs.ensureDevCertificates(dir, notAfter + 1000);
  expect(renewed.generated).toBe(true);
  expect(renewed.reason).toMatch(/^expired on /);
  expect(readFileSync(join(dir, "localhost.crt")).equals(pem)).toBe(false);
  const options = certs.readHttpsOptions(dir);
  expect(options.key.toString()).toMatch(/PRIVATE KEY/);
  expect(options.ca.toString()).toMatch(/BEGIN CERTIFICATE/);
}, 60_000);
