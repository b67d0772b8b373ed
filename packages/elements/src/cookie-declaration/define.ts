import { defineElement } from '../internal/define-element.js';
import { CookieDeclaration } from './cookie-declaration.js';

defineElement('keuze-cookie-declaration', CookieDeclaration);

declare global {
  interface HTMLElementTagNameMap {
    'keuze-cookie-declaration': CookieDeclaration;
  }
}
