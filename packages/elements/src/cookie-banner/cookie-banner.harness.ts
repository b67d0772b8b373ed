import { Harness } from '../../../../test/support/harness.js';
import type { CookieBanner } from './cookie-banner.js';

/** The three choices the banner offers, by part name, in the order they appear. */
export type BannerChoice = 'accept-all' | 'reject-all' | 'choose';

/**
 * <keuze-cookie-banner> as a visitor meets it: the question, its three equal choices, and whether
 * it is still showing. Test code (left out of the build and the packages).
 */
export class CookieBannerHarness extends Harness<CookieBanner> {
  /** The page's banner (the one Keuze added, or the first the page placed). */
  static find(root: ParentNode = document): CookieBannerHarness {
    return new CookieBannerHarness(root.querySelector('keuze-cookie-banner')!);
  }

  /** The banner's box (its `base` part), once shown. */
  base(): Promise<HTMLElement> {
    return this.part('base');
  }

  title(): Promise<string> {
    return this.text('title');
  }

  /** The question's text, with the link to the privacy statement in it. */
  body(): Promise<HTMLElement> {
    return this.part('text');
  }

  /** The labels of the buttons, in order. */
  async buttonLabels(): Promise<string[]> {
    return [...(await this.base()).querySelectorAll('button')].map((button) => button.textContent.trim());
  }

  button(choice: BannerChoice): Promise<HTMLButtonElement> {
    return this.part<HTMLButtonElement>(choice);
  }

  acceptAll(): Promise<void> {
    return this.click('accept-all');
  }

  rejectAll(): Promise<void> {
    return this.click('reject-all');
  }

  /** "Zelf kiezen": opens the preferences dialog. */
  choose(): Promise<void> {
    return this.click('choose');
  }

  /** Resolves once the entrance animation (if any) has finished: where the banner stays. */
  async settled(): Promise<HTMLElement> {
    const base = await this.base();
    await Promise.all(base.getAnimations().map((animation) => animation.finished));
    return base;
  }

  /** The part name of the focused control inside the banner (`button accept-all`), or its href for a link. */
  focusedControl(): string | null {
    const focused = this.focused();
    return focused?.getAttribute('part') ?? focused?.getAttribute('href') ?? null;
  }
}
