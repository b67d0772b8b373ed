import { PrivacyStatement } from '@keuze/elements';
import '@keuze/elements/privacy-statement/define';
import { createComponent } from '@lit/react';
import React from 'react';

/** `<keuze-privacy-statement>`: the privacy statement from Markdown (`src` or `markdown`). */
export const KeuzePrivacyStatement = createComponent({
  react: React,
  tagName: 'keuze-privacy-statement',
  elementClass: PrivacyStatement,
});
