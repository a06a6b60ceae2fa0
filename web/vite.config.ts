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
    rolldownOptions: {
      output: {
        // Each page is a chunk of its own (routes.tsx). What two or more pages share (tables,
        // forms, the API client, the contract schemas) goes in one "shared" chunk, fetched with
        // the first page, rather than dozens of chunks of a few kB each; the charts stay apart.
        codeSplitting: {
          groups: [
            {
              name: "shared",
              test: (id) =>
                !/[\\/]web[\\/]src[\\/]pages[\\/]|[\\/]node_modules[\\/](echarts|zrender)[\\/]/.test(id),
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development: the API runs on PORT 8181.
    proxy: { "/api": "http://127.0.0.1:8181" },
    fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] },
  },
});
