/**
 * How the report writes amounts, shares and dates, and the dashboard paths its figures link to.
 * Amounts come as integer pence or as the engine's decimal-pound strings; both print the same way.
 */
import { formatGBP, tryParsePounds } from "../shared/money.ts";
import { NOT_RECORDED, type Source } from "./model.ts";

export const money = (pence: number | null | undefined): string =>
  pence === null || pence === undefined ? NOT_RECORDED : formatGBP(pence);

/** A decimal-pound string from an engine ("-1234.56") to integer pence; null when it is not one. */
export const decimalToPence = (decimal: string | null | undefined): number | null =>
  decimal === null || decimal === undefined ? null : tryParsePounds(decimal);

export const decimalMoney = (decimal: string | null | undefined): string => money(decimalToPence(decimal));

/** A share 0-1 as "12.3%". */
export const share = (p: number | null | undefined): string =>
  p === null || p === undefined || !Number.isFinite(p) ? NOT_RECORDED : `${(p * 100).toFixed(1)}%`;

export const count = (n: number | null | undefined): string =>
  n === null || n === undefined ? NOT_RECORDED : n.toLocaleString("en-GB");

export const orNot = (s: string | null | undefined): string =>
  s === null || s === undefined || s === "" ? NOT_RECORDED : s;

const enc = encodeURIComponent;

/** Dashboard paths, as web/src/routes.tsx serves them. */
export const links = {
  pipeline: (): Source => ({ label: "Pipeline", href: "/" }),
  service: (id: string, name?: string): Source => ({
    label: `Service ${name ?? id}`,
    href: `/services/${enc(id)}`,
  }),
  contract: (id: string, title?: string): Source => ({
    label: `Contract ${title ?? id}`,
    href: `/contracts/${enc(id)}`,
  }),
  /** The Decide view of a contract's deal: appraisal, horizon, workforce and gates. */
  deal: (contractId: string, what: string): Source => ({
    label: `${what}, deal ${contractId}`,
    href: `/appraisals/${enc(contractId)}`,
  }),
  billing: (contractId: string): Source => ({
    label: `Billing exceptions, contract ${contractId}`,
    href: `/billing?contract=${enc(contractId)}`,
  }),
  flags: (): Source => ({ label: "Red flags", href: "/flags" }),
  decisions: (subject: { serviceId: string | null; contractId: string | null }, label: string): Source =>
    subject.contractId
      ? { label, href: `/contracts/${enc(subject.contractId)}` }
      : subject.serviceId
        ? { label, href: `/services/${enc(subject.serviceId)}` }
        : { label, href: "/" },
};
