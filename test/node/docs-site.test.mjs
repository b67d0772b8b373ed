// The docs site builds, and every link inside it leads somewhere: each relative href or src must
// name a file in the output, and each #fragment an id on that page.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'keuze-docs-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));
}

const decode = (value) => value.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");

/** Every broken internal link in a built site, as "page: href (why)". */
function brokenLinks(site) {
  const ids = new Map();
  const idsOf = (file) => {
    if (!ids.has(file)) {
      const html = readFileSync(file, 'utf8');
      ids.set(file, new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((match) => decode(match[1]))));
    }
    return ids.get(file);
  };
  const problems = [];
  for (const page of htmlFiles(site)) {
    const html = readFileSync(page, 'utf8');
    for (const [, attribute, raw] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
      const url = decode(raw);
      if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(url)) continue; // another site, mailto: and the like
      const report = (why) => problems.push(`${relative(site, page)}: ${attribute}="${url}" (${why})`);
      if (url === '') {
        report('empty');
        continue;
      }
      const [path, fragment] = url.split('#');
      let target = path === '' ? page : path.startsWith('/') ? join(site, path) : resolve(dirname(page), decodeURIComponent(path.split('?')[0]));
      if (existsSync(target) && !target.includes('.')) target = join(target, 'index.html');
      if (!existsSync(target)) report('no such file');
      else if (fragment && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) report(`no id "${fragment}"`);
    }
  }
  return problems;
}

test('the link check finds a missing page, image and anchor', () => {
  const site = join(scratch, 'fixture');
  mkdirSync(site);
  writeFileSync(join(site, 'a.html'), '<h2 id="here">A</h2><a href="b.html#there">ok</a> <a href="#here">ok</a> <a href="https://example.com/x">outside</a>');
  writeFileSync(join(site, 'b.html'), '<h2 id="there">B</h2><a href="c.html">c</a> <img src="images/x.png" alt=""> <a href="a.html#gone">gone</a> <a href="#nowhere">nowhere</a>');
  assert.deepEqual(brokenLinks(site), [
    'b.html: href="c.html" (no such file)',
    'b.html: src="images/x.png" (no such file)',
    'b.html: href="a.html#gone" (no id "gone")',
    'b.html: href="#nowhere" (no id "nowhere")',
  ]);
});

test('npm run docs builds every page, and no internal link is broken', async () => {
  // `npm test` builds first, which writes the manifest; alone, this test makes it itself.
  if (!existsSync(join(root, 'packages/elements/custom-elements.json'))) execSync('npm run manifest', { cwd: root, stdio: 'ignore' });
  const site = join(scratch, 'site');
  process.chdir(root);
  await new Eleventy('docs', site, { configPath: 'docs/eleventy.config.mjs', quietMode: true }).write();

  const pages = htmlFiles(site).map((file) => relative(site, file));
  for (const page of readdirSync(join(root, 'docs')).filter((file) => file.endsWith('.md'))) {
    assert.ok(pages.includes(page.replace(/\.md$/, '.html')), `${page} becomes a page`);
  }
  for (const tag of [
    'keuze-cookie-banner',
    'keuze-cookie-preferences',
    'keuze-reopen-button',
    'keuze-privacy-statement',
    'keuze-cookie-declaration',
    'keuze-newsletter-signup',
    'keuze-newsletter-preferences',
    'keuze-privacy-request',
  ]) {
    assert.ok(pages.includes(`${tag}.html`), `<${tag}> has a reference page`);
  }
  assert.deepEqual(brokenLinks(site), []);
});
