import { defineConfig } from "prisma/config";
import { createAdapterFactory } from "./lib/db/adapter.ts";

// The Prisma CLI (migrate diff, studio) talks to the database through the same driver adapters as the app.
export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return createAdapterFactory(process.env.DATABASE_URL ?? "memory://");
  },
});
