import type { NewsletterEvent } from '@keuze/core';
import { fixture, html, waitUntil } from '@open-wc/testing';
import { Harness } from '../../../../test/support/harness.js';
import type { NewsletterSignup } from './newsletter-signup.js';

/** The fields whose problems the form names beside them. */
export type SignupField = 'email' | 'topics' | 'age';

/**
 * <keuze-newsletter-signup> as a visitor meets it: type an address, tick topics, send, and read
 * the answer or what is wrong. Test code (left out of the build and the packages).
 */
export class NewsletterSignupHarness extends Harness<NewsletterSignup> {
  /** A sign-up form in the test page whose host answers with `handler`; every call is kept in `calls`. */
  static async create(handler?: (event: NewsletterEvent) => unknown): Promise<{ harness: NewsletterSignupHarness; calls: NewsletterEvent[] }> {
    const calls: NewsletterEvent[] = [];
    const element = await fixture<NewsletterSignup>(html`<keuze-newsletter-signup></keuze-newsletter-signup>`);
    element.handler = (event) => {
      calls.push(event);
      return handler?.(event);
    };
    await waitUntil(() => element.shadowRoot?.querySelector('form, [part~="message"]'), 'the sign-up did not render');
    return { harness: new NewsletterSignupHarness(element), calls };
  }

  get emailField(): HTMLInputElement {
    return this.root.querySelector<HTMLInputElement>('#email')!;
  }

  topicBoxes(): HTMLInputElement[] {
    return [...this.root.querySelectorAll<HTMLInputElement>('input[name="topics"]')];
  }

  /** Types an address (as an input event) and ticks exactly the given topics. */
  async fill(email: string, { topics = ['newsletter'] } = {}): Promise<void> {
    this.emailField.value = email;
    this.emailField.dispatchEvent(new InputEvent('input'));
    for (const box of this.topicBoxes()) if (topics.includes(box.value) !== box.checked) box.click();
    await this.element.updateComplete;
  }

  /** Presses the send button. */
  submit(): void {
    this.root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  }

  /** The answer shown after sending (sent, check your inbox, failed), or ''. */
  message(): string {
    return this.root.querySelector('[part~="message"]')?.textContent?.trim() ?? '';
  }

  /** The element that says what is wrong with a field (empty while nothing is). */
  error(field: SignupField): HTMLElement {
    return this.root.querySelector<HTMLElement>(`#${field}-error`)!;
  }

  /** A checkbox's accessible name, as its <label for> gives it. */
  nameOf(box: Element): string {
    return this.root.querySelector(`label[for="${box.id}"]`)!.textContent.trim();
  }

  /** A checkbox's description, as its aria-describedby gives it. */
  descriptionOf(box: Element): string {
    return (box.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => this.root.getElementById(id)!.textContent.trim())
      .filter(Boolean)
      .join(' ');
  }
}
