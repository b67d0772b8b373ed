import { registerTexts } from '../i18n/i18n.js';

/**
 * The embed placeholder's texts, in English and Dutch: they load with the element's own code, so a
 * page without blocked embeds never downloads them. A site's overrides in `config.translations` win.
 * `{{service}}` is the service's label (or the category's), `{{provider}}` who runs it.
 */
const en = {
  'placeholder.title': 'Content from {{service}}',
  'placeholder.provider': 'Provided by {{provider}}.',
  'placeholder.blocked': 'This content is not loaded because it comes from another party that may set cookies or collect data, and you have not allowed {{category}}.',
  'placeholder.loadOnce': 'Load once',
  'placeholder.allow': 'Always allow {{service}}',
};

const nl: Record<keyof typeof en, string> = {
  'placeholder.title': 'Inhoud van {{service}}',
  'placeholder.provider': 'Aangeboden door {{provider}}.',
  'placeholder.blocked': 'Deze inhoud is niet geladen, omdat die van een andere partij komt die cookies kan plaatsen of gegevens kan verzamelen, en je {{category}} niet hebt toegestaan.',
  'placeholder.loadOnce': 'Eenmalig laden',
  'placeholder.allow': 'Altijd toestaan: {{service}}',
};

export type PlaceholderKey = keyof typeof en;

registerTexts({ en, nl });
