import { NewsletterSignup } from '@keuze/elements';
import '@keuze/elements/newsletter-signup/define';
import { createComponent } from '@lit/react';
import React from 'react';
import { keuzeEvent } from './keuze-event.js';

/** `<keuze-newsletter-signup>`: the sign-up form; `onNewsletterSubscribe` gets each valid sign-up. */
export const KeuzeNewsletterSignup = createComponent({
  react: React,
  tagName: 'keuze-newsletter-signup',
  elementClass: NewsletterSignup,
  events: {
    onNewsletterSubscribe: keuzeEvent('keuze-newsletter-subscribe'),
  },
});
