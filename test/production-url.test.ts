/**
 * A production build writes the public URL (ADDIN_PUBLIC_URL) into the manifests, the function
 * metadata (help links) and the pages, and leaves no localhost URL behind: the release command
 * builds that way, and test/release/release-command.test.ts checks every file it writes. Here:
 * a public URL that is not https is refused.
 */
import { execFileSync } from "child_process";
import { tmpdir } from "os";
import { join } from "path";

const root = join(__dirname, "..");
// webpack-cli's JS entry run by this Node: the same on Windows (where .bin holds .cmd shims), Mac and Linux.
const webpackCli = join(root, "node_modules", "webpack-cli", "bin", "cli.js");

test("a public URL that is not https is refused", () => {
  expect(() =>
    execFileSync(process.execPath, [webpackCli, "--mode", "production", "--output-path", join(tmpdir(), "kustomer-bad")], {
      cwd: root,
      env: { ...process.env, ADDIN_PUBLIC_URL: "http://billing.example.com/" },
      stdio: "pipe",
    }),
  ).toThrow(/must be an https URL/);
}, 120000);
