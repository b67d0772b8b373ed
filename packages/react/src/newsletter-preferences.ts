import { NewsletterPreferences } from '@keuze/elements';
import '@keuze/elements/newsletter-preferences/define';
import { createComponent } from '@lit/react';
import React from 'react';
import { keuzeEvent } from './keuze-event.js';

/** `<keuze-newsletter-preferences>`: the page the link in your emails opens. */
export const KeuzeNewsletterPreferences = createComponent({
  react: React,
  tagName: 'keuze-newsletter-preferences',
  elementClass: NewsletterPreferences,
  events: {
    onNewsletterPreferencesGet: keuzeEvent('keuze-newsletter-preferences-get'),
    onNewsletterPreferencesSet: keuzeEvent('keuze-newsletter-preferences-set'),
    onNewsletterUnsubscribe: keuzeEvent('keuze-newsletter-unsubscribe'),
  },
});
