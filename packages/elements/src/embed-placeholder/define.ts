import { defineElement } from '../internal/define-element.js';
import { EmbedPlaceholder } from './embed-placeholder.js';

defineElement('keuze-embed-placeholder', EmbedPlaceholder);

export { EmbedPlaceholder };

declare global {
  interface HTMLElementTagNameMap {
    'keuze-embed-placeholder': EmbedPlaceholder;
  }
}
