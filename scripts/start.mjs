// `npm start`: build once (or when sources changed), then serve in production mode on :3000.
import { build } from "./build.mjs";

process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
build({ ifNeeded: true });
await import("../dist/server.mjs");
