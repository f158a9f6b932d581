// Production build: Prisma client, Next.js, and server.ts bundled with esbuild into dist/server.mjs.
// `--if-needed` skips the build when its outputs are newer than every source file (npm start, e2e tests).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "i18n", "messages", "prisma", "public", "server.ts", "next.config.js",
  "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const OUTPUTS = [".next/BUILD_ID", "dist/server.mjs", "generated/prisma/client.ts"];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function isUpToDate() {
  const built = Math.min(...OUTPUTS.map((file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0)));
  return built > 0 && built >= Math.max(...SOURCES.map(newestMtime));
}

const run = (cmd, args, extraEnv = {}) =>
  execFileSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv } });

export function build({ ifNeeded = false } = {}) {
  if (ifNeeded && isUpToDate()) return false;
  const started = Date.now();
  run("node_modules/.bin/prisma", ["generate"]);
  run("node_modules/.bin/next", ["build"], { NODE_ENV: "production" });
  run("node_modules/.bin/esbuild", [
    "server.ts", "--bundle", "--platform=node", "--format=esm", "--target=node20", "--packages=external",
    "--outfile=dist/server.mjs", "--log-level=warning",
    "--banner:js=import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  ]);
  console.log(`[build] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  build({ ifNeeded: process.argv.includes("--if-needed") });
}
