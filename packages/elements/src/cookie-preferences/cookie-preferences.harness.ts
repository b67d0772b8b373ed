import { waitUntil } from '@open-wc/testing';
import { Harness } from '../../../../test/support/harness.js';
import type { CookiePreferences } from './cookie-preferences.js';

/**
 * <keuze-cookie-preferences> as a visitor meets it: a modal dialog with a switch per category and
 * per service, a language choice and the save, accept and reject buttons. Test code (left out of
 * the build and the packages).
 */
export class CookiePreferencesHarness extends Harness<CookiePreferences> {
  /** The page's preferences dialog element (Keuze adds it on first use). */
  static find(root: ParentNode = document): CookiePreferencesHarness {
    return new CookiePreferencesHarness(root.querySelector('keuze-cookie-preferences')!);
  }

  /** The native <dialog>, or null before the element has rendered (or exists). */
  get dialog(): HTMLDialogElement | null {
    return this.element?.shadowRoot?.querySelector('dialog') ?? null;
  }

  isOpen(): boolean {
    return !!this.dialog?.open;
  }

  async opened(): Promise<void> {
    await waitUntil(() => CookiePreferencesHarness.find().isOpen(), 'the dialog did not open', { timeout: 5000 });
  }

  async closed(): Promise<void> {
    await waitUntil(() => !this.isOpen(), 'the dialog did not close', { timeout: 5000 });
  }

  /** The switch of a category (`role="switch"` checkbox). */
  categorySwitch(category: string): HTMLInputElement {
    return this.dialog!.querySelector<HTMLInputElement>(`#switch-${category}`)!;
  }

  /** The switch of a service, by its visible label. */
  serviceSwitch(label: string): HTMLInputElement {
    return [...this.dialog!.querySelectorAll<HTMLLabelElement>('label.service')].find((item) => item.textContent.includes(label))!.querySelector('input')!;
  }

  /** A footer button by part name: `save`, `accept-all`, `reject-all`. */
  button(name: 'save' | 'accept-all' | 'reject-all'): HTMLButtonElement {
    return this.dialog!.querySelector<HTMLButtonElement>(`[part~="${name}"]`)!;
  }

  /** Turns a category's switch over, as a click does, and waits for the dialog to show it. */
  async toggleCategory(category: string): Promise<void> {
    this.categorySwitch(category).click();
    await this.element.updateComplete;
  }

  async toggleService(label: string): Promise<void> {
    this.serviceSwitch(label).click();
    await this.element.updateComplete;
  }

  /** The visible texts of the dialog, whitespace collapsed. */
  texts(): string {
    return this.dialog!.textContent.replace(/\s+/g, ' ');
  }
}
