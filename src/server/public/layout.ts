/**
 * The frame of every portal page: language, title, viewport, the one stylesheet, a skip link,
 * the banner, navigation and footer landmarks around one main region. No script, anywhere.
 */
import { html, type SafeHtml } from "./html.ts";

export interface PageOptions {
  title: string;
  /** A feed to announce for this page (its own contract feed on a contract page). */
  feed?: { href: string; title: string };
  body: SafeHtml;
}

export function page(o: PageOptions): SafeHtml {
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} — nous public portal</title>
<link rel="stylesheet" href="/public/portal.css">
<link rel="alternate" type="application/atom+xml" title="nous: all publications" href="/public/feed.atom">
${o.feed ? html`<link rel="alternate" type="application/atom+xml" title="${o.feed.title}" href="${o.feed.href}">` : null}
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="site">
<a class="name" href="/public">nous public portal</a>
<nav aria-label="Portal">
<ul>
<li><a href="/public">Home</a></li>
<li><a href="/public#contracts">Contracts</a></li>
<li><a href="/public#services">Services</a></li>
<li><a href="/public#decisions">Decisions</a></li>
<li><a href="/public/search">Search</a></li>
<li><a href="/public/feed.atom">Atom feed</a></li>
</ul>
</nav>
</header>
<main id="main" tabindex="-1">
${o.body}
</main>
<footer class="site">
<p>Only records the body has published appear here. Open data: <a href="/api/ocds/releases">OCDS release package (JSON)</a>. <a href="/api/docs">API documentation</a>.</p>
</footer>
</body>
</html>
`;
}

export function notFoundPage(): SafeHtml {
  return page({
    title: "Page not found",
    body: html`<h1>Page not found</h1>
<p>There is no published record at this address. It may not exist, or it may not have been published yet.</p>
<p><a href="/public">Go to the portal's home page</a> or <a href="/public/search">search the published records</a>.</p>`,
  });
}
