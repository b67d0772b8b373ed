import { defineElement } from '../internal/define-element.js';
import { ReopenButton } from './reopen-button.js';

defineElement('keuze-reopen-button', ReopenButton);

declare global {
  interface HTMLElementTagNameMap {
    'keuze-reopen-button': ReopenButton;
  }
}
