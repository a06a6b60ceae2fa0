/**
 * Builds the dashboard into web/dist, which the API server serves (index.html for every
 * non-API GET, so the History-API routes work on reload). `npm run build:web` runs it.
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // The charts (echarts) are a chunk of their own, about 500 kB, loaded only on appraisal pages.
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development: the API runs on PORT 8181.
    proxy: { "/api": "http://127.0.0.1:8181" },
    fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] },
  },
});
