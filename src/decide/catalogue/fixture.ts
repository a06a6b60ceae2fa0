/** A small catalogue for the tests (invented figures). */
import type { Catalogue, Service } from "./types.ts";

const service = (id: string, cls: "core" | "non-core", annualCost: number, staff: number): Service => ({
  id,
  name: id,
  owner: "Director of Resources",
  annualCost,
  staff,
  volumes: [],
  classification: { class: cls, reason: cls === "core" ? "warranted powers" : "no warranted powers" },
});

export function example(): Catalogue {
  return {
    services: [
      service("finance", "non-core", 10_000_00, 100),
      service("catering", "non-core", 3_000_00, 40),
      service("custody", "core", 7_000_00, 90),
    ],
    waves: [
      { id: "w2", name: "Wave 2", start: "2014-04-01", services: ["catering"] },
      { id: "w1", name: "Wave 1", start: "2013-06-01", services: ["finance"] },
    ],
  };
}
