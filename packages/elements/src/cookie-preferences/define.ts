import { defineElement } from '../internal/define-element.js';
import { CookiePreferences } from './cookie-preferences.js';

defineElement('keuze-cookie-preferences', CookiePreferences);

declare global {
  interface HTMLElementTagNameMap {
    'keuze-cookie-preferences': CookiePreferences;
  }
}
