import type { ConsentState } from './consent-state.js';
import { consentLogEntry } from './consent-log.js';
import { hasRefusal, reaskDays } from './refusals.js';
import type { ConsentRecord, LocalizedText } from './types.js';

const DAY_MS = 86_400_000;

/** How each ConsentMethod was indicated, in words a record can carry. */
const INDICATION: Record<ConsentRecord['method'], string> = {
  'accept-all': 'Clicked "accept all" in the consent banner or dialog',
  'reject-all': 'Clicked "reject all" in the consent banner or dialog',
  custom: 'Chose per category in the consent dialog (or a control on the page)',
  api: "Set by the website's code (Keuze.setConsent)",
  signal: 'Global Privacy Control sent by the browser, honoured as a refusal (privacySignals.gpc: "reject")',
};

/** A config text in the record's language, else English, else the first, else the name. */
function text(value: LocalizedText | undefined, language: string, fallback: string): string {
  if (typeof value == 'string') return value;
  return value?.[language] ?? value?.en ?? Object.values(value ?? {})[0] ?? fallback;
}

/**
 * The choice as a consent record in the structure of ISO/IEC TS 27560:2023 (consent record
 * information structure), in W3C Data Privacy Vocabulary (DPV, https://w3id.org/dpv) terms, as
 * JSON-LD, following DPV's guide to 27560 records (https://w3id.org/dpv/guides/consent-27560).
 * docs/api.md maps each field. It names no person: the subject is the random consent ID.
 */
export async function consentReceipt(state: ConsentState, record: ConsentRecord): Promise<Record<string, unknown>> {
  const { config } = state;
  const entry = await consentLogEntry(state, record);
  const days = hasRefusal(record) ? Math.max(config.lifetimeDays, reaskDays(config)) : config.lifetimeDays;
  const { language } = record;
  // Through JSON, so that what is left out (no controller, no GPC) is absent, not undefined.
  return JSON.parse(
    JSON.stringify({
      '@context': { dpv: 'https://w3id.org/dpv#', dct: 'http://purl.org/dc/terms/' },
      '@id': `urn:keuze:consent:${record.consentId}`,
      '@type': 'dpv:ConsentRecord',
      'dct:conformsTo': 'ISO/IEC TS 27560:2023',
      'dct:identifier': record.consentId,
      'dct:created': record.firstGiven,
      'dct:modified': record.timestamp,
      'dct:valid': new Date(Date.parse(record.timestamp) + days * DAY_MS).toISOString(),
      'dct:language': language,
      'dct:hasVersion': String(record.revision),
      'dpv:hasDataController': config.controller && {
        '@type': 'dpv:DataController',
        'dpv:hasName': config.controller.name,
        ...(config.controller.contact && { 'dpv:hasContact': config.controller.contact }),
      },
      'dpv:hasDataSubject': { '@type': 'dpv:DataSubject', 'dpv:hasIdentifier': record.consentId },
      'dpv:isIndicatedAtTime': record.timestamp,
      'dpv:hasIndicationMethod': { 'dct:identifier': record.method, 'dct:description': INDICATION[record.method] },
      'dpv:hasNotice': {
        '@type': 'dpv:ConsentNotice',
        ...(config.privacyUrl && { 'dct:source': new URL(config.privacyUrl, globalThis.location?.href).href }),
        ...(entry.statementVersion && { 'dct:hasVersion': entry.statementVersion }),
        ...(entry.textsHash && { 'dct:identifier': entry.textsHash }),
      },
      'dct:description': record.gpc ? 'The browser sent Global Privacy Control when the choice was made.' : undefined,
      'dpv:hasPurpose': Object.entries(config.categories).map(([name, category]) => {
        const granted = !!category.readOnly || record.categories.includes(name);
        return {
          '@type': 'dpv:Purpose',
          'dct:identifier': name,
          'dct:title': text(category.label, language, name),
          ...(category.description && { 'dct:description': text(category.description, language, '') }),
          // A locked category is strictly necessary: the ePrivacy exemption, not consent.
          ...(category.readOnly ? { 'dpv:hasLegalBasis': { '@id': 'dpv:LegitimateInterest' } } : { 'dpv:hasConsentStatus': { '@id': granted ? 'dpv:ConsentGiven' : 'dpv:ConsentRefused' } }),
          ...(record.decisions?.[name] && { 'dpv:isIndicatedAtTime': record.decisions[name] }),
          ...(granted &&
            record.services[name] && {
              'dct:hasPart': record.services[name].map((service) => ({ 'dct:identifier': service, 'dct:title': text(category.services?.[service]?.label, language, service) })),
            }),
        };
      }),
    }),
  ) as Record<string, unknown>;
}
