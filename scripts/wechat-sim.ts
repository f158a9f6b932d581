// The local WeChat simulator: `npm run wechat:sim` starts it; with a command it talks to the running one.
//   npm run wechat:sim                                   start on :3900 (WECHAT_SIM_PORT), deliver to the app's callback
//   npm run wechat:sim -- faults quotaRate=0.1 slowMs=200   replace the injected faults (none given = all off)
//   npm run wechat:sim -- faults expireTokens=true          expire every access_token issued so far
//   npm run wechat:sim -- say <openid> <text…>              a user's text message to the app
//   npm run wechat:sim -- event <openid> <subscribe|unsubscribe>
//   npm run wechat:sim -- state                             users, faults, counters, recent deliveries
// Environment: WECHAT_SIM_PORT, WECHAT_SIM_HOST, WECHAT_SIM_CALLBACK_URL (default
// http://127.0.0.1:3000/api/wechat/callback), WECHAT_SIM_CALLBACK_MODE (aes | plain), WECHAT_SIM_URL (for the
// commands), and the app's own WECHAT_* settings (lib/wechat/config.ts) so that both sides share the credentials.
import { SIMULATOR_PORT } from "@/lib/wechat/config";
import { startWechatSimulator } from "@/lib/wechat-sim";

const port = Number(process.env.WECHAT_SIM_PORT ?? SIMULATOR_PORT);
const adminBase = (process.env.WECHAT_SIM_URL ?? `http://127.0.0.1:${port}`).replace(/\/$/, "");

async function admin(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${adminBase}/sim/admin/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => {
    throw new Error(`no simulator answers at ${adminBase} (start it with: npm run wechat:sim)`);
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/** key=value pairs → faults: numbers, or true/false for expireTokens. */
function parseFaults(pairs: string[]): Record<string, number | boolean> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const [key, value = ""] = pair.split("=");
      if (value === "true" || value === "false") return [key, value === "true"];
      const number = Number(value);
      if (!key || value === "" || Number.isNaN(number)) throw new Error(`expected key=value, got "${pair}"`);
      return [key, number];
    }),
  );
}

async function serve() {
  const mode = process.env.WECHAT_SIM_CALLBACK_MODE === "plain" ? "plain" : "aes";
  const callback = process.env.WECHAT_SIM_CALLBACK_URL ?? "http://127.0.0.1:3000/api/wechat/callback";
  const sim = await startWechatSimulator({
    port,
    host: process.env.WECHAT_SIM_HOST ?? "127.0.0.1",
    callback,
    callbackMode: mode,
    log: (line) => console.log(`[wechat-sim] ${line}`),
  });
  console.log(`[wechat-sim] WeChat simulator on ${sim.url} — API, OAuth pages, simulated phone at ${sim.url}/phone`);
  console.log(`[wechat-sim] delivering to ${callback} (${mode === "aes" ? "safe mode, AES" : "plaintext"})`);
  for (const user of sim.users) {
    console.log(`  ${user.openid}  ${user.nickname}${user.subscribed ? "" : "（未关注）"}`);
  }
  const stop = async () => {
    await sim.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

async function main(args: string[]) {
  const [command, ...rest] = args;
  switch (command) {
    case undefined:
    case "serve":
      return serve();
    case "faults":
      return console.log(JSON.stringify(await admin("faults", parseFaults(rest)), null, 2));
    case "say":
      if (rest.length < 2) throw new Error("usage: say <openid> <text…>");
      return console.log(JSON.stringify(await admin("deliver", { type: "text", openid: rest[0], content: rest.slice(1).join(" ") }), null, 2));
    case "event":
      if (rest.length !== 2) throw new Error("usage: event <openid> <subscribe|unsubscribe>");
      return console.log(JSON.stringify(await admin("deliver", { type: "event", openid: rest[0], event: rest[1] }), null, 2));
    case "state":
      return console.log(JSON.stringify(await admin("state"), null, 2));
    default:
      throw new Error(`unknown command "${command}" (serve, faults, say, event, state)`);
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`[wechat-sim] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
