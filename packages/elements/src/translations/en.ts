/**
 * English texts: the reference set and the fallback for every other language. Keys are flat
 * (`banner.title`) so a site can override one text in config: `translations: { en: { 'banner.title': '…' } }`.
 * `{{purposes}}` is filled with the optional categories' names.
 */
export const en = {
  'banner.title': 'Cookies on this website',
  'banner.text': 'We use cookies that this website needs to work. With your consent, we also use cookies for {{purposes}}. You can change your choice at any time under Cookie settings.',
  'banner.textNoPurposes': 'We use cookies that this website needs to work. You can read which ones under Cookie settings.',
  'banner.privacyLink': 'Privacy statement',
  'banner.acceptAll': 'Accept all',
  'banner.rejectAll': 'Reject all',
  'banner.choose': 'Choose',
  'banner.and': 'and',
  'banner.added': 'Since your last visit we have added: {{purposes}}. Do you allow this too? Your earlier choices stay as they were.',
  'banner.signal': 'Your browser asks websites not to share or sell your data (Global Privacy Control). So “Accept all” leaves this off: {{categories}}.',

  'preferences.title': 'Cookie settings',
  'preferences.intro': 'Choose which cookies you allow. Necessary cookies are always on, because the website does not work without them. You can change your choice later at any time.',
  'preferences.save': 'Save choices',
  'preferences.acceptAll': 'Accept all',
  'preferences.rejectAll': 'Reject all',
  'preferences.close': 'Close without choosing',
  'preferences.alwaysOn': 'Always on',
  'preferences.services': 'Services',
  'preferences.cookies': 'Cookies',
  'preferences.cookieName': 'Name',
  'preferences.cookieLifetime': 'Kept for',
  'preferences.cookiePurpose': 'Purpose',
  'preferences.cookieProvider': 'Set by',
  'preferences.language': 'Language',
  'preferences.privacyLink': 'Privacy statement',
  'preferences.signal': 'Your browser asks websites not to share or sell your data (Global Privacy Control). That is why this is off: {{categories}}. You can still switch it on yourself.',
  'preferences.consentId': 'Your consent ID:',
  'preferences.decidedOn': 'Chosen on {{date}}.',
  'preferences.copy': 'Copy ID and date',
  'preferences.copied': 'Copied.',

  'category.necessary.label': 'Necessary',
  'category.necessary.description': 'Needed for the website to work, for example to remember your cookie choice.',
  'category.functional.label': 'Functional',
  'category.functional.description': 'To remember your preferences and show embedded content such as videos and maps.',
  'category.analytics.label': 'Statistics',
  'category.analytics.description': 'To understand how visitors use the website, so that we can improve it.',
  'category.marketing.label': 'Marketing',
  'category.marketing.description': 'To show advertisements that match your interests, also on other websites.',

  'reopen.label': 'Cookie settings',

  'language.nl': 'Nederlands',
  'language.en': 'English',
};

export type TranslationKey = keyof typeof en;
export type Translations = Record<TranslationKey, string>;
