/* The development certificates in .certs/ (ca.crt, localhost.crt, localhost.key), used by
 * `npm start` and `npm run dev-server` on Linux: generated without sudo (nothing is installed
 * into the system store; you trust ca.crt in the browser), valid 30 days, and renewed when
 * expired or within RENEW_DAYS of expiry (checked with node:crypto's X509Certificate). */
"use strict";

const fs = require("fs");
const path = require("path");
const { X509Certificate } = require("crypto");

const CERT_DIR = path.join(__dirname, "..", ".certs");
const VALID_DAYS = 30;
const RENEW_DAYS = 3;
const DAY_MS = 86_400_000;

const files = (dir) => ({ ca: path.join(dir, "ca.crt"), cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") });

/**
 * Whether a certificate (PEM) must be renewed at `now` (ms): expired, not yet valid, or fewer
 * than `renewDays` days left.
 * @returns {{ renew: boolean, reason: string, notAfter: Date }}
 */
function certificateStatus(pem, now, renewDays = RENEW_DAYS) {
  const x = new X509Certificate(pem);
  const notAfter = new Date(x.validTo);
  const notBefore = new Date(x.validFrom);
  if (now >= notAfter.getTime()) return { renew: true, reason: `expired on ${notAfter.toISOString()}`, notAfter };
  if (now < notBefore.getTime()) return { renew: true, reason: `not valid before ${notBefore.toISOString()}`, notAfter };
  const daysLeft = (notAfter.getTime() - now) / DAY_MS;
  if (daysLeft < renewDays) return { renew: true, reason: `expires on ${notAfter.toISOString()}, in under ${renewDays} days`, notAfter };
  return { renew: false, reason: `valid until ${notAfter.toISOString()}`, notAfter };
}

/**
 * Makes sure `dir` holds usable certificates: generates them when missing, unreadable, or due
 * for renewal. Returns what happened, for the caller to tell the user.
 * @returns {Promise<{ dir: string, generated: boolean, reason: string, notAfter: Date }>}
 */
async function ensureDevCertificates(dir = CERT_DIR, now = Date.now()) {
  const f = files(dir);
  let reason = "missing";
  if (fs.existsSync(f.cert) && fs.existsSync(f.key) && fs.existsSync(f.ca)) {
    try {
      const status = certificateStatus(fs.readFileSync(f.cert), now);
      if (!status.renew) return { dir, generated: false, reason: status.reason, notAfter: status.notAfter };
      reason = status.reason;
    } catch (e) {
      reason = `unreadable (${e.message})`;
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  // office-addin-dev-certs writes nothing when ca.crt exists: the old set goes first.
  for (const file of Object.values(f)) fs.rmSync(file, { force: true });
  const { generateCertificates } = require("office-addin-dev-certs");
  await generateCertificates(f.ca, f.cert, f.key, VALID_DAYS);
  return { dir, generated: true, reason, notAfter: certificateStatus(fs.readFileSync(f.cert), now).notAfter };
}

/** The https server options (ca, cert, key) from `dir`. */
function readHttpsOptions(dir = CERT_DIR) {
  const f = files(dir);
  return { ca: fs.readFileSync(f.ca), cert: fs.readFileSync(f.cert), key: fs.readFileSync(f.key) };
}

module.exports = { CERT_DIR, VALID_DAYS, RENEW_DAYS, certificateStatus, ensureDevCertificates, readHttpsOptions };
