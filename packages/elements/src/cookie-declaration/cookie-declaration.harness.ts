import { waitUntil } from '@open-wc/testing';
import { Harness } from '../../../../test/support/harness.js';
import type { CookieDeclaration } from './cookie-declaration.js';

/**
 * <keuze-cookie-declaration> as a visitor reads it: a table of cookies per category. Test code
 * (left out of the build and the packages).
 */
export class CookieDeclarationHarness extends Harness<CookieDeclaration> {
  /** Resolves with the shadow root once the declaration is shown. */
  async rendered(): Promise<ShadowRoot> {
    await waitUntil(() => this.element.shadowRoot?.querySelector('[part~="base"]'), 'the declaration did not render');
    return this.root;
  }

  /** The rows of a category's table, each as its cells' texts. */
  rows(category: string): string[][] {
    return [...this.root.querySelectorAll(`section[aria-labelledby="category-${category}"] tbody tr`)].map((row) => [...row.children].map((cell) => cell.textContent.trim()));
  }
}
