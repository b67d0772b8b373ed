import type { PrivacyRequestEvent } from '@keuze/core';
import { fixture, html, waitUntil } from '@open-wc/testing';
import { Harness } from '../../../../test/support/harness.js';
import type { PrivacyRequest } from './privacy-request.js';

/** A box the visitor placed over the ID copy, in fractions of the image. */
export interface PlacedBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * <keuze-privacy-request> as a visitor meets it: choose the kind of request, type name, address and
 * message, pick an ID copy and black out parts of it, send, and read the answer or what is wrong.
 * Test code (left out of the build and the packages).
 */
export class PrivacyRequestHarness extends Harness<PrivacyRequest> {
  /** A form in the test page answered by `handler` (null: no handler at all); its calls are kept in `calls`. */
  static async create(handler?: ((event: PrivacyRequestEvent) => unknown) | null): Promise<{ harness: PrivacyRequestHarness; calls: PrivacyRequestEvent[] }> {
    const calls: PrivacyRequestEvent[] = [];
    const element = await fixture<PrivacyRequest>(html`<keuze-privacy-request></keuze-privacy-request>`);
    if (handler !== null) {
      element.handler = (event) => {
        calls.push(event);
        return handler?.(event);
      };
    }
    await waitUntil(() => element.shadowRoot?.querySelector('form'), 'the form did not render');
    return { harness: new PrivacyRequestHarness(element), calls };
  }

  /** Types into a field (as an input event). */
  type(selector: string, value: string): void {
    const field = this.root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    field.value = value;
    field.dispatchEvent(new InputEvent('input'));
  }

  /** Chooses the kind of request and fills in the fields, as a visitor does. */
  async fill({ kind = 'access', name = 'Anna de Vries', email = 'anna@example.com', message = '' } = {}): Promise<void> {
    if (kind) this.root.querySelector<HTMLInputElement>(`#kind-${kind}`)!.click();
    this.type('#name', name);
    this.type('#email', email);
    this.type('#message', message);
    await this.element.updateComplete;
  }

  /** Presses the send button. */
  submit(): void {
    this.root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  }

  /** The answer shown after sending, whitespace collapsed, or ''. */
  message(): string {
    return this.root.querySelector('[part~="message"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** What the form says is wrong with a field (`name`, `email`, `kind`…), or ''. */
  errorOf(id: string): string {
    return this.root.getElementById(`${id}-error`)!.textContent.trim();
  }

  /** Picks a file for the ID copy, as the file chooser does. */
  pick(file: File): void {
    const input = this.root.querySelector<HTMLInputElement>('#id-copy')!;
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
  }

  /** The boxes as placed on screen, in fractions of the image. */
  placedBoxes(): PlacedBox[] {
    return [...this.root.querySelectorAll<HTMLElement>('.mask')].map((mask) => ({
      x: parseFloat(mask.style.left) / 100,
      y: parseFloat(mask.style.top) / 100,
      width: parseFloat(mask.style.width) / 100,
      height: parseFloat(mask.style.height) / 100,
    }));
  }
}
