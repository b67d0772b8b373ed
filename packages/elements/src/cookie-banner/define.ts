import { defineElement } from '../internal/define-element.js';
import { CookieBanner } from './cookie-banner.js';

defineElement('keuze-cookie-banner', CookieBanner);

declare global {
  interface HTMLElementTagNameMap {
    'keuze-cookie-banner': CookieBanner;
  }
}
