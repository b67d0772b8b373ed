// A server render (Next.js, Remix, Astro…) imports @keuze/react and @keuze/elements in Node, with
// no window and no document: importing them must not throw, and a wrapper must render its tag so
// the browser can upgrade it. (Lit's Node build brings a customElements shim; nothing else may be
// needed.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

test('the environment really has no DOM', () => {
  assert.equal(typeof window, 'undefined');
  assert.equal(typeof document, 'undefined');
});

const modules = ['@keuze/elements', '@keuze/elements/define', '@keuze/elements/ui', '@keuze/react'];
const imported = {};
for (const name of modules) {
  test(`${name} imports without a DOM`, async () => {
    imported[name] = await import(name);
  });
}

test('importing leaves no window or document behind for other code to trip over', () => {
  assert.equal(typeof window, 'undefined');
  assert.equal(typeof document, 'undefined');
});

const wrappers = {
  KeuzeCookieBanner: 'keuze-cookie-banner',
  KeuzeCookiePreferences: 'keuze-cookie-preferences',
  KeuzeReopenButton: 'keuze-reopen-button',
  KeuzePrivacyStatement: 'keuze-privacy-statement',
  KeuzeCookieDeclaration: 'keuze-cookie-declaration',
  KeuzeNewsletterSignup: 'keuze-newsletter-signup',
  KeuzeNewsletterPreferences: 'keuze-newsletter-preferences',
  KeuzePrivacyRequest: 'keuze-privacy-request',
};

test('each wrapper renders its element on the server, React props as attributes', () => {
  const react = imported['@keuze/react'];
  assert.deepEqual(Object.keys(react).sort(), Object.keys(wrappers).sort());
  for (const [name, tag] of Object.entries(wrappers)) {
    const markup = renderToString(createElement(react[name], { id: 'keuze' }));
    assert.equal(markup, `<${tag} id="keuze"></${tag}>`);
  }
});

test('each element can be constructed on the server (what a server renderer such as @lit-labs/ssr does)', () => {
  for (const tag of Object.values(wrappers)) {
    const Element = globalThis.customElements.get(tag);
    assert.ok(Element, `${tag} is defined`);
    assert.doesNotThrow(() => new Element(), `${tag} constructs without a DOM`);
  }
});

test('every module of @keuze/react is a client module for React Server Components', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const dist = new URL('../../packages/react/dist/', import.meta.url);
  const modules = (await readdir(dist)).filter((file) => file.endsWith('.js'));
  assert.ok(modules.length >= 8);
  for (const file of modules) assert.match(await readFile(new URL(file, dist), 'utf8'), /^'use client';/, file);
});
