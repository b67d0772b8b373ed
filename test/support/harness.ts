import { waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { sendKeys } from './engines.js';

/**
 * What every element harness offers: one Keuze element as a visitor meets it, through its shadow
 * DOM parts. Each element's own harness (`<element>/<element>.harness.ts`) adds what a visitor does
 * and sees there (accept, toggle a category, read the message). Material Web's `testing/harness.ts`
 * is the model. Test code: the build and the published packages leave `*.harness.ts` out.
 */
export class Harness<E extends HTMLElement = HTMLElement> {
  constructor(readonly element: E) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  /** The part named `name`, once rendered (waits up to 5 s: a first visit loads the UI chunk). */
  async part<T extends HTMLElement = HTMLElement>(name: string): Promise<T> {
    await waitUntil(() => this.element.shadowRoot?.querySelector(`[part~="${name}"]`), `no part "${name}" in <${this.element.localName}>`, { timeout: 5000 });
    return this.element.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
  }

  /** Whether the part is rendered now (the element shows itself by its `base` part). */
  shown(name = 'base'): boolean {
    return !!this.element.shadowRoot?.querySelector(`[part~="${name}"]`);
  }

  /** The visible text of a part, whitespace collapsed. */
  async text(name: string): Promise<string> {
    return (await this.part(name)).textContent.replace(/\s+/g, ' ').trim();
  }

  /** Clicks a part as a script would (`element.click()`): the visitor's intent, without moving the mouse. */
  async click(name: string): Promise<void> {
    (await this.part(name)).click();
  }

  /** The element with focus, looking into shadow roots, if it is inside this element; else null. */
  focused(): Element | null {
    const active = deepActiveElement();
    return active && (active === this.element || this.element.shadowRoot?.contains(active)) ? active : null;
  }

  /** Whether focus is on something inside this element (not the browser's own UI, nor the page behind). */
  hasFocus(): boolean {
    return this.focused() !== null;
  }

  /** A readable name of the focused element, for assertion messages. */
  focusName(): string {
    const active = deepActiveElement();
    return active ? `<${active.localName}${active.getAttribute('part') ? ` part="${active.getAttribute('part')}"` : ''}>` : 'nothing';
  }

  /** Presses a key as the visitor does (a real key event from the browser), e.g. `Tab`, `Escape`, `Space`. */
  async press(key: string): Promise<void> {
    await sendKeys({ press: key });
  }

  /** Tab, or Shift+Tab, as the visitor presses it. */
  async tab(shift = false): Promise<void> {
    if (shift) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (shift) await sendKeys({ up: 'Shift' });
  }

  /** A real mouse click (it moves the browser's starting point for Tab), a little inside the element's top left. */
  async mouseClick(target: Element): Promise<void> {
    target.scrollIntoView({ block: 'nearest' });
    const rect = target.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(rect.left + 3), Math.round(rect.top + Math.min(rect.height / 2, 8))] });
  }
}

/** The element that has focus, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
