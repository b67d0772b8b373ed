import { ReopenButton } from '@keuze/elements';
import '@keuze/elements/reopen-button/define';
import { createComponent } from '@lit/react';
import React from 'react';

/** `<keuze-reopen-button>`: the floating "cookie settings" button. */
export const KeuzeReopenButton = createComponent({
  react: React,
  tagName: 'keuze-reopen-button',
  elementClass: ReopenButton,
});
