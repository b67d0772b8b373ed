import { createHash } from 'node:crypto';
import type { ConsentLogEntry, ConsentMethod } from '@keuze/core';
import { browserFamily, METHODS } from '@keuze/core/internal';
import { badRequest, ClientError, json, readJsonObject } from './http.js';
import type { Database } from './store/database.js';
import { fields, integer, isoTime, language, list, map, NAME, nullable, object, oneOf, string, type Check } from './validation.js';

/** Every method a record can carry is in core's list (the record codec's): this fails the build when one is missing. */
type MissingMethod = Exclude<ConsentMethod, (typeof METHODS)[number]>;
const allMethods: MissingMethod extends never ? true : never = true;
void allMethods;

/** An entry is a few hundred bytes; the texts it may carry are the banner's and the dialog's. */
export const CONSENT_LOG_LIMIT = 64 * 1024;
const CONSENT_ID = /^[\w-]{8,64}$/;
const TEXTS_HASH = /^(sha256:[\da-f]{64}|fnv1a:[\da-z]{1,7})$/;

/** What `POST /consent-log` accepts: the browser's `ConsentLogEntry`, and optionally the texts its hash stands for. */
function readEntry(body: Record<string, unknown>): LogEntry {
  const entry = fields(
    body,
    {
      consentId: string(64, CONSENT_ID, 'the record’s consent id (8–64 of A–Z a–z 0–9 _ -)'),
      timestamp: isoTime,
      method: oneOf(METHODS),
      categories: list(string(40, NAME, 'a category name'), 100),
      services: map(list(string(40, NAME, 'a service name'), 100), 100),
      revision: integer(0, 999_999_999),
      statementVersion: nullable(string(100)),
      language,
      textsHash: nullable(string(71, TEXTS_HASH, 'sha256:<64 hex digits> or fnv1a:<checksum>')),
      userAgent: string(32, /^[\w ]+$/, 'a browser family such as Chrome'),
    },
    { texts: string(60_000) },
  );
  if (entry.texts !== undefined) {
    // Only a SHA-256 hash can be checked against the texts: a checksum could be matched by other texts.
    if (!entry.textsHash?.startsWith('sha256:')) throw badRequest('texts: sent only with a sha256 textsHash');
    if (`sha256:${createHash('sha256').update(entry.texts).digest('hex')}` !== entry.textsHash) throw badRequest('texts: do not match textsHash');
  }
  return entry;
}

/** A decision as stored: the entry's fields, its time in milliseconds, and maybe the texts its hash stands for. */
type LogEntry = Omit<ConsentLogEntry, 'timestamp'> & { timestamp: number; texts?: string };

/** What the receipt says but the log does not keep: checked for shape, not stored. */
const described = string(2000);
const anyObject = object(() => undefined);

const PURPOSE_STATUS = ['dpv:ConsentGiven', 'dpv:ConsentRefused'] as const;

/** One `dpv:hasPurpose` item: a category, granted, refused, or strictly necessary (legitimate interest). */
const purpose: Check<{ name: string; granted: boolean; services?: string[] }> = (value, field) => {
  const item = object((body) =>
    fields(
      body,
      { '@type': oneOf(['dpv:Purpose']), 'dct:identifier': string(40, NAME, 'a category name'), 'dct:title': described },
      {
        'dct:description': described,
        'dpv:hasConsentStatus': object((status) => fields(status, { '@id': oneOf(PURPOSE_STATUS) })['@id']),
        'dpv:hasLegalBasis': object((basis) => fields(basis, { '@id': oneOf(['dpv:LegitimateInterest']) })['@id']),
        'dpv:isIndicatedAtTime': isoTime,
        'dct:hasPart': list(
          object((part) => fields(part, { 'dct:identifier': string(40, NAME, 'a service name') }, { 'dct:title': described })['dct:identifier']),
          100,
        ),
      },
    ),
  )(value, field);
  if (!item['dpv:hasConsentStatus'] == !item['dpv:hasLegalBasis']) throw badRequest(`${field}: expected dpv:hasConsentStatus or dpv:hasLegalBasis`);
  const granted = item['dpv:hasConsentStatus'] != 'dpv:ConsentRefused';
  if (!granted && item['dct:hasPart']) throw badRequest(`${field}.dct:hasPart: services of a refused purpose`);
  return { name: item['dct:identifier'], granted, services: item['dct:hasPart'] };
};

/**
 * `consentLog.format: "iso27560"`: the consent record of `Keuze.receipt()` (ISO/IEC TS 27560:2023
 * in W3C DPV terms, docs/api.md) read into the same entry the default format sends. The record
 * has no browser family: the request's User-Agent header gives it, reduced to the family as the
 * browser does it. It carries no texts, only their hash.
 */
function readReceipt(body: Record<string, unknown>, userAgent: string): LogEntry {
  const record = fields(
    body,
    {
      '@context': anyObject,
      '@id': string(100),
      '@type': oneOf(['dpv:ConsentRecord']),
      'dct:conformsTo': oneOf(['ISO/IEC TS 27560:2023']),
      'dct:identifier': string(64, CONSENT_ID, 'the record’s consent id (8–64 of A–Z a–z 0–9 _ -)'),
      'dct:created': isoTime,
      'dct:modified': isoTime,
      'dct:valid': string(30),
      'dct:language': language,
      'dct:hasVersion': string(9, /^\d+$/, 'the config revision as digits'),
      'dpv:hasDataSubject': anyObject,
      'dpv:isIndicatedAtTime': isoTime,
      'dpv:hasIndicationMethod': object((method) => fields(method, { 'dct:identifier': oneOf(METHODS) }, { 'dct:description': described })['dct:identifier']),
      'dpv:hasNotice': object((notice) =>
        fields(
          notice,
          { '@type': oneOf(['dpv:ConsentNotice']) },
          { 'dct:source': string(2000), 'dct:hasVersion': string(100), 'dct:identifier': string(71, TEXTS_HASH, 'sha256:<64 hex digits> or fnv1a:<checksum>') },
        ),
      ),
      'dpv:hasPurpose': list(purpose, 100),
    },
    { 'dpv:hasDataController': anyObject, 'dct:description': described },
  );
  const purposes = record['dpv:hasPurpose'];
  const names = purposes.map(({ name }) => name);
  if (new Set(names).size != names.length) throw badRequest('dpv:hasPurpose: a category is listed twice');
  const granted = purposes.filter((item) => item.granted);
  return {
    consentId: record['dct:identifier'],
    timestamp: record['dpv:isIndicatedAtTime'],
    method: record['dpv:hasIndicationMethod'],
    categories: granted.map(({ name }) => name),
    services: Object.fromEntries(granted.filter((item) => item.services).map(({ name, services }) => [name, services!])),
    revision: Number(record['dct:hasVersion']),
    statementVersion: record['dpv:hasNotice']['dct:hasVersion'] ?? null,
    language: record['dct:language'],
    textsHash: record['dpv:hasNotice']['dct:identifier'] ?? null,
    userAgent: browserFamily(userAgent),
  };
}

/**
 * Stores a decision once: a retried entry (same consent id and time) answers 200 and changes
 * nothing, a new one 201. The texts are stored once per hash.
 */
export async function postConsentLog(request: Request, db: Database): Promise<Response> {
  const body = await readJsonObject(request, CONSENT_LOG_LIMIT);
  // A JSON-LD record says what it is; the default entry has no `@type`.
  const entry: LogEntry = Object.hasOwn(body, '@type') ? readReceipt(body, request.headers.get('user-agent') ?? '') : readEntry(body);
  const now = Date.now();
  // One statement unless there are texts to store with it: a transaction costs PostgreSQL two more round trips.
  const store = async (tx: Database): Promise<boolean> => {
    const inserted = await tx.run(
      `INSERT INTO consent_log (consent_id, decided_at, method, categories, services, revision, statement_version, language, texts_hash, user_agent, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (consent_id, decided_at) DO NOTHING`,
      [
        entry.consentId,
        entry.timestamp,
        entry.method,
        JSON.stringify(entry.categories),
        JSON.stringify(entry.services),
        entry.revision,
        entry.statementVersion,
        entry.language,
        entry.textsHash,
        entry.userAgent,
        now,
      ],
    );
    if (entry.texts !== undefined) await tx.run('INSERT INTO consent_texts (hash, texts, received_at) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING', [entry.textsHash, entry.texts, now]);
    return inserted > 0;
  };
  const stored = entry.texts === undefined ? await store(db) : await db.transaction(store);
  return json({ stored: true }, stored ? 201 : 200);
}

interface LogRow {
  consent_id: string;
  decided_at: number;
  method: ConsentMethod;
  categories: string;
  services: string;
  revision: number;
  statement_version: string | null;
  language: string;
  texts_hash: string | null;
  user_agent: string;
  received_at: number;
  texts: string | null;
}

/** A visitor's history for an access request: every entry of the consent id, oldest first, with the texts. */
export async function getConsentLog(consentId: string, db: Database): Promise<Response> {
  if (!CONSENT_ID.test(consentId)) throw badRequest('consentId: expected 8–64 of A–Z a–z 0–9 _ -');
  const rows = await db.all<LogRow>(`SELECT l.*, t.texts FROM consent_log l LEFT JOIN consent_texts t ON t.hash = l.texts_hash WHERE l.consent_id = ? ORDER BY l.decided_at, l.id`, [consentId]);
  if (!rows.length) throw new ClientError(404, 'no entries for this consent id');
  const entries = rows.map((row): ConsentLogEntry & { receivedAt: string; texts: string | null } => ({
    consentId: row.consent_id,
    timestamp: new Date(row.decided_at).toISOString(),
    method: row.method,
    categories: JSON.parse(row.categories) as string[],
    services: JSON.parse(row.services) as Record<string, string[]>,
    revision: row.revision,
    statementVersion: row.statement_version,
    language: row.language,
    textsHash: row.texts_hash,
    userAgent: row.user_agent,
    receivedAt: new Date(row.received_at).toISOString(),
    texts: row.texts,
  }));
  return json({ consentId, entries });
}
