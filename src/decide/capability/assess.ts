/**
 * Commercial capability self-assessment: a score (0 absent .. 4 leading) with evidence for each
 * of the NAO's eight contract-management areas, summarised as a mean, the weakest areas, the
 * areas not assessed and the scores claimed without evidence (which count as not shown).
 */
import type { Finding } from "../finding.ts";
import { CAPABILITY_AREAS, type CapabilityAreaId, MATURITY, MAX_SCORE } from "./areas.ts";

export interface AreaAssessment {
  area: CapabilityAreaId;
  score: number;
  evidence: string;
}

export interface CapabilitySummary {
  areas: Array<{
    area: CapabilityAreaId;
    name: string;
    score: number | null;
    maturity: string | null;
    evidenced: boolean;
  }>;
  /** Mean over assessed, evidenced areas (null when none). */
  mean: number | null;
  weakest: CapabilityAreaId[];
  notAssessed: CapabilityAreaId[];
  findings: Finding[];
}

export function assessCapability(assessments: AreaAssessment[]): CapabilitySummary {
  const findings: Finding[] = [];
  const byArea = new Map<string, { a: AreaAssessment; i: number }>();
  assessments.forEach((a, i) => {
    if (!CAPABILITY_AREAS.some((x) => x.id === a.area)) {
      findings.push({
        code: "K-AREA",
        severity: "error",
        path: `$.areas[${i}].area`,
        message: `unknown area "${a.area}"`,
      });
      return;
    }
    if (!(Number.isInteger(a.score) && a.score >= 0 && a.score <= MAX_SCORE)) {
      findings.push({
        code: "K-SCORE",
        severity: "error",
        path: `$.areas[${i}].score`,
        message: `score must be a whole number 0..${MAX_SCORE}, got ${a.score}`,
      });
      return;
    }
    if (byArea.has(a.area))
      findings.push({
        code: "K-TWICE",
        severity: "error",
        path: `$.areas[${i}].area`,
        message: `area "${a.area}" assessed twice`,
      });
    byArea.set(a.area, { a, i });
  });
  const areas = CAPABILITY_AREAS.map((x) => {
    const got = byArea.get(x.id);
    const evidenced = !!got && got.a.evidence.trim() !== "";
    if (got && !evidenced) {
      findings.push({
        code: "K-EVIDENCE",
        severity: "warning",
        path: `$.areas[${got.i}].evidence`,
        message: `${x.name}: a score without evidence is not counted`,
      });
    }
    return {
      area: x.id,
      name: x.name,
      score: got ? got.a.score : null,
      maturity: got ? MATURITY[got.a.score]! : null,
      evidenced,
    };
  });
  const counted = areas.filter((a) => a.evidenced && a.score !== null);
  const mean = counted.length > 0 ? counted.reduce((s, a) => s + a.score!, 0) / counted.length : null;
  const low = counted.length > 0 ? Math.min(...counted.map((a) => a.score!)) : null;
  return {
    areas,
    mean,
    weakest: low === null ? [] : counted.filter((a) => a.score === low).map((a) => a.area),
    notAssessed: areas.filter((a) => a.score === null).map((a) => a.area),
    findings,
  };
}
