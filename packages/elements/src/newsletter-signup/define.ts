import { defineElement } from '../internal/define-element.js';
import { NewsletterSignup } from './newsletter-signup.js';

defineElement('keuze-newsletter-signup', NewsletterSignup);

declare global {
  interface HTMLElementTagNameMap {
    'keuze-newsletter-signup': NewsletterSignup;
  }
}
