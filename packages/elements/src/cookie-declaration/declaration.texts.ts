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
  'declaration.keuze': 'This website (Keuze)',
  'declaration.consentCookie': 'Stores your cookie choice, so that you are not asked again on every page.',
  'declaration.consentLog': 'Keeps proof of your cookie choice (in localStorage) until the website has received it.',
  'declaration.newsletterCookie': 'Remembers which newsletters you signed up for (topic names only, never your address).',
  'declaration.days': '{{days}} days',
  'declaration.untilSent': 'Until delivered, at most until your next visit',
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
  'declaration.keuze': 'Deze website (Keuze)',
  'declaration.consentCookie': 'Bewaart je cookiekeuze, zodat we die niet op elke pagina opnieuw vragen.',
  'declaration.consentLog': 'Bewaart het bewijs van je cookiekeuze (in localStorage) tot de website het heeft ontvangen.',
  'declaration.newsletterCookie': 'Onthoudt voor welke nieuwsbrieven je je hebt aangemeld (alleen de onderwerpen, nooit je adres).',
  'declaration.days': '{{days}} dagen',
  'declaration.untilSent': 'Tot het is afgeleverd, hooguit tot je volgende bezoek',
  'declaration.storage': '(opgeslagen in de browser: localStorage of sessionStorage)',
};

export type DeclarationKey = keyof typeof en;

registerTexts({ en, nl });
