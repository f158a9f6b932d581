import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite resolves its WASM/data files relative to its own module URL; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "exceljs"],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
