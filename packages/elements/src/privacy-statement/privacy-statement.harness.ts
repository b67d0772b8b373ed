import { waitUntil } from '@open-wc/testing';
import { Harness } from '../../../../test/support/harness.js';
import type { PrivacyStatement } from './privacy-statement.js';

/**
 * <keuze-privacy-statement> as a visitor meets it: the statement's text once shown, or the error in
 * its place. Test code (left out of the build and the packages).
 */
export class PrivacyStatementHarness extends Harness<PrivacyStatement> {
  /** Resolves once the statement, or the error in its place, is shown (loading may take a while). */
  async ready(): Promise<void> {
    await waitUntil(() => this.element.shadowRoot?.querySelector('[part~="base"], [part~="error"]'), 'the statement did not render', { timeout: 4000 });
  }

  /** The statement's text, as rendered from its Markdown. */
  content(): HTMLElement {
    return this.root.querySelector<HTMLElement>('[part~="content"]')!;
  }
}
