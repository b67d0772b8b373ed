// The manifest that editors, docs and framework tooling read: every element, with its events,
// attributes and parts, as the build generates it from the JSDoc.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const manifest = JSON.parse(readFileSync(new URL('../../packages/elements/custom-elements.json', import.meta.url), 'utf8'));
const elements = new Map(manifest.modules.flatMap((module) => (module.declarations ?? []).filter((declaration) => declaration.customElement).map((declaration) => [declaration.tagName, declaration])));
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
    assert.ok(
      element.attributes?.some((attribute) => attribute.name === 'theme'),
      `${tag} documents theme`,
    );
  }
  const events = (tag) =>
    elements
      .get(tag)
      .events.map((event) => event.name)
      .sort();
  assert.deepEqual(events('keuze-cookie-preferences'), ['keuze-preferences-close', 'keuze-preferences-show']);
  assert.deepEqual(events('keuze-newsletter-signup'), ['keuze-newsletter-subscribe']);
  assert.deepEqual(events('keuze-newsletter-preferences'), ['keuze-newsletter-preferences-get', 'keuze-newsletter-preferences-set', 'keuze-newsletter-unsubscribe']);
  assert.deepEqual(elements.get('keuze-cookie-banner').attributes.find((attribute) => attribute.name === 'layout').type.text, "'box' | 'bar' | 'inline'");
});

test('every public attribute, property, method, event, part and CSS property is described, and each event typed', () => {
  for (const [tag, element] of elements) {
    const publicMembers = element.members.filter((member) => !member.static && (member.privacy ?? 'public') == 'public');
    const events = element.events ?? [];
    const documented = [...element.attributes, ...publicMembers, ...events, ...element.cssParts, ...element.cssProperties];
    for (const item of documented) assert.ok(item.description, `${tag}: ${item.name} has a description`);
    for (const event of events) assert.match(event.type?.text ?? '', /^CustomEvent<\w+>$/, `${tag}: ${event.name} has its detail type`);
  }
  assert.equal(elements.get('keuze-newsletter-signup').events[0].type.text, 'CustomEvent<NewsletterSubscribeEvent>');
});

test('every element lists the theme tokens it reads, with their defaults, and its own', () => {
  const cssProperty = (tag, name) => elements.get(tag).cssProperties.find((property) => property.name === name);
  for (const tag of elements.keys()) {
    assert.equal(cssProperty(tag, '--keuze-color-background')?.default, '#ffffff', `${tag} lists --keuze-color-background`);
    assert.equal(cssProperty(tag, '--keuze-color-background-dark')?.default, '#16191e', `${tag} lists --keuze-color-background-dark`);
    assert.ok(cssProperty(tag, '--keuze-z-index'), `${tag} lists --keuze-z-index`);
  }
  assert.equal(cssProperty('keuze-privacy-statement', '--keuze-statement-max-width').default, '42rem');
  assert.equal(cssProperty('keuze-newsletter-signup', '--keuze-form-max-width').default, '32rem');
  assert.equal(cssProperty('keuze-newsletter-preferences', '--keuze-form-max-width').default, '32rem');
  const statementAttributes = elements.get('keuze-privacy-statement').attributes.map((attribute) => attribute.name);
  assert.ok(statementAttributes.includes('src-nl') && statementAttributes.includes('src-en'));
});

test('the package points tools at it', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../packages/elements/package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.files.includes('custom-elements.json'));
});
