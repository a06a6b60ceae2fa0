/**
 * The portal's pages, from the published data src/app/portal.ts reads: the home page (every
 * published contract, service and decision), one page per record, and search results. Every
 * value goes through html`` and is escaped; figures state "not recorded" when the data is not held.
 */
import type { SearchAnswer } from "../../contract/search.ts";
import type { Contract, Decision, Service } from "../../contract/records.ts";
import type { Horizon, PortalContract, PortalDecision, PortalHome, PortalService } from "../../app/portal.ts";
import { formatGBP } from "../../shared/money.ts";
import { html, type SafeHtml } from "./html.ts";
import { page } from "./layout.ts";
import { questionsSection } from "./questions.ts";

const NOT_RECORDED = "not recorded";

function money(pence: number | null | undefined): string {
  return pence === null || pence === undefined ? NOT_RECORDED : formatGBP(pence);
}

function date(d: string | null | undefined): string {
  return d ? d : NOT_RECORDED;
}

const enc = encodeURIComponent;

function contractLink(c: Contract): SafeHtml {
  return html`<a href="/public/contracts/${enc(c.id)}">${c.title}</a>`;
}
function serviceLink(s: Service): SafeHtml {
  return html`<a href="/public/services/${enc(s.id)}">${s.name}</a>`;
}
function decisionLink(d: Decision): SafeHtml {
  return html`<a href="/public/decisions/${enc(d.id)}">${d.title}</a>`;
}

export function searchForm(q = ""): SafeHtml {
  return html`<form class="search" method="get" action="/public/search" role="search" aria-label="Search the published records">
<div><label for="q">Search the published records</label>
<input type="search" id="q" name="q" value="${q}" maxlength="200"></div>
<button type="submit">Search</button>
</form>`;
}

export function homePage(h: PortalHome): SafeHtml {
  return page({
    title: "Published contracts, services and decisions",
    body: html`<h1>Published contracts, services and decisions</h1>
<p class="lede">What the body has published about the services it runs, the contracts it has let, and the decisions it has taken, with the reasons given. Anyone may ask a question about any of them; the body answers here.</p>
${searchForm()}
<section aria-labelledby="contracts"><h2 id="contracts">Contracts</h2>
${
  h.contracts.length
    ? html`<div class="table-wrap"><table><caption>Published contracts</caption>
<thead><tr><th scope="col">Contract</th><th scope="col">Supplier</th><th scope="col" class="num">Value</th><th scope="col">Ends</th></tr></thead>
<tbody>${h.contracts.map(
        (c) =>
          html`<tr><td>${contractLink(c)}</td><td>${c.supplier}</td><td class="num">${money(c.valuePence)}</td><td>${date(c.endDate)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>No contracts are published yet.</p>`
}
</section>
<section aria-labelledby="services"><h2 id="services">Services</h2>
${h.services.length ? html`<ul class="records">${h.services.map((s) => html`<li>${serviceLink(s)} <span class="muted">(${s.classification}, stage: ${s.stage})</span></li>`)}</ul>` : html`<p>No services are published yet.</p>`}
</section>
<section aria-labelledby="decisions"><h2 id="decisions">Decisions</h2>
${h.decisions.length ? html`<ul class="records">${h.decisions.map((d) => html`<li>${d.decidedOn}: ${decisionLink(d)} — ${d.outcome}</li>`)}</ul>` : html`<p>No decisions are published yet.</p>`}
</section>
<section aria-labelledby="open-data"><h2 id="open-data">Open data and news</h2>
<ul class="records">
<li><a href="/api/ocds/releases">Every published notice as an OCDS release package (JSON)</a></li>
<li><a href="/public/feed.atom">Atom feed of publications, questions and answers</a></li>
</ul></section>`,
  });
}

function horizonSection(h: Horizon | null): SafeHtml {
  return html`<section aria-labelledby="horizon"><h2 id="horizon">Accountability horizon</h2>
${
  h
    ? html`<p>Of £${h.total} committed from ${h.start} to ${h.end}, ${Math.round(h.shareAfterDecidingTerm * 100)}% falls after the term of the administration that decided; ${h.administrationsBound} later administration${h.administrationsBound === 1 ? " is" : "s are"} bound by it.</p>
<div class="table-wrap"><table><caption>Money committed per administration</caption>
<thead><tr><th scope="col">Administration</th><th scope="col">From</th><th scope="col">To</th><th scope="col" class="num">Committed</th><th scope="col">Role</th></tr></thead>
<tbody>${h.administrations.map(
        (a) =>
          html`<tr><td>${a.label}</td><td>${a.from}</td><td>${a.to}</td><td class="num">£${a.committed}</td><td>${a.role === "deciding" ? "took the decision" : a.role === "bound" ? "bound by it" : "before the decision"}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>The payment profile is ${NOT_RECORDED} (not published), so the money committed per administration cannot be shown.</p>`
}</section>`;
}

function demo(isDemo: boolean): SafeHtml | null {
  return isDemo ? html` <span class="muted">(demo figure)</span>` : null;
}

function savingsSection(p: PortalContract): SafeHtml {
  const c = p.contract;
  const sv = p.savings;
  if (!sv.planned)
    return html`<section aria-labelledby="savings"><h2 id="savings">Savings claimed and realised</h2>
<dl class="facts"><dt>Claimed</dt><dd>${money(c.savingsClaimedPence)}</dd><dt>Realised</dt><dd>${NOT_RECORDED}</dd></dl></section>`;
  return html`<section aria-labelledby="savings"><h2 id="savings">Savings claimed and realised</h2>
<dl class="facts">
<dt>Claimed over the contract</dt><dd>${money(sv.claimedTotalPence)}</dd>
<dt>Claimed to date</dt><dd>${money(sv.claimedToDatePence)}</dd>
<dt>Realised to date</dt><dd>${money(sv.realisedToDatePence)}${demo(sv.demo)}</dd>
<dt>Gap to date</dt><dd>${money(sv.gapToDatePence)}</dd>
</dl>
${sv.source ? html`<p class="muted">Source: ${sv.source}</p>` : null}
<div class="table-wrap"><table><caption>Savings by year: claimed against realised</caption>
<thead><tr><th scope="col">Year</th><th scope="col" class="num">Claimed</th><th scope="col" class="num">Realised</th><th scope="col" class="num">Realised less claimed</th></tr></thead>
<tbody>${sv.rows.map(
    (r) =>
      html`<tr><td>${r.label}${r.demo ? " (demo)" : ""}</td><td class="num">${money(r.claimedPence)}</td><td class="num">${r.when === "future" ? "not yet" : money(r.realisedPence)}</td><td class="num">${r.when === "future" ? "" : money(r.variancePence)}</td></tr>`,
  )}</tbody></table></div></section>`;
}

function datesSection(p: PortalContract): SafeHtml {
  const upcoming = p.dates.deadlines.filter((d) => d.daysLeft >= 0);
  return html`<section aria-labelledby="deadlines"><h2 id="deadlines">Dates ahead</h2>
${
  upcoming.length
    ? html`<div class="table-wrap"><table><caption>Deadlines from today (${p.dates.today})</caption>
<thead><tr><th scope="col">Date</th><th scope="col">What</th><th scope="col" class="num">Days left</th></tr></thead>
<tbody>${upcoming.map((d) => html`<tr><td>${d.date}</td><td>${d.title}</td><td class="num">${d.daysLeft}</td></tr>`)}</tbody></table></div>`
    : html`<p>No dates ahead are recorded.</p>`
}</section>`;
}

function decisionsList(ds: Decision[]): SafeHtml {
  return ds.length
    ? html`<ul class="records">${ds.map((d) => html`<li>${d.decidedOn}: ${decisionLink(d)} — ${d.outcome}</li>`)}</ul>`
    : html`<p>No decisions are published.</p>`;
}

export function contractPage(p: PortalContract, asked: string | undefined): SafeHtml {
  const c = p.contract;
  const latest = new Map<string, { rating: string; periodEnd: string; explanation: string }>();
  for (const r of p.events.ratings) {
    const had = latest.get(r.kpiId);
    if (!had || had.periodEnd < r.periodEnd) latest.set(r.kpiId, r);
  }
  const published = p.notices.filter((n) => n.published);
  return page({
    title: c.title,
    feed: { href: `/public/contracts/${enc(c.id)}/feed.atom`, title: `nous: ${c.title}` },
    body: html`<h1>${c.title}</h1>
<p class="lede">${c.description || "No description is published."}</p>
<dl class="facts">
<dt>Buyer</dt><dd>${c.buyer}</dd>
<dt>Supplier</dt><dd>${c.supplier}</dd>
<dt>Status</dt><dd>${p.dates.status}</dd>
<dt>Value</dt><dd>${money(c.valuePence)}</dd>
<dt>Awarded</dt><dd>${date(c.awardedOn)}</dd>
<dt>Runs</dt><dd>${date(p.dates.startDate ?? c.startDate)} to ${date(p.dates.currentEnd ?? c.endDate)}${
      (p.dates.maximumEnd ?? c.maxEndDate) &&
      (p.dates.maximumEnd ?? c.maxEndDate) !== (p.dates.currentEnd ?? c.endDate)
        ? html` (at most to ${p.dates.maximumEnd ?? c.maxEndDate} with every option)`
        : null
    }</dd>
<dt>Services</dt><dd>${p.services.length ? p.services.map((s, i) => html`${i ? ", " : ""}${serviceLink(s)}`) : "none published"}</dd>
${c.ocid ? html`<dt>OCDS id</dt><dd>${c.ocid}</dd>` : null}
</dl>
${savingsSection(p)}
${datesSection(p)}
<section aria-labelledby="performance"><h2 id="performance">Performance</h2>
${
  p.events.kpis.length
    ? html`<div class="table-wrap"><table><caption>Key performance indicators and the latest rating</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">Target</th><th scope="col">Latest rating</th><th scope="col">Period ending</th></tr></thead>
<tbody>${p.events.kpis.map((k) => {
        const r = latest.get(k.id);
        return html`<tr><td>${k.title}</td><td>${k.target}</td><td>${r ? r.rating : NOT_RECORDED}</td><td>${r ? r.periodEnd : ""}</td></tr>`;
      })}</tbody></table></div>`
    : html`<p>No performance indicators are published.</p>`
}
${p.events.termination ? html`<p>The contract ended on ${p.events.termination.terminatedOn} (${p.events.termination.reason}): ${p.events.termination.explanation}</p>` : null}
</section>
<section aria-labelledby="notices"><h2 id="notices">Notices</h2>
${
  published.length
    ? html`<ul class="records">${published.map(
        (n) =>
          html`<li>${n.type} — ${n.name}: <a href="/api/contracts/${enc(c.id)}/notices/${n.type}">the notice as OCDS JSON</a></li>`,
      )}</ul>`
    : html`<p>No Procurement Act 2023 notices are published for this contract.</p>`
}
${c.ocid ? html`<p><a href="/api/ocds/releases?ocid=${enc(c.ocid)}">Every release of ${c.ocid} as an OCDS release package (JSON)</a></p>` : null}
</section>
<section aria-labelledby="decisions"><h2 id="decisions">Decisions</h2>${decisionsList(p.decisions)}</section>
${horizonSection(p.horizon)}
${questionsSection(`contract:${c.id}`, p.questions, asked)}
<p><a href="/public/contracts/${enc(c.id)}/feed.atom">Atom feed of this contract</a></p>`,
  });
}

export function servicePage(p: PortalService, asked: string | undefined): SafeHtml {
  const s = p.service;
  return page({
    title: s.name,
    body: html`<h1>${s.name}</h1>
<p class="lede">${s.description || "No description is published."}</p>
<dl class="facts">
<dt>Owner</dt><dd>${s.owner || NOT_RECORDED}</dd>
<dt>Classification</dt><dd>${s.classification}: ${s.classificationReason}</dd>
<dt>Stage</dt><dd>${s.stage}</dd>
<dt>Annual cost</dt><dd>${money(s.annualCostPence)}</dd>
<dt>Staff</dt><dd>${s.staff ?? NOT_RECORDED}</dd>
</dl>
<section aria-labelledby="contracts"><h2 id="contracts">Contracts</h2>
${p.contracts.length ? html`<ul class="records">${p.contracts.map((c) => html`<li>${contractLink(c)} with ${c.supplier}</li>`)}</ul>` : html`<p>No contracts are published for this service.</p>`}
</section>
<section aria-labelledby="decisions"><h2 id="decisions">Decisions</h2>${decisionsList(p.decisions)}</section>
${questionsSection(`service:${s.id}`, p.questions, asked)}`,
  });
}

export function decisionPage(p: PortalDecision, asked: string | undefined): SafeHtml {
  const d = p.decision;
  return page({
    title: d.title,
    body: html`<h1>${d.title}</h1>
<dl class="facts">
<dt>Decided</dt><dd>${d.decidedOn}, by ${d.decidedBy}</dd>
<dt>Gate</dt><dd>${d.gate}</dd>
<dt>Outcome</dt><dd>${d.outcome}</dd>
${p.service ? html`<dt>Service</dt><dd>${serviceLink(p.service)}</dd>` : null}
${p.contract ? html`<dt>Contract</dt><dd>${contractLink(p.contract)}</dd>` : null}
</dl>
<section aria-labelledby="reasons"><h2 id="reasons">Reasons</h2>
<p>${d.rationale || "No reasons are published."}</p>
${d.drivers.length ? html`<h3>What drove it</h3><ul class="records">${d.drivers.map((x) => html`<li>${x}</li>`)}</ul>` : null}
${d.outOfOrderReason ? html`<h3>Taken out of the usual order, because</h3><p>${d.outOfOrderReason}</p>` : null}
${d.flags.length ? html`<h3>Flags the gate rules raise</h3><ul class="records">${d.flags.map((f) => html`<li>${f}</li>`)}</ul>` : null}
</section>
${p.contract ? horizonSection(p.horizon) : null}
${questionsSection(`decision:${d.id}`, p.questions, asked)}`,
  });
}

function resultLink(r: SearchAnswer["results"][number]): SafeHtml {
  switch (r.kind) {
    case "contract":
      return html`<a href="/public/contracts/${enc(r.id)}">${r.title}</a>`;
    case "service":
      return html`<a href="/public/services/${enc(r.id)}">${r.title}</a>`;
    case "decision":
      return html`<a href="/public/decisions/${enc(r.id)}">${r.title}</a>`;
    case "notice":
      return html`<a href="/api/ocds/releases?ocid=${enc(r.subject ?? "")}">${r.title}</a>`;
    case "comment": {
      const [kind = "", id = ""] = (r.subject ?? "").split(":");
      return html`<a href="/public/${kind}s/${enc(id)}#${r.id}">${r.title}</a>`;
    }
    default:
      return html`<a href="/public/search?q=${enc(r.title)}">${r.title}</a>`;
  }
}

const KIND_NAMES: Record<string, string> = {
  contract: "Contract",
  service: "Service",
  decision: "Decision",
  notice: "Notice",
  comment: "Question",
  supplier: "Supplier",
};

export function searchPage(a: SearchAnswer | null): SafeHtml {
  return page({
    title: a ? `Search: ${a.query}` : "Search",
    body: html`<h1>Search the published records</h1>
${searchForm(a?.query ?? "")}
${
  a === null
    ? html`<p>Type words to find in published contracts, services, suppliers, decisions, notices and questions.</p>`
    : a.results.length === 0
      ? html`<p role="status">No published record matches ${a.terms.length ? a.terms.join(" ") : "that"}.</p>`
      : html`<p role="status">${a.results.length} result${a.results.length === 1 ? "" : "s"}.</p>
<ol class="records">${a.results.map(
          (r) =>
            html`<li><p><span class="muted">${KIND_NAMES[r.kind] ?? r.kind}:</span> ${resultLink(r)}</p><p>${r.snippet.map((s) => (s.match ? html`<mark>${s.text}</mark>` : html`${s.text}`))}</p></li>`,
        )}</ol>`
}`,
  });
}
