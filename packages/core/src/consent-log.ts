import { PENDING_LOG_KEY } from './config.js';
import { checksum } from './record-codec.js';
import type { ConsentState } from './consent-state.js';
import { logWarning } from './log.js';
import type { ConsentLogEntry, ConsentRecord } from './types.js';

/** Enough for a visitor changing their mind offline; a full list drops the oldest. */
const MAX_PENDING = 20;

/** Proof of a decision: what was chosen, when, how, under which texts. No personal data. */
export async function consentLogEntry(state: ConsentState, record: ConsentRecord): Promise<ConsentLogEntry> {
  const { texts } = state;
  return {
    consentId: record.consentId,
    timestamp: record.timestamp,
    method: record.method,
    categories: record.categories,
    services: record.services,
    revision: record.revision,
    statementVersion: state.config.statementVersion ?? null,
    language: record.language,
    textsHash: texts === undefined ? null : await hash(texts),
    userAgent: browserFamily(navigator.userAgent),
  };
}

/** SHA-256 where the page is a secure context (crypto.subtle exists only there), else FNV-1a. */
async function hash(text: string): Promise<string> {
  if (!globalThis.crypto?.subtle) return `fnv1a:${checksum(text)}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `sha256:${[...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The family only: a version or platform would help fingerprint the visitor. */
export function browserFamily(userAgent: string): string {
  const families: [RegExp, string][] = [
    [/Edg(e|A|iOS)?\//, 'Edge'],
    [/OPR\/|Opera/, 'Opera'],
    [/SamsungBrowser\//, 'Samsung Internet'],
    [/Firefox\/|FxiOS\//, 'Firefox'],
    [/Chrome\/|CriOS\//, 'Chrome'],
    [/Safari\//, 'Safari'],
  ];
  return families.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'other';
}

/** What is POSTed: the entry, or (consentLog.format 'iso27560') the consent record of receipt(). */
type LogBody = ConsentLogEntry | Record<string, unknown>;

function readPending(): LogBody[] {
  try {
    const pending: unknown = JSON.parse(localStorage.getItem(PENDING_LOG_KEY) ?? '[]');
    // Each entry goes to the site's own log endpoint as it was stored, and that endpoint checks it.
    return Array.isArray(pending) ? (pending as LogBody[]) : [];
  } catch {
    // Storage blocked (a sandboxed frame), or a value someone else wrote: nothing to retry.
    return [];
  }
}

function writePending(entries: LogBody[]): void {
  try {
    if (entries.length) localStorage.setItem(PENDING_LOG_KEY, JSON.stringify(entries.slice(-MAX_PENDING)));
    else localStorage.removeItem(PENDING_LOG_KEY);
  } catch {
    // Without storage an entry that fails is lost here; the host still had it through onEvent.
  }
}

const sameEntry = (a: LogBody, b: LogBody): boolean => JSON.stringify(a) === JSON.stringify(b);

/** POSTs one entry; true once the endpoint confirms it with a 2xx. Never throws. */
async function post(endpoint: string, entry: LogBody): Promise<boolean> {
  if (navigator.onLine === false) return false;
  try {
    // keepalive lets the request outlive the page: a visitor often chooses, then clicks away.
    const response = await fetch(endpoint, { method: 'POST', keepalive: true, headers: { 'content-type': 'application/json' }, body: JSON.stringify(entry) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Keeps the entry, sends it, and forgets it once the endpoint has it. */
export async function sendLogEntry(endpoint: string, entry: LogBody): Promise<void> {
  writePending([...readPending(), entry]);
  if (await post(endpoint, entry)) writePending(readPending().filter((kept) => !sameEntry(kept, entry)));
}

/** The one retry of what an earlier page view could not deliver; what fails again is dropped, with a warning. */
export async function retryPendingLog(endpoint: string): Promise<void> {
  const pending = readPending();
  writePending([]);
  const failed = (await Promise.all(pending.map((entry) => post(endpoint, entry)))).filter((delivered) => !delivered).length;
  if (failed) logWarning(`consentLog: ${failed} consent record(s) could not be delivered to ${endpoint} after a retry and were dropped (onEvent received them when they were made).`);
}
