import { CookieDeclaration } from '@keuze/elements';
import '@keuze/elements/cookie-declaration/define';
import { createComponent } from '@lit/react';
import React from 'react';

/** `<keuze-cookie-declaration>`: every cookie from the config, with the visitor's choice. */
export const KeuzeCookieDeclaration = createComponent({
  react: React,
  tagName: 'keuze-cookie-declaration',
  elementClass: CookieDeclaration,
});
