/**
 * Service catalogue and market-testing pipeline: what the body delivers (owner, annual cost,
 * staff, volumes), whether each service is core (kept in-house by policy) or non-core and why,
 * and the waves in which non-core services are market-tested.
 */

export interface ServiceVolume {
  measure: string;
  annual: number;
}

export interface Service {
  id: string;
  name: string;
  owner: string;
  /** Pence a year. */
  annualCost: number;
  /** Posts (head count) delivering the service. */
  staff: number;
  volumes: ServiceVolume[];
  classification: { class: "core" | "non-core"; reason: string };
}

export interface MarketTestingWave {
  id: string;
  name: string;
  /** When market testing starts, ISO date. */
  start: string;
  services: string[];
}

export interface Catalogue {
  services: Service[];
  waves: MarketTestingWave[];
}
