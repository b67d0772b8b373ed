import { registerTexts } from '../i18n/i18n.js';

/**
 * The cookie declaration's texts, in English and Dutch: they load with the element's own code, so a page without it
 * never downloads them. A site's overrides in `config.translations` win over these.
 */
const en = {
  'declaration.choice': 'Your current choice: {{categories}}.',
  'declaration.noChoice': 'You have not made a cookie choice yet. We now use only necessary cookies.',
  'declaration.change': 'Change cookie settings',
  'declaration.granted': 'Allowed',
  'declaration.denied': 'Not allowed',
  'declaration.alwaysOn': 'Always on',
  'declaration.cookie': 'Cookie',
  'declaration.service': 'Service',
  'declaration.provider': 'Set by',
  'declaration.purpose': 'Purpose',
  'declaration.lifetime': 'Kept for',
  'declaration.party': 'Party',
  'declaration.firstParty': 'This website',
  'declaration.thirdParty': 'Third party',
  'declaration.none': 'We use no cookies for this category.',
  'declaration.storage': '(stored in the browser: localStorage or sessionStorage)',
};

const nl: Record<keyof typeof en, string> = {
  'declaration.choice': 'Je huidige keuze: {{categories}}.',
  'declaration.noChoice': 'Je hebt nog geen cookiekeuze gemaakt. We gebruiken nu alleen noodzakelijke cookies.',
  'declaration.change': 'Cookie-instellingen wijzigen',
  'declaration.granted': 'Toegestaan',
  'declaration.denied': 'Niet toegestaan',
  'declaration.alwaysOn': 'Altijd aan',
  'declaration.cookie': 'Cookie',
  'declaration.service': 'Dienst',
  'declaration.provider': 'Geplaatst door',
  'declaration.purpose': 'Doel',
  'declaration.lifetime': 'Bewaartermijn',
  'declaration.party': 'Partij',
  'declaration.firstParty': 'Deze website',
  'declaration.thirdParty': 'Derde partij',
  'declaration.none': 'Voor deze categorie gebruiken we geen cookies.',
  'declaration.storage': '(opgeslagen in de browser: localStorage of sessionStorage)',
};

export type DeclarationKey = keyof typeof en;

registerTexts({ en, nl });
