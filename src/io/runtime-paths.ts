/**
 * Where nous's own files are, whether it runs from source (`src/x/y.ts` under tsx or vitest) or
 * from the build (`dist/src/x/y.js`, what `bin/nous.js` runs). Files shipped beside the sources
 * (schema/, web/dist/) are found from the package root, and a worker thread's entry module is the
 * compiled `.js` sibling when running from the build, or the `.ts` source run through tsx.
 */
import { fileURLToPath } from "node:url";

/** True when this module is the compiled JavaScript in dist/ rather than the TypeScript source. */
export const COMPILED = import.meta.url.endsWith(".js");

/** The package root: two levels above src/io/ from source, three above dist/src/io/ when built. */
const ROOT = new URL(COMPILED ? "../../../" : "../../", import.meta.url);

/** Absolute path of a file or folder given relative to the package root (e.g. "schema/ocds"). */
export function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}

/**
 * Code for `new Worker(code, { eval: true })` that loads the worker module `relative` (written as
 * its source, "./x-worker.ts") next to the module whose `import.meta.url` is `from`. From the
 * build it imports the compiled `x-worker.js`; from source it first registers tsx's loader in the
 * worker (the `--import tsx` flag does not reach a worker's entry module on every Node 20).
 */
export function workerBoot(from: string, relative: string): string {
  if (from.endsWith(".js")) {
    return `import(${JSON.stringify(new URL(relative.replace(/\.ts$/, ".js"), from).href)});`;
  }
  return `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => { m.register(); return import(${JSON.stringify(
    new URL(relative, from).href,
  )}); });`;
}
