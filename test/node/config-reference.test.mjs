// docs/configuration.md documents exactly the keys of `KeuzeConfig`, at every depth: a key added
// to the types without docs, or documented after it left the types, fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const typesFile = fileURLToPath(new URL('../../packages/core/src/types.ts', import.meta.url));
const docs = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');

/**
 * Every key path of an interface: `cookie.name`, `categories.<name>.label`, `newsletter.topics[].id`.
 * A type met twice (a cookie object in a category and in a service) is listed once, under the
 * shorter path, because the docs describe it once.
 */
function configKeys(fileName, interfaceName) {
  const program = ts.createProgram([fileName], { strict: true, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const declaration = program.getSourceFile(fileName).statements.find((statement) => ts.isInterfaceDeclaration(statement) && statement.name.text === interfaceName);
  assert.ok(declaration, `${interfaceName} in ${fileName}`);
  const keys = [];
  const seen = new Set();
  const queue = [[checker.getTypeAtLocation(declaration.name), '']];
  const enqueue = (type, path) => {
    for (const member of type.isUnion() ? type.types : [type]) {
      if (!(member.flags & ts.TypeFlags.Object) || member.getCallSignatures().length) continue;
      if (checker.isArrayType(member)) enqueue(checker.getTypeArguments(member)[0], `${path}[]`);
      else queue.push([member, path]);
    }
  };
  // Breadth first, so a shared type is first met on its shortest path.
  while (queue.length) {
    const [type, path] = queue.shift();
    if (seen.has(type)) continue;
    seen.add(type);
    const properties = checker.getPropertiesOfType(type);
    for (const property of properties) {
      const key = path ? `${path}.${property.name}` : property.name;
      keys.push(key);
      enqueue(checker.getNonNullableType(checker.getTypeOfSymbol(property)), key);
    }
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    if (!properties.length && index) enqueue(index.type, `${path}.<name>`);
  }
  return keys;
}

/** The key paths in the first column of every Markdown table headed "Key". */
function documentedKeys(markdown) {
  const keys = [];
  const lines = markdown.split('\n').map((line) => line.trim());
  const firstCell = (line) => line.split('|')[1].trim();
  lines.forEach((line, i) => {
    if (!line.startsWith('|') || firstCell(line) !== 'Key' || !/^\|\s*-/.test(lines[i + 1] ?? '')) return;
    for (let row = i + 2; lines[row]?.startsWith('|'); row++) {
      const key = firstCell(lines[row]).match(/^\[?`([^`]+)`(?:\]\(#[\w-]+\))?$/)?.[1];
      assert.ok(key, `configuration.md: the Key column holds a key path in code, not ${firstCell(lines[row])}`);
      keys.push(key);
    }
  });
  return keys;
}

const difference = (a, b) => [...new Set(a)].filter((key) => !b.includes(key)).sort();
const typeKeys = configKeys(typesFile, 'KeuzeConfig');

test('the reader finds nested keys and the tables that list them', () => {
  for (const key of ['categories', 'cookie.name', 'categories.<name>.services.<name>.cookies', 'categories.<name>.cookies[].thirdParty', 'newsletter.topics[].required', 'onEvent']) {
    assert.ok(typeKeys.includes(key), key);
  }
  assert.ok(!typeKeys.some((key) => key.startsWith('categories.<name>.services.<name>.cookies[]')), 'a cookie object is listed once');
  assert.ok(!typeKeys.some((key) => key.startsWith('translations.') || key.startsWith('onEvent.')), 'free-form maps and functions have no keys');
  const sample = '| Key | Type |\n| --- | --- |\n| [`revision`](#revision) | number |\n| `cookie.name` | string |\n\n| Cookie | Console |\n| --- | --- |\n| `x` | y |\n';
  assert.deepEqual(documentedKeys(sample), ['revision', 'cookie.name']);
  assert.deepEqual(difference(['revision', 'cookie.path'], documentedKeys(sample)), ['cookie.path']);
});

test('configuration.md documents every config key of the types, and no other', () => {
  const documented = documentedKeys(docs);
  assert.deepEqual(difference(typeKeys, documented), [], 'keys in KeuzeConfig without a row in a "Key" table of docs/configuration.md');
  assert.deepEqual(difference(documented, typeKeys), [], 'keys documented in docs/configuration.md that KeuzeConfig lacks');
});
