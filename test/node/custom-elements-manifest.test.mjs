// The manifest that editors, docs and framework tooling read: every element, with its events,
// attributes and parts, as the build generates it from the JSDoc.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const manifest = JSON.parse(readFileSync(new URL('../../packages/elements/custom-elements.json', import.meta.url), 'utf8'));
const elements = new Map(
  manifest.modules.flatMap((module) => (module.declarations ?? []).filter((declaration) => declaration.customElement).map((declaration) => [declaration.tagName, declaration])),
);
const registry = readFileSync(new URL('../../packages/elements/src/ui.ts', import.meta.url), 'utf8');
const tags = [...registry.matchAll(/'(keuze-[\w-]+)': \(\) => import/g)].map((match) => match[1]);

test('the manifest lists every element the script tag can load', () => {
  assert.ok(tags.length >= 7);
  assert.deepEqual([...elements.keys()].sort(), [...tags].sort());
});

test('each element documents its parts, and its events where it has any', () => {
  for (const [tag, element] of elements) {
    assert.ok(element.summary, `${tag} has a summary`);
    assert.ok(element.cssParts?.length, `${tag} documents its parts`);
    assert.ok(element.attributes?.some((attribute) => attribute.name === 'theme'), `${tag} documents theme`);
  }
  const events = (tag) => elements.get(tag).events.map((event) => event.name).sort();
  assert.deepEqual(events('keuze-cookie-preferences'), ['keuze-preferences-close', 'keuze-preferences-show']);
  assert.deepEqual(events('keuze-newsletter-signup'), ['keuze-newsletter-subscribe']);
  assert.deepEqual(events('keuze-newsletter-preferences'), ['keuze-newsletter-preferences-get', 'keuze-newsletter-preferences-set', 'keuze-newsletter-unsubscribe']);
  assert.deepEqual(elements.get('keuze-cookie-banner').attributes.find((attribute) => attribute.name === 'layout').type.text, "'box' | 'bar' | 'inline'");
});

test('the package points tools at it', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../packages/elements/package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.files.includes('custom-elements.json'));
});
