// docs/translations.md lists every shipped text as it ships: its table is made from the text files
// (scripts/translations-table.mjs), and this test fails when the two differ.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { currentDoc, docPath, shippedTexts } from '../../scripts/translations-table.mjs';

test('docs/translations.md has every shipped text, as the text files have it', async () => {
  assert.equal(readFileSync(docPath, 'utf8'), await currentDoc(), 'docs/translations.md is out of date: run node scripts/translations-table.mjs --write');
});

test('the table is read from the files: every key, English and Dutch, from every element', async () => {
  const texts = new Map((await shippedTexts()).map(([key, en, nl]) => [key, { en, nl }]));
  assert.deepEqual(texts.get('banner.acceptAll'), { en: 'Accept all', nl: 'Alles accepteren' });
  for (const key of ['declaration.none', 'statement.title', 'email.tld', 'newsletter.another', 'preferences.newsletter.noToken']) assert.ok(texts.has(key), key);
  for (const [key, { en, nl }] of texts) assert.ok(en && nl, `${key} lacks a text`);
});
