import { registerTexts } from '../i18n/i18n.js';

/**
 * The privacy statement viewer's texts, in English and Dutch: they load with the element's own code, so a page without it
 * never downloads them. A site's overrides in `config.translations` win over these.
 */
const en = {
  'statement.title': 'Privacy statement',
  'statement.contents': 'Contents',
  'statement.version': 'Version {{version}}',
  'statement.updated': 'Last changed on {{date}}',
  'statement.loading': 'Loading the privacy statement…',
  'statement.failed': 'The privacy statement could not be loaded.',
  'statement.retry': 'Try again',
  'statement.openFile': 'Open the file itself',
  'statement.changed': 'This statement has changed since you last made your cookie choice.',
  'statement.review': 'Review your choice',
};

const nl: Record<keyof typeof en, string> = {
  'statement.title': 'Privacyverklaring',
  'statement.contents': 'Inhoud',
  'statement.version': 'Versie {{version}}',
  'statement.updated': 'Laatst gewijzigd op {{date}}',
  'statement.loading': 'De privacyverklaring wordt geladen…',
  'statement.failed': 'De privacyverklaring kon niet worden geladen.',
  'statement.retry': 'Opnieuw proberen',
  'statement.openFile': 'Open het bestand zelf',
  'statement.changed': 'Deze verklaring is gewijzigd sinds je je cookiekeuze hebt gemaakt.',
  'statement.review': 'Bekijk je keuze',
};

export type StatementKey = keyof typeof en;

registerTexts({ en, nl });
