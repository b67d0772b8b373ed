import { PrivacyRequest } from '@keuze/elements';
import '@keuze/elements/privacy-request/define';
import { createComponent } from '@lit/react';
import React from 'react';
import { keuzeEvent } from './keuze-event.js';

/** `<keuze-privacy-request>`: the rights request form; `onPrivacyRequest` gets each attempt to send one. */
export const KeuzePrivacyRequest = createComponent({
  react: React,
  tagName: 'keuze-privacy-request',
  elementClass: PrivacyRequest,
  events: {
    onPrivacyRequest: keuzeEvent('keuze-privacy-request'),
  },
});
