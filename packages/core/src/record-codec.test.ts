import { expect } from '@open-wc/testing';
import { checksum, decodeRecord, MAX_RECORD_BYTES, METHOD_CODES, METHODS, RECORD_FORMAT } from './record-codec.js';
import { encodeRecord } from './record-writer.js';
import type { ConsentRecord } from './types.js';

const record = (changes: Partial<ConsentRecord> = {}): ConsentRecord => ({
  consentId: 'Zm9vYmFyYmF6cXV4MTIzNA',
  categories: ['necessary', 'analytics'],
  services: { analytics: ['matomo', 'plausible'] },
  firstGiven: '2026-11-01T10:00:00.000Z',
  timestamp: '2026-11-20T10:00:00.000Z',
  revision: 3,
  language: 'nl',
  gpc: false,
  method: 'custom',
  ...changes,
});

/** A value with a checksum that fits its body: what a decoder must judge by its content alone. */
const signed = (body: string): string => `${body}|${checksum(body)}`;

describe('the record codec', () => {
  it('decodes what it encodes, field for field', () => {
    const original = record({ gpc: true, decisions: { analytics: '2026-11-20T10:00:00.000Z', marketing: '2026-11-19T09:00:00.000Z' } });
    expect(decodeRecord(encodeRecord(original))).to.deep.equal(original);
  });

  it('writes the format version first, and reads that version only', () => {
    const value = encodeRecord(record());
    expect(value.startsWith(`${RECORD_FORMAT}|`)).to.equal(true);
    const body = value.slice(value.indexOf('|'), value.lastIndexOf('|'));
    expect(decodeRecord(signed(`${Number(RECORD_FORMAT) + 1}${body}`))).to.equal('corrupt');
  });

  it('gives every method its own one-letter code, and reads each back', () => {
    expect(METHOD_CODES.length).to.equal(METHODS.length);
    expect(new Set(METHOD_CODES).size).to.equal(METHODS.length);
    for (const method of METHODS) expect((decodeRecord(encodeRecord(record({ method }))) as ConsentRecord).method).to.equal(method);
    // A code that stands for no method is not a record.
    const value = encodeRecord(record({ method: 'custom' }));
    const fields = value.split('|').slice(0, -1);
    fields[7] = 'x';
    expect(decodeRecord(signed(fields.join('|')))).to.equal('corrupt');
  });

  it('reads a record written before the decision times existed, without them', () => {
    const fields = encodeRecord(record()).split('|').slice(0, -1);
    expect(fields).to.have.length(10);
    const decoded = decodeRecord(signed(fields.join('|'))) as ConsentRecord;
    expect(decoded.categories).to.deep.equal(['necessary', 'analytics']);
    expect('decisions' in decoded).to.equal(false);
  });

  it('keeps no categories and no services as empty, not as a blank name', () => {
    const decoded = decodeRecord(encodeRecord(record({ categories: [], services: {} }))) as ConsentRecord;
    expect(decoded.categories).to.deep.equal([]);
    expect(decoded.services).to.deep.equal({});
  });

  it('says why a value is not a record: nothing, oversized, corrupt or altered', () => {
    expect(decodeRecord(undefined)).to.equal(null);
    expect(decodeRecord('')).to.equal(null);
    expect(decodeRecord('x'.repeat(MAX_RECORD_BYTES + 1))).to.equal('oversized');
    expect(decodeRecord('garbage')).to.equal('corrupt');
    const value = encodeRecord(record());
    expect(decodeRecord(value.replace('analytics|', 'marketing|'))).to.equal('altered');
    // Truncated: the checksum no longer fits.
    expect(decodeRecord(value.slice(0, -1))).to.equal('altered');
  });

  it('refuses a time too large to be a date, rather than throwing', () => {
    const fields = encodeRecord(record()).split('|').slice(0, -1);
    fields[3] = 'z'.repeat(10);
    expect(decodeRecord(signed(fields.join('|')))).to.equal('corrupt');
  });

  it('refuses decision times that are missing, empty or too large, rather than throwing or making one up', () => {
    const fields = encodeRecord(record({ decisions: { analytics: '2026-11-20T10:00:00.000Z' } }))
      .split('|')
      .slice(0, -1);
    for (const decisions of ['analytics.', 'analytics', `analytics.${'z'.repeat(10)}`, 'analytics.lz0.x', '.lz0', 'analytics.lz0~marketing']) {
      fields[10] = decisions;
      expect(decodeRecord(signed(fields.join('|'))), decisions).to.equal('corrupt');
    }
    // Empty (no optional category decided yet) is no decision at all.
    fields[10] = '';
    expect((decodeRecord(signed(fields.join('|'))) as ConsentRecord).decisions).to.deep.equal({});
  });

  it('strips what a language tag may not carry, so the value stays one cookie', () => {
    const value = encodeRecord(record({ language: 'nl; Path=/|x' }));
    expect((decodeRecord(value) as ConsentRecord).language).to.equal('nlPathx');
  });

  it('reads a hostile value of the maximum size as corrupt (the pattern cannot backtrack on it)', () => {
    const hostile = `${RECORD_FORMAT}|${'a'.repeat(64)}|${'0|'.repeat(MAX_RECORD_BYTES)}`.slice(0, MAX_RECORD_BYTES);
    expect(decodeRecord(hostile)).to.equal('corrupt');
    // Decision times: dots and digits in every split a backtracking pattern could try.
    const fields = encodeRecord(record()).split('|').slice(0, -1);
    const decisions = `${fields.join('|')}|${'a.1'.repeat(MAX_RECORD_BYTES)}`.slice(0, MAX_RECORD_BYTES - 2);
    const started = performance.now();
    expect(decodeRecord(`${decisions}|x`)).to.equal('corrupt');
    expect(performance.now() - started).to.be.below(50);
  });
});
