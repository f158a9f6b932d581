// First-load JS of a page as a browser gets it: every <script src> in the server-rendered HTML, fetched gzip-encoded.
// Usage: start the app (npm start), then `npm run bench:first-load [path] [学号] [password]`.
import { gzipSync } from "node:zlib";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const [, , pathArg, no = "2023010101", password = "medblend2026"] = process.argv;
const BUDGET_KB = 200;

const jar = new Map();
const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
async function request(url, init = {}) {
  const response = await fetch(new URL(url, base), { ...init, redirect: "manual", headers: { ...init.headers, cookie: cookieHeader() } });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return response;
}

const { csrfToken } = await (await request("/api/auth/csrf")).json();
const login = await request("/api/auth/callback/credentials", {
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ csrfToken, no, password, json: "true" }),
});
if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);

let path = pathArg;
if (!path) {
  // The student course page: the first course linked from the student's home.
  const home = await (await request("/student")).text();
  path = home.match(/href="(\/student\/courses\/[^"]+)"/)?.[1];
  if (!path) throw new Error("no course link on /student");
}
const html = await (await request(path)).text();
const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
let raw = 0;
let gzip = 0;
for (const src of scripts) {
  const body = Buffer.from(await (await request(src)).arrayBuffer());
  raw += body.length;
  gzip += gzipSync(body, { level: 6 }).length;
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(`page: ${path}`);
console.log(`scripts: ${scripts.length}, first-load JS: ${kb(raw)} KB raw, ${kb(gzip)} KB gzip (budget ${BUDGET_KB} KB gzip)`);
process.exitCode = gzip / 1024 <= BUDGET_KB ? 0 : 1;
