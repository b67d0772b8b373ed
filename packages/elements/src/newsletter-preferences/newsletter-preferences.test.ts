import type { NewsletterEvent } from '@keuze/core';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia, itWithMedia, sendKeys } from '../../../../test/support/engines.js';
import { deepActiveElement, freshKeuze } from '../../../../test/support/elements.js';
import './define.js';
import { NewsletterPreferencesHarness } from './newsletter-preferences.harness.js';
import type { NewsletterPreferences } from './newsletter-preferences.js';

type Handler = (event: NewsletterEvent) => unknown;

/** A host that keeps one subscriber's topics, like a mailing list would. */
function mailingList(topics = ['newsletter', 'research']): { handler: Handler; calls: NewsletterEvent[]; topics: () => string[]; fail: (on: boolean) => void } {
  const calls: NewsletterEvent[] = [];
  let failing = false;
  return {
    calls,
    topics: () => topics,
    fail: (on) => void (failing = on),
    handler: (event) => {
      calls.push(event);
      if (failing) return Promise.reject(new Error('list unavailable'));
      if (event.type == 'newsletter-preferences-get') return { topics, required: ['service'], email: 'anna@example.com' };
      if (event.type == 'newsletter-preferences-set') topics = event.topics;
      if (event.type == 'newsletter-unsubscribe') topics = [];
      return {};
    },
  };
}

async function open(list: ReturnType<typeof mailingList>, token: string | null = 'tok-123'): Promise<{ element: NewsletterPreferences; root: ShadowRoot }> {
  const element = document.createElement('keuze-newsletter-preferences');
  if (token) element.token = token;
  element.undoSeconds = 0.3;
  element.handler = list.handler;
  await fixture(element);
  await waitUntil(() => element.shadowRoot?.querySelector('form, [part~="message"], [part~="base"]'), 'the preferences did not render', { timeout: 2000 });
  return { element, root: element.shadowRoot! };
}

/** The visitor's view of the preferences that `root` belongs to. */
const preferences = (root: ShadowRoot): NewsletterPreferencesHarness => new NewsletterPreferencesHarness(root.host as NewsletterPreferences);

describe('<keuze-newsletter-preferences>', () => {
  beforeEach(async () => {
    await freshKeuze();
    await emulateMedia({ colorScheme: 'light' });
  });
  after(() => window.Keuze?.reset());

  it('opening the page only asks for the topics: it never unsubscribes by itself', async () => {
    const list = mailingList();
    const { element, root } = await open(list);
    // Shown, and rendered once more: anything the page asked on opening was asked before this.
    await element.updateComplete;
    expect(list.calls.map((event) => event.type)).to.deep.equal(['newsletter-preferences-get']);
    expect(list.topics()).to.deep.equal(['newsletter', 'research']);
    expect(root.textContent).to.include('Voorkeuren voor anna@example.com');
    expect(preferences(root).topics()).to.deep.equal([
      { label: 'Nieuwsbrief', checked: true, disabled: false },
      { label: 'Uitnodigingen voor onderzoek', checked: true, disabled: false },
      { label: 'Serviceberichten Ontvang je altijd (over je account)', checked: true, disabled: true },
    ]);
  });

  it('reads the token from the page URL when the element has none', async () => {
    const url = location.href;
    history.replaceState(null, '', `${location.pathname}?token=from-the-link`);
    try {
      const list = mailingList();
      await open(list, null);
      await waitUntil(() => list.calls.length);
      expect(list.calls[0]).to.deep.equal({ type: 'newsletter-preferences-get', token: 'from-the-link' });
    } finally {
      history.replaceState(null, '', url);
    }
  });

  it('without a token it says the link is incomplete, and asks nothing', async () => {
    const list = mailingList();
    const { root } = await open(list, null);
    expect(preferences(root).message()).to.include('via de link onderaan elke e-mail');
    expect(list.calls).to.deep.equal([]);
  });

  it('changes topics', async () => {
    const list = mailingList();
    const { root } = await open(list);
    preferences(root).topicBoxes()[1]!.click();
    preferences(root).button('Voorkeuren opslaan').click();
    await waitUntil(() => preferences(root).message().includes('opgeslagen'));
    expect(list.calls.at(-1)).to.deep.equal({ type: 'newsletter-preferences-set', token: 'tok-123', topics: ['newsletter'] });
  });

  it('one click unsubscribes, with undo for a few seconds, then a link to subscribe again', async () => {
    const list = mailingList();
    const { root } = await open(list);
    preferences(root).button('Afmelden voor alles').click();
    await waitUntil(() => preferences(root).message().includes('Je bent afgemeld'));
    expect(root.activeElement?.getAttribute('part')).to.equal('message');
    expect(list.calls.at(-1)).to.deep.equal({ type: 'newsletter-unsubscribe', token: 'tok-123' });
    expect(list.topics()).to.deep.equal([]);
    preferences(root).button('Ongedaan maken').click();
    await waitUntil(() => preferences(root).message().includes('opgeslagen'));
    expect(list.topics()).to.deep.equal(['newsletter', 'research']);
    preferences(root).button('Afmelden voor alles').click();
    await waitUntil(() => preferences(root).button('Opnieuw aanmelden'), 'no resubscribe after the undo time', { timeout: 2000 });
    preferences(root).button('Opnieuw aanmelden').click();
    await waitUntil(() => list.topics().length == 2);
  });

  it('keyboard only: untick a topic, save, then leave everything', async () => {
    const list = mailingList();
    const { root } = await open(list);
    await waitUntil(() => preferences(root).topics().length == 3);
    root.querySelector<HTMLInputElement>('label.check input')!.focus();
    await sendKeys({ press: 'Space' });
    for (let i = 0; i < 6 && deepActiveElement()?.textContent?.trim() != 'Voorkeuren opslaan'; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => preferences(root).message().includes('opgeslagen'));
    expect(list.topics()).to.deep.equal(['research']);
    for (let i = 0; i < 6 && deepActiveElement()?.textContent?.trim() != 'Afmelden voor alles'; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => preferences(root).message().includes('Je bent afgemeld'));
    expect(list.topics()).to.deep.equal([]);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Ongedaan maken');
  });

  it('a failing host: a clear error with retry, and the choices stay', async () => {
    const list = mailingList();
    const { root } = await open(list);
    preferences(root).topicBoxes()[0]!.click();
    list.fail(true);
    preferences(root).button('Voorkeuren opslaan').click();
    await waitUntil(() => preferences(root).message().includes('Dat is niet gelukt'));
    expect(
      preferences(root)
        .topics()
        .map((box) => box.checked),
    ).to.deep.equal([false, true, true]);
    list.fail(false);
    preferences(root).button('Opnieuw proberen').click();
    await waitUntil(() => preferences(root).message().includes('opgeslagen'));
    expect(list.topics()).to.deep.equal(['research']);
    // A later failure does not leave "saved" standing beside the error.
    list.fail(true);
    preferences(root).button('Afmelden voor alles').click();
    await waitUntil(() => preferences(root).message().includes('Dat is niet gelukt'));
    expect(preferences(root).message()).not.to.include('opgeslagen');
  });

  it('a host that fails while loading offers a retry', async () => {
    const list = mailingList();
    list.fail(true);
    const { root } = await open(list);
    await waitUntil(() => preferences(root).message().includes('Dat is niet gelukt'));
    list.fail(false);
    preferences(root).button('Opnieuw proberen').click();
    await waitUntil(() => preferences(root).topics().length == 3);
  });

  for (const [lang, colorScheme] of [
    ['nl', 'light'],
    ['en', 'dark'],
  ] as const) {
    itWithMedia({ colorScheme })(`has no axe violations: ${lang}, ${colorScheme}`, async () => {
      await emulateMedia({ colorScheme });
      await window.Keuze!.setLanguage(lang);
      const { element, root } = await open(mailingList());
      await waitUntil(() => preferences(root).topics().length == 3);
      await expect(element).to.be.accessible();
      preferences(root)
        .button(lang == 'nl' ? 'Afmelden voor alles' : 'Unsubscribe from everything')
        .click();
      await waitUntil(() => root.querySelector('[role="status"]'));
      await expect(element).to.be.accessible();
    });
  }
});
