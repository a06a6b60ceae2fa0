/**
 * The dashboard's pages. To add one: write web/src/pages/XPage.tsx and add a line here; give it
 * `nav` to list it in the navigation bar, `staffOnly` to list it only for signed-in staff.
 */
import { type ComponentType, lazy, type ReactNode } from "react";

/**
 * A page loaded on first visit, as its own chunk, so the first page does not wait for every
 * page's code (App.tsx shows "Loading…" meanwhile). What pages share (components, the API client)
 * is one "shared" chunk fetched with the entry (web/vite.config.ts).
 */
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const AccountPage = page(() => import("./pages/AccountPage.tsx").then((m) => m.AccountPage));
const AccountsPage = page(() => import("./pages/AccountsPage.tsx").then((m) => m.AccountsPage));
const AttentionPage = page(() => import("./pages/AttentionPage.tsx").then((m) => m.AttentionPage));
const AuditPage = page(() => import("./pages/AuditPage.tsx").then((m) => m.AuditPage));
const BillingExceptionPage = page(() =>
  import("./pages/BillingExceptionPage.tsx").then((m) => m.BillingExceptionPage),
);
const BillingPage = page(() => import("./pages/BillingPage.tsx").then((m) => m.BillingPage));
const CapabilityFormPage = page(() =>
  import("./pages/CapabilityFormPage.tsx").then((m) => m.CapabilityFormPage),
);
const ContractNewPage = page(() => import("./pages/ContractNewPage.tsx").then((m) => m.ContractNewPage));
const ContractEditPage = page(() => import("./pages/ContractEditPage.tsx").then((m) => m.ContractEditPage));
const ContractPage = page(() => import("./pages/ContractPage.tsx").then((m) => m.ContractPage));
const ContractsPage = page(() => import("./pages/ContractsPage.tsx").then((m) => m.ContractsPage));
const DecideListPage = page(() => import("./pages/DecideListPage.tsx").then((m) => m.DecideListPage));
const DecisionNewPage = page(() => import("./pages/DecisionNewPage.tsx").then((m) => m.DecisionNewPage));
const DmaFormPage = page(() => import("./pages/DmaFormPage.tsx").then((m) => m.DmaFormPage));
const DecidePage = page(() => import("./pages/DecidePage.tsx").then((m) => m.DecidePage));
const HorizonFormPage = page(() => import("./pages/HorizonFormPage.tsx").then((m) => m.HorizonFormPage));
const FlagsIndicatorPage = page(() =>
  import("./pages/FlagsIndicatorPage.tsx").then((m) => m.FlagsIndicatorPage),
);
const FlagsPage = page(() => import("./pages/FlagsPage.tsx").then((m) => m.FlagsPage));
const LoginPage = page(() => import("./pages/LoginPage.tsx").then((m) => m.LoginPage));
const OcdsOpenDataPage = page(() => import("./pages/OcdsOpenDataPage.tsx").then((m) => m.OcdsOpenDataPage));
const OcdsQualityPage = page(() => import("./pages/OcdsQualityPage.tsx").then((m) => m.OcdsQualityPage));
const PipelinePage = page(() => import("./pages/PipelinePage.tsx").then((m) => m.PipelinePage));
const ServicePage = page(() => import("./pages/ServicePage.tsx").then((m) => m.ServicePage));
const WaveNewPage = page(() => import("./pages/WaveNewPage.tsx").then((m) => m.WaveNewPage));
const WorkforceFormPage = page(() =>
  import("./pages/WorkforceFormPage.tsx").then((m) => m.WorkforceFormPage),
);
const ScorecardPage = page(() => import("./pages/ScorecardPage.tsx").then((m) => m.ScorecardPage));
const ServiceNewPage = page(() => import("./pages/ServiceNewPage.tsx").then((m) => m.ServiceNewPage));
const CaseFormPage = page(() => import("./pages/CaseFormPage.tsx").then((m) => m.CaseFormPage));
const SearchPage = page(() => import("./pages/SearchPage.tsx").then((m) => m.SearchPage));
const CommentsPage = page(() => import("./pages/CommentsPage.tsx").then((m) => m.CommentsPage));

export interface RouteDef {
  /** A path pattern; ":name" segments become params. */
  path: string;
  /** Label in the navigation bar; routes without one are reached by links. */
  nav?: string;
  /** Which nav entry is highlighted on this page (defaults to the route's own path). */
  section?: string;
  staffOnly?: boolean;
  /** List it in the navigation bar only for administrators. */
  adminOnly?: boolean;
  render: (params: Record<string, string>) => ReactNode;
}

export const routes: RouteDef[] = [
  { path: "/", nav: "Pipeline", render: () => <PipelinePage /> },
  { path: "/attention", nav: "Needs attention", staffOnly: true, render: () => <AttentionPage /> },
  { path: "/services/new", section: "/", render: () => <ServiceNewPage /> },
  { path: "/services/:id", section: "/", render: (p) => <ServicePage key={p.id} id={p.id ?? ""} /> },
  { path: "/cases/new", section: "/appraisals", render: () => <CaseFormPage id={null} /> },
  { path: "/cases/:id", section: "/appraisals", render: (p) => <CaseFormPage key={p.id} id={p.id ?? ""} /> },
  { path: "/contracts", nav: "Contracts", render: () => <ContractsPage /> },
  { path: "/contracts/new", section: "/contracts", staffOnly: true, render: () => <ContractNewPage /> },
  { path: "/decisions/new", section: "/", staffOnly: true, render: () => <DecisionNewPage /> },
  { path: "/waves/new", section: "/", staffOnly: true, render: () => <WaveNewPage /> },
  { path: "/workforce/new", section: "/appraisals", staffOnly: true, render: () => <WorkforceFormPage /> },
  { path: "/dma/new", section: "/appraisals", staffOnly: true, render: () => <DmaFormPage /> },
  { path: "/capability/new", section: "/appraisals", staffOnly: true, render: () => <CapabilityFormPage /> },
  {
    path: "/capability/:id/edit",
    section: "/appraisals",
    staffOnly: true,
    render: (p) => <CapabilityFormPage key={p.id} id={p.id ?? ""} />,
  },
  { path: "/horizon/new", section: "/appraisals", staffOnly: true, render: () => <HorizonFormPage /> },
  {
    path: "/horizon/:id/edit",
    section: "/appraisals",
    staffOnly: true,
    render: (p) => <HorizonFormPage key={p.id} id={p.id ?? ""} />,
  },
  {
    path: "/dma/:id/edit",
    section: "/appraisals",
    staffOnly: true,
    render: (p) => <DmaFormPage key={p.id} id={p.id ?? ""} />,
  },
  {
    path: "/workforce/:id/edit",
    section: "/appraisals",
    staffOnly: true,
    render: (p) => <WorkforceFormPage key={p.id} id={p.id ?? ""} />,
  },
  {
    path: "/contracts/:id/edit",
    section: "/contracts",
    staffOnly: true,
    render: (p) => <ContractEditPage key={p.id} id={p.id ?? ""} />,
  },
  {
    path: "/contracts/:id",
    section: "/contracts",
    render: (p) => <ContractPage key={p.id} id={p.id ?? ""} />,
  },
  { path: "/appraisals", nav: "Appraisals", render: () => <DecideListPage /> },
  {
    path: "/appraisals/:id",
    section: "/appraisals",
    render: (p) => <DecidePage key={p.id} id={p.id ?? ""} />,
  },
  { path: "/billing", nav: "Billing", staffOnly: true, render: () => <BillingPage /> },
  {
    path: "/billing/exceptions/:id",
    section: "/billing",
    render: (p) => <BillingExceptionPage key={p.id} id={p.id ?? ""} />,
  },
  { path: "/flags", nav: "Red flags", render: () => <FlagsPage /> },
  { path: "/scorecards", nav: "Scorecards", staffOnly: true, render: () => <ScorecardPage /> },
  {
    path: "/flags/indicators/:code",
    section: "/flags",
    render: (p) => <FlagsIndicatorPage key={p.code} code={p.code ?? ""} />,
  },
  { path: "/open-data", nav: "Open data", render: () => <OcdsOpenDataPage /> },
  { path: "/data-quality", nav: "Data quality", render: () => <OcdsQualityPage /> },
  { path: "/audit", nav: "Audit trail", staffOnly: true, render: () => <AuditPage /> },
  { path: "/accounts", nav: "Accounts", adminOnly: true, render: () => <AccountsPage /> },
  { path: "/search", render: () => <SearchPage /> },
  { path: "/comments", nav: "Questions", staffOnly: true, render: () => <CommentsPage /> },
  { path: "/account", render: () => <AccountPage /> },
  { path: "/login", render: () => <LoginPage /> },
];
