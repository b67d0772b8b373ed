import { CookiePreferences } from '@keuze/elements';
import '@keuze/elements/cookie-preferences/define';
import { createComponent } from '@lit/react';
import React from 'react';
import { keuzeEvent } from './keuze-event.js';

/** `<keuze-cookie-preferences>`: the preferences dialog. Open it with `show()` on its ref, or `Keuze.showPreferences()`. */
export const KeuzeCookiePreferences = createComponent({
  react: React,
  tagName: 'keuze-cookie-preferences',
  elementClass: CookiePreferences,
  events: {
    onPreferencesShow: keuzeEvent('keuze-preferences-show'),
    onPreferencesClose: keuzeEvent('keuze-preferences-close'),
  },
});
