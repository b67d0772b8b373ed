import { Harness } from '../../../../test/support/harness.js';
import type { NewsletterPreferences } from './newsletter-preferences.js';

/** A topic as the visitor sees it: its label, ticked or not, and whether it can be changed. */
export interface TopicBox {
  label: string;
  checked: boolean;
  disabled: boolean;
}

/**
 * <keuze-newsletter-preferences> as a visitor meets it: the topics as ticked boxes, the buttons by
 * their visible labels (save, unsubscribe, undo), and the messages it shows. Test code (left out
 * of the build and the packages).
 */
export class NewsletterPreferencesHarness extends Harness<NewsletterPreferences> {
  /** The topics, in order. */
  topics(): TopicBox[] {
    return [...this.root.querySelectorAll<HTMLLabelElement>('label.check')].map((label) => {
      const box = label.querySelector('input')!;
      return { label: label.textContent.replace(/\s+/g, ' ').trim(), checked: box.checked, disabled: box.disabled };
    });
  }

  /** The topics' checkboxes, in order. */
  topicBoxes(): HTMLInputElement[] {
    return [...this.root.querySelectorAll<HTMLInputElement>('label.check input')];
  }

  /** A button by its visible label (`Opslaan`, `Afmelden voor alles`, `Ongedaan maken`). */
  button(label: string): HTMLButtonElement {
    return [...this.root.querySelectorAll('button')].find((item) => item.textContent.trim() == label)!;
  }

  /** The messages shown (saved, unsubscribed, failed), joined. */
  message(): string {
    return [...this.root.querySelectorAll('[part~="message"]')].map((item) => item.textContent.trim()).join(' ');
  }
}
