import { CookieBanner } from '@keuze/elements';
import '@keuze/elements/cookie-banner/define';
import { createComponent } from '@lit/react';
import React from 'react';

/** `<keuze-cookie-banner>`: the first question, accept all, reject all or choose. */
export const KeuzeCookieBanner = createComponent({
  react: React,
  tagName: 'keuze-cookie-banner',
  elementClass: CookieBanner,
});
