/**
 * The portal's Atom feeds (RFC 4287): a feed has an id, a title, an updated time, a self and an
 * alternate link, and an author; each entry an id, a title, an updated time, a link to its page
 * and its content as type="text" (XML-escaped, so nothing in it is read as markup). Ids are tag:
 * URIs (RFC 4151) made from the host the request names and the entry's stable key, so an entry
 * keeps its id when the feed is read again.
 */
import type { FeedEntry } from "../../app/portal.ts";

function xml(text: string): string {
  // Characters XML 1.0 does not allow at all are dropped; the rest escaped.
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 forbids are what it drops
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

export interface FeedOptions {
  /** scheme://host of the request, for absolute links. */
  origin: string;
  /** The host name alone, for the tag: ids. */
  authority: string;
  title: string;
  /** The feed's own path, and the page it is the feed of. */
  selfPath: string;
  pagePath: string;
  /** Used when there are no entries yet. */
  emptyUpdated: string;
}

export function atomFeed(o: FeedOptions, entries: readonly FeedEntry[]): string {
  const tag = (key: string) => `tag:${o.authority},2026:nous/${key}`;
  const updated =
    entries
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? o.emptyUpdated;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${xml(tag(`feed${o.selfPath}`))}</id>`,
    `<title>${xml(o.title)}</title>`,
    `<updated>${xml(updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xml(o.origin + o.selfPath)}"/>`,
    `<link rel="alternate" type="text/html" href="${xml(o.origin + o.pagePath)}"/>`,
    "<author><name>nous public portal</name></author>",
  ];
  for (const e of entries) {
    lines.push(
      "<entry>",
      `<id>${xml(tag(e.key))}</id>`,
      `<title type="text">${xml(e.title)}</title>`,
      `<updated>${xml(e.updated)}</updated>`,
      `<link rel="alternate" type="text/html" href="${xml(o.origin + e.path)}"/>`,
      `<content type="text">${xml(e.text)}</content>`,
      "</entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}
