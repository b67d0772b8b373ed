import { randomBytes } from 'node:crypto';
import { badRequest, ClientError, json, readBody } from './http.js';
import type { Database } from './store/database.js';
import { email, isoTime, language, oneOf, string } from './validation.js';

// The kinds <keuze-privacy-request> sends: one list, core's.
import type { PrivacyRequestKind } from '@keuze/core';
import { PRIVACY_REQUEST_KINDS } from '@keuze/core/internal';
export { PRIVACY_REQUEST_KINDS, type PrivacyRequestKind };

/** An ID copy is a photo or scan of one document: 10 MB is plenty; the whole form may add 64 KB. */
export const ID_COPY_LIMIT = 10 * 1024 * 1024;
export const FORM_LIMIT = ID_COPY_LIMIT + 64 * 1024;

/** Accepted ID copy types, recognised by their first bytes (the declared type is the sender's claim). */
const SIGNATURES: [type: string, bytes: number[]][] = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/webp', [0x52, 0x49, 0x46, 0x46]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
];

const FIELDS = ['kind', 'name', 'email', 'message', 'consent', 'idCopy', 'language', 'timestamp'];

/** The consent the visitor had when asking (the element sends their record), as JSON text; no prototype keys. */
function consentJson(value: string): string {
  try {
    const parsed: unknown = JSON.parse(value, (key, item: unknown) => {
      if (key == '__proto__') throw new Error('prototype key');
      return item;
    });
    if (parsed !== null && (typeof parsed != 'object' || Array.isArray(parsed))) throw new Error('not an object');
    return JSON.stringify(parsed);
  } catch {
    throw badRequest('consent: expected a JSON object (the visitor’s consent record) or null');
  }
}

/** One calendar month after `time`: the answer deadline of AVG/GDPR art. 12(3). */
export function answerDeadline(time: number): number {
  const deadline = new Date(time);
  const day = deadline.getUTCDate();
  deadline.setUTCMonth(deadline.getUTCMonth() + 1);
  // 31 January + 1 month is 28 (or 29) February, not 3 March.
  if (deadline.getUTCDate() !== day) deadline.setUTCDate(0);
  return deadline.getTime();
}

/**
 * `POST /privacy-request` (multipart/form-data): kind, name, email, message, consent (JSON),
 * idCopy (a file), language, timestamp. Stores the request with a reference and the deadline, and
 * answers `{ reference, deadline }` (201). The ID copy is deleted after `KEUZE_ID_COPY_DAYS`.
 */
export async function postPrivacyRequest(request: Request, db: Database): Promise<Response> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;.*boundary=/i.test(contentType)) throw new ClientError(415, 'expected Content-Type: multipart/form-data with a boundary');
  const bytes = await readBody(request, FORM_LIMIT);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw badRequest('the body is not valid multipart/form-data');
  }
  const values = new Map<string, string | File>();
  for (const [key, value] of form) {
    if (!FIELDS.includes(key)) throw badRequest(`${key.slice(0, 40)}: unknown field; expected ${FIELDS.join(', ')}`);
    if (values.has(key)) throw badRequest(`${key}: sent twice`);
    values.set(key, value);
  }
  const text = (key: string, required = true): string | undefined => {
    const value = values.get(key);
    if (value === undefined) {
      if (required) throw badRequest(`${key}: missing`);
      return undefined;
    }
    if (typeof value != 'string') throw badRequest(`${key}: expected text, not a file`);
    return value;
  };
  const kind = oneOf(PRIVACY_REQUEST_KINDS)(text('kind'), 'kind');
  const name = string(200)(text('name'), 'name').trim();
  if (!name) throw badRequest('name: empty');
  const address = email(text('email'), 'email');
  const message = string(10_000)(text('message', false) ?? '', 'message');
  const consentText = text('consent', false);
  const consent = consentText === undefined || consentText === '' ? null : consentJson(string(8000)(consentText, 'consent'));
  const lang = language(text('language'), 'language');
  const submittedAt = isoTime(text('timestamp'), 'timestamp');
  let idCopy: { bytes: Buffer; type: string } | undefined;
  const file = values.get('idCopy');
  if (file !== undefined) {
    if (typeof file == 'string') throw badRequest('idCopy: expected a file');
    if (file.size > ID_COPY_LIMIT) throw new ClientError(413, `idCopy: over ${ID_COPY_LIMIT} bytes`);
    const data = Buffer.from(await file.arrayBuffer());
    const type = SIGNATURES.find(([, signature]) => signature.every((byte, index) => data[index] === byte))?.[0];
    if (!type) throw new ClientError(415, 'idCopy: expected a JPEG, PNG, WebP or PDF file');
    idCopy = { bytes: data, type };
  }
  const receivedAt = Date.now();
  const deadline = answerDeadline(receivedAt);
  // 10 characters of base32 without look-alikes (0/O, 1/I/L): 50 bits, readable over the phone.
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const reference = `PR-${[...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
  await db.run(
    `INSERT INTO privacy_requests (reference, kind, name, email, message, consent, language, submitted_at, received_at, deadline, status, id_copy, id_copy_type)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
    [reference, kind, name, address, message, consent, lang, submittedAt, receivedAt, deadline, idCopy?.bytes ?? null, idCopy?.type ?? null],
  );
  return json({ reference, deadline: new Date(deadline).toISOString() }, 201);
}

interface RequestRow {
  reference: string;
  kind: PrivacyRequestKind;
  name: string;
  email: string;
  message: string;
  consent: string | null;
  language: string;
  submitted_at: number;
  received_at: number;
  deadline: number;
  has_id_copy: number | boolean;
  id_copy_type: string | null;
  id_copy_deleted_at: number | null;
}

/** `GET /privacy-requests` (admin): the open requests, the nearest deadline first, without the ID copies' bytes. */
export async function listPrivacyRequests(db: Database): Promise<Response> {
  const rows = await db.all<RequestRow>(
    `SELECT reference, kind, name, email, message, consent, language, submitted_at, received_at, deadline, id_copy IS NOT NULL AS has_id_copy, id_copy_type, id_copy_deleted_at
     FROM privacy_requests WHERE status = 'open' ORDER BY deadline, reference`,
  );
  const iso = (time: number | null): string | null => (time === null ? null : new Date(time).toISOString());
  return json({
    requests: rows.map((row) => ({
      reference: row.reference,
      kind: row.kind,
      name: row.name,
      email: row.email,
      message: row.message,
      consent: row.consent === null ? null : (JSON.parse(row.consent) as unknown),
      language: row.language,
      submittedAt: iso(row.submitted_at),
      receivedAt: iso(row.received_at),
      deadline: iso(row.deadline),
      idCopy: row.has_id_copy ? { type: row.id_copy_type } : null,
      idCopyDeletedAt: iso(row.id_copy_deleted_at),
    })),
  });
}

/** `GET /privacy-requests/:reference/id-copy` (admin): the ID copy's bytes, while they are kept. */
export async function getIdCopy(reference: string, db: Database): Promise<Response> {
  const [row] = await db.all<{ id_copy: Uint8Array | null; id_copy_type: string | null }>('SELECT id_copy, id_copy_type FROM privacy_requests WHERE reference = ?', [reference]);
  if (!row?.id_copy) throw new ClientError(404, 'no ID copy for this reference (none sent, or deleted after the retention period)');
  return new Response(row.id_copy, {
    headers: { 'content-type': row.id_copy_type!, 'cache-control': 'no-store', 'content-disposition': `attachment; filename="${reference}"`, 'x-content-type-options': 'nosniff' },
  });
}
