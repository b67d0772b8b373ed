import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/** A privacy statement ready to show: its front matter and its sanitised body. */
export interface Statement {
  title: string;
  version: string;
  /** ISO date (YYYY-MM-DD) of the last change, or '' when the source has none. */
  updated: string;
  /** The sanitised body: headings carry ids, links are safe. Clone it to show it. */
  content: DocumentFragment;
  problems: string[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * Front matter of `key: value` lines. The statement needs three plain keys, so a YAML parser
 * (13 KB) would be weight without benefit; anything else in the block is reported and ignored.
 */
function frontMatter(markdown: string, problems: string[]): { data: Record<string, string>; body: string } {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) {
    problems.push('no front matter (--- title / version / updated ---) at the top');
    return { data: {}, body: markdown };
  }
  const data: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const pair = /^(\w+):\s*(.*?)\s*$/.exec(line);
    if (pair) data[pair[1]!] = pair[2]!.replace(/^(['"])(.*)\1$/, '$2');
    else if (line.trim()) problems.push(`front matter line not understood: ${line.trim().slice(0, 60)}`);
  }
  return { data, body: markdown.slice(match[0].length) };
}

/** `Bewaartermijnen` → `bewaartermijnen`, `Inzage en wijzigen` → `inzage-en-wijzigen`. */
/** The ids the viewer gives its own title and contents heading, beside the statement's sections. */
export const VIEWER_IDS = ['statement-title', 'toc-title'];

export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'section'
  );
}

// Our own instance: a host page's marked options and extensions stay untouched.
const markdown = new Marked({ gfm: true, async: false });

/** What may stay: text structure and links, nothing that runs, loads or restyles. */
const PURIFY_OPTIONS = {
  ALLOWED_TAGS: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'b', 'i', 'code', 'pre', 'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del'],
  ALLOWED_ATTR: ['href', 'title', 'start', 'data-keuze-open'],
  ALLOW_DATA_ATTR: false,
  // http(s), mailto, tel, and relative or in-page links; no javascript:, data: or other schemes.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|[/#?.]|[^:]*$)/i,
};

const parseUrl = (href: string): URL | undefined => {
  try {
    return new URL(href, document.baseURI);
  } catch {
    return undefined;
  }
};

const ALLOWED_DATE = /^\d{4}-\d{2}-\d{2}$/;

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
const level = (heading: Element): number => Number(heading.localName[1]);
const sameText = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim().toLowerCase() == b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Fits the document's own outline under the viewer's title (the page's h1), whatever level it
 * starts at: a statement usually opens with its own `# Title`, which the front matter repeats, and
 * its sections are `##`. That first heading is the title (shown once, and taken as the title when
 * the front matter has none); the remaining headings shift so that the top level is h2, the level
 * the contents list shows. Returns the title.
 */
function outline(fragment: DocumentFragment, title: string): string {
  const first = fragment.querySelector(HEADINGS);
  const onlyTop = first && fragment.querySelectorAll(first.localName).length == 1 && first == fragment.firstElementChild;
  if (first && (title ? sameText(first.textContent ?? '', title) : onlyTop && level(first) == 1)) {
    title ||= first.textContent?.trim() ?? '';
    first.remove();
  }
  const headings = [...fragment.querySelectorAll(HEADINGS)];
  const shift = 2 - Math.min(...headings.map(level));
  if (shift) {
    for (const heading of headings) {
      const moved = document.createElement(`h${Math.min(6, Math.max(2, level(heading) + shift))}`);
      moved.append(...heading.childNodes);
      heading.replaceWith(moved);
    }
  }
  return title;
}

/**
 * Markdown with front matter → a statement. The Markdown parser does not sanitise, so its HTML goes
 * through DOMPurify with a short allowlist; ids and link attributes are added after, by us.
 */
export function readStatement(source: string, options: { externalLinksInNewTab?: boolean } = {}): Statement {
  const problems: string[] = [];
  const { data, body } = frontMatter(source, problems);
  const fragment = DOMPurify.sanitize(markdown.parse(body) as string, { ...PURIFY_OPTIONS, RETURN_DOM_FRAGMENT: true }) as DocumentFragment | null;
  // Where the page requires Trusted Types, DOMPurify needs its own policy to parse the text.
  if (!fragment) throw new Error(`DOMPurify could not parse the statement; where the page requires Trusted Types, add dompurify to the CSP's trusted-types directive`);
  const title = outline(fragment, data.title ?? '');
  // The viewer's own ids are taken: a section titled "TOC title" must not share the contents' id.
  const used = new Set<string>(VIEWER_IDS);
  for (const heading of fragment.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    let id = slug(heading.textContent ?? '');
    for (let n = 2; used.has(id); n++) id = `${slug(heading.textContent ?? '')}-${n}`;
    used.add(id);
    heading.id = id;
  }
  for (const link of fragment.querySelectorAll('a[href]')) {
    const url = parseUrl(link.getAttribute('href')!);
    if (!url) {
      problems.push(`link not understood, left as text: ${link.getAttribute('href')!.slice(0, 60)}`);
      link.removeAttribute('href');
    } else if (/^https?:$/.test(url.protocol) && url.origin != location.origin) {
      link.setAttribute('rel', 'noopener noreferrer');
      if (options.externalLinksInNewTab) link.setAttribute('target', '_blank');
    }
  }
  const updated = data.updated ?? '';
  if (updated && !ALLOWED_DATE.test(updated)) problems.push(`updated: expected a date as YYYY-MM-DD, got ${updated.slice(0, 30)}`);
  if (!title) problems.push('front matter lacks title');
  if (!data.version) problems.push('front matter lacks version');
  return { title, version: data.version ?? '', updated: ALLOWED_DATE.test(updated) ? updated : '', content: fragment, problems };
}
