import type { Translations } from './en.js';

/** Nederlandse teksten, in de je-vorm, zoals de rest van de site. */
export const nl: Translations = {
  'banner.title': 'Cookies op deze website',
  'banner.text':
    'We gebruiken cookies die nodig zijn om deze website te laten werken. Met jouw toestemming gebruiken we ook cookies voor {{purposes}}. Je kunt je keuze altijd wijzigen via Cookie-instellingen.',
  'banner.textNoPurposes': 'We gebruiken cookies die nodig zijn om deze website te laten werken. Welke dat zijn, lees je bij Cookie-instellingen.',
  'banner.privacyLink': 'Privacyverklaring',
  'banner.acceptAll': 'Alles accepteren',
  'banner.rejectAll': 'Alles weigeren',
  'banner.choose': 'Zelf kiezen',
  'banner.and': 'en',
  'banner.added': 'Sinds je vorige bezoek is dit erbij gekomen: {{purposes}}. Sta je dat ook toe? Je eerdere keuzes blijven zoals ze waren.',
  'banner.signal': 'Je browser vraagt websites om je gegevens niet te delen of te verkopen (Global Privacy Control). Daarom laat “Alles accepteren” dit uit: {{categories}}.',

  'preferences.title': 'Cookie-instellingen',
  'preferences.intro': 'Kies welke cookies je toestaat. Noodzakelijke cookies staan altijd aan, want zonder deze cookies werkt de website niet. Je kunt je keuze later altijd wijzigen.',
  'preferences.save': 'Keuze opslaan',
  'preferences.acceptAll': 'Alles accepteren',
  'preferences.rejectAll': 'Alles weigeren',
  'preferences.close': 'Sluiten zonder te kiezen',
  'preferences.alwaysOn': 'Altijd aan',
  'preferences.services': 'Diensten',
  'preferences.cookies': 'Cookies',
  'preferences.cookieName': 'Naam',
  'preferences.cookieLifetime': 'Bewaartermijn',
  'preferences.cookiePurpose': 'Doel',
  'preferences.cookieProvider': 'Geplaatst door',
  'preferences.language': 'Taal',
  'preferences.privacyLink': 'Privacyverklaring',
  'preferences.signal': 'Je browser vraagt om je gegevens niet te delen (Global Privacy Control). Daarom staat dit uit: {{categories}}. Je kunt het zelf nog aanzetten.',
  'preferences.consentId': 'Je toestemmings-ID:',
  'preferences.decidedOn': 'Gekozen op {{date}}.',
  'preferences.copy': 'ID en datum kopiëren',
  'preferences.copied': 'Gekopieerd.',

  'category.necessary.label': 'Noodzakelijk',
  'category.necessary.description': 'Nodig om de website te laten werken, bijvoorbeeld om je cookiekeuze te onthouden.',
  'category.functional.label': 'Functioneel',
  'category.functional.description': 'Om je voorkeuren te onthouden en ingesloten inhoud te tonen, zoals video’s en kaarten.',
  'category.analytics.label': 'Statistieken',
  'category.analytics.description': 'Om te begrijpen hoe bezoekers de website gebruiken, zodat we die kunnen verbeteren.',
  'category.marketing.label': 'Marketing',
  'category.marketing.description': 'Om advertenties te tonen die passen bij je interesses, ook op andere websites.',

  'reopen.label': 'Cookie-instellingen',

  'language.nl': 'Nederlands',
  'language.en': 'English',
};
