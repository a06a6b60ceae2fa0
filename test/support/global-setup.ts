/** Vitest global setup: starts shared test services (see test/support/). */
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
