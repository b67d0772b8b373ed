import { defineElement } from '../internal/define-element.js';
import { NewsletterPreferences } from './newsletter-preferences.js';

defineElement('keuze-newsletter-preferences', NewsletterPreferences);

declare global {
  interface HTMLElementTagNameMap {
    'keuze-newsletter-preferences': NewsletterPreferences;
  }
}
