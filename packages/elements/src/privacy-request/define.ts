import { defineElement } from '../internal/define-element.js';
import { PrivacyRequest } from './privacy-request.js';

defineElement('keuze-privacy-request', PrivacyRequest);

declare global {
  interface HTMLElementTagNameMap {
    'keuze-privacy-request': PrivacyRequest;
  }
}
