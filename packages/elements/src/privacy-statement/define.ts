import { defineElement } from '../internal/define-element.js';
import { PrivacyStatement } from './privacy-statement.js';

defineElement('keuze-privacy-statement', PrivacyStatement);

declare global {
  interface HTMLElementTagNameMap {
    'keuze-privacy-statement': PrivacyStatement;
  }
}
