/**
 * The dashboard's pages. To add one: write web/src/pages/XPage.tsx and add a line here; give it
 * `nav` to list it in the navigation bar, `staffOnly` to list it only for signed-in staff.
 */
import type { ReactNode } from "react";
import { AccountPage } from "./pages/AccountPage.tsx";
import { AccountsPage } from "./pages/AccountsPage.tsx";
import { AttentionPage } from "./pages/AttentionPage.tsx";
import { AuditPage } from "./pages/AuditPage.tsx";
import { BillingExceptionPage } from "./pages/BillingExceptionPage.tsx";
import { BillingPage } from "./pages/BillingPage.tsx";
import { CapabilityFormPage } from "./pages/CapabilityFormPage.tsx";
import { ContractNewPage } from "./pages/ContractNewPage.tsx";
import { ContractEditPage } from "./pages/ContractEditPage.tsx";
import { ContractPage } from "./pages/ContractPage.tsx";
import { ContractsPage } from "./pages/ContractsPage.tsx";
import { DecideListPage } from "./pages/DecideListPage.tsx";
import { DecisionNewPage } from "./pages/DecisionNewPage.tsx";
import { DmaFormPage } from "./pages/DmaFormPage.tsx";
import { DecidePage } from "./pages/DecidePage.tsx";
import { HorizonFormPage } from "./pages/HorizonFormPage.tsx";
import { FlagsIndicatorPage } from "./pages/FlagsIndicatorPage.tsx";
import { FlagsPage } from "./pages/FlagsPage.tsx";
import { LoginPage } from "./pages/LoginPage.tsx";
import { OcdsOpenDataPage } from "./pages/OcdsOpenDataPage.tsx";
import { OcdsQualityPage } from "./pages/OcdsQualityPage.tsx";
import { PipelinePage } from "./pages/PipelinePage.tsx";
import { ServicePage } from "./pages/ServicePage.tsx";
import { WaveNewPage } from "./pages/WaveNewPage.tsx";
import { WorkforceFormPage } from "./pages/WorkforceFormPage.tsx";
import { ScorecardPage } from "./pages/ScorecardPage.tsx";
import { ServiceNewPage } from "./pages/ServiceNewPage.tsx";
import { CaseFormPage } from "./pages/CaseFormPage.tsx";
import { SearchPage } from "./pages/SearchPage.tsx";
import { CommentsPage } from "./pages/CommentsPage.tsx";

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
