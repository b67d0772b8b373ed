import type { NewsletterEvent } from '@keuze/core';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '../../../../test/support/engines.js';
import { deepActiveElement, freshKeuze } from '../../../../test/support/elements.js';
import { emailProblem } from '../newsletter/email-address.js';
import './define.js';
import type { NewsletterSignup } from './newsletter-signup.js';

const good = [
  'anna@example.com',
  'anna+nieuwsbrief@example.com',
  'anna.de.vries@mail.example.co.uk',
  "o'connor@example.ie",
  'jan@bücher.de',
  'info@xn--bcher-kva.de',
  'user_name-1@sub-domain.example.org',
  'ANNA@EXAMPLE.NL',
];
const bad: [string, string][] = [
  ['', 'empty'],
  ['anna.example.com', 'missing-at'],
  ['anna@@example.com', 'double-at'],
  ['anna@exa@mple.com', 'double-at'],
  ['anna @example.com', 'space'],
  ['anna@example', 'no-dot'],
  ['anna..b@example.com', 'double-dot'],
  ['anna@example..com', 'double-dot'],
  ['anna@-example.com', 'label'],
  ['anna@example-.com', 'label'],
  ['.anna@example.com', 'local'],
  ['anna@example.123', 'tld'],
  ['@example.com', 'local'],
];

type Handler = (event: NewsletterEvent) => unknown;

async function signup(handler?: Handler): Promise<{ element: NewsletterSignup; root: ShadowRoot; calls: NewsletterEvent[] }> {
  const calls: NewsletterEvent[] = [];
  const element = await fixture<NewsletterSignup>(html`<keuze-newsletter-signup></keuze-newsletter-signup>`);
  element.handler = (event) => {
    calls.push(event);
    return handler?.(event);
  };
  await waitUntil(() => element.shadowRoot?.querySelector('form, [part~="message"]'), 'the sign-up did not render');
  return { element, root: element.shadowRoot!, calls };
}

async function fill(root: ShadowRoot, email: string, { topics = ['newsletter'], consent = true } = {}): Promise<void> {
  const field = root.querySelector<HTMLInputElement>('#email')!;
  field.value = email;
  field.dispatchEvent(new InputEvent('input'));
  for (const box of root.querySelectorAll<HTMLInputElement>('input[name="topics"]')) if (topics.includes(box.value) !== box.checked) box.click();
  const tick = root.querySelector<HTMLInputElement>('#consent')!;
  if (tick.checked !== consent) tick.click();
}

const submit = (root: ShadowRoot): void => root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
const message = (root: ShadowRoot): string => root.querySelector('[part~="message"]')?.textContent?.trim() ?? '';
const clearNewsletterCookie = (): void => void (document.cookie = 'keuze_newsletter=; path=/; max-age=0');

describe('email addresses', () => {
  for (const address of good) it(`accepts ${address}`, () => expect(emailProblem(address)).to.equal(null));
  for (const [address, problem] of bad) it(`rejects "${address}": ${problem}`, () => expect(emailProblem(address)).to.equal(problem));
});

describe('<keuze-newsletter-signup>', () => {
  beforeEach(async () => {
    clearNewsletterCookie();
    await freshKeuze();
    await emulateMedia({ colorScheme: 'light' });
  });
  afterEach(clearNewsletterCookie);
  after(() => window.Keuze?.reset());

  it('starts with nothing ticked: no topic, no consent; the consent text says what, how often, and links the statement', async () => {
    const { root } = await signup();
    expect([...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].some((box) => box.checked)).to.equal(false);
    expect([...root.querySelectorAll<HTMLInputElement>('input[name="topics"]')].map((box) => box.value)).to.deep.equal(['newsletter', 'research']);
    await fill(root, '', { topics: ['newsletter', 'research'], consent: false });
    await waitUntil(() => root.querySelector('#consent-text')!.textContent!.includes('nieuwsbrief en uitnodigingen voor onderzoek'));
    expect(root.querySelector('#consent-text')!.textContent).to.include('hooguit één keer per maand');
    expect(root.querySelector('a')!.getAttribute('href')).to.equal('/privacy');
  });

  it('a bad address gets its own message, inline, announced, and no request', async () => {
    const { root, calls } = await signup();
    await fill(root, 'anna@example');
    submit(root);
    await waitUntil(() => root.querySelector('#email-error')!.textContent);
    const field = root.querySelector('#email')!;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.equal('email-error');
    expect(root.querySelector('#email-error')!.getAttribute('role')).to.equal('alert');
    expect(root.querySelector('#email-error')!.textContent).to.equal('Het deel na de @ heeft een punt nodig, zoals in voorbeeld.nl.');
    expect(root.activeElement).to.equal(field);
    expect(calls).to.deep.equal([]);
  });

  it('no request without the consent tick, or without a topic', async () => {
    const { root, calls } = await signup();
    await fill(root, 'anna@example.com', { consent: false });
    submit(root);
    await waitUntil(() => root.querySelector('#consent-error')!.textContent);
    await fill(root, 'anna@example.com', { topics: [], consent: true });
    submit(root);
    await waitUntil(() => root.querySelector('#topics-error')!.textContent);
    expect(calls).to.deep.equal([]);
  });

  it('a filled honeypot sends nothing', async () => {
    const { root, calls } = await signup(() => ({ status: 'subscribed' }));
    await fill(root, 'anna@example.com');
    root.querySelector<HTMLInputElement>('#honeypot')!.value = 'http://spam.example';
    submit(root);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).to.deep.equal([]);
  });

  it('double opt-in: a pending answer asks to check the inbox; the event holds what the visitor agreed to', async () => {
    const { element, root, calls } = await signup(() => Promise.resolve({ status: 'pending' }));
    await fill(root, ' anna+news@example.com ', { topics: ['newsletter', 'research'] });
    const dispatched = oneEvent(element, 'keuze-newsletter-subscribe');
    submit(root);
    const { detail } = await dispatched;
    await waitUntil(() => message(root).includes('kijk in je inbox'));
    // The form is gone: focus is on the outcome, not lost to the page.
    expect(root.activeElement?.getAttribute('part')).to.equal('message');
    // Pending is not subscribed yet: nothing remembered.
    expect(document.cookie).not.to.include('keuze_newsletter=');
    const [event] = calls;
    expect(event).to.deep.include({ type: 'newsletter-subscribe', email: 'anna+news@example.com', topics: ['newsletter', 'research'], language: 'nl' });
    expect(detail).to.deep.equal(event);
    if (event?.type != 'newsletter-subscribe') throw new Error('no sign-up');
    expect(event.consentText).to.equal(root.ownerDocument && 'Ja, stuur mij nieuwsbrief en uitnodigingen voor onderzoek per e-mail (hooguit één keer per maand). Ik kan me altijd weer afmelden.');
    expect(Date.now() - Date.parse(event.timestamp)).to.be.below(5000);
  });

  it('subscribed: says so, and remembers the topics, never the address', async () => {
    const { root } = await signup(() => ({ status: 'subscribed' }));
    await fill(root, 'anna@example.com', { topics: ['research'] });
    submit(root);
    await waitUntil(() => message(root) == 'Je bent aangemeld. Bedankt!');
    expect(document.cookie).to.include('keuze_newsletter=research');
    const stored = [document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })].join(' ');
    expect(stored).not.to.include('anna');
    expect(decodeURIComponent(stored)).not.to.include('example.com');
    const again = await signup();
    expect(message(again.root)).to.include('Je bent aangemeld voor: Uitnodigingen voor onderzoek.');
    expect(again.root.querySelector('a')!.getAttribute('href')).to.equal('/newsletter');
    // Another address or more topics: the form comes back.
    [...again.root.querySelectorAll('button')].find((item) => item.textContent!.includes('ander adres'))!.click();
    await waitUntil(() => again.root.querySelector('form'));
  });

  for (const [name, handler, expected] of [
    ['a rejection', () => Promise.reject(new Error('mail server down')), 'Dat lukte niet.'],
    ['a timeout', () => new Promise(() => {}), 'Dit duurt te lang.'],
    ['a callback that throws', () => { throw new Error('bug'); }, 'Dat lukte niet.'],
  ] as [string, Handler, string][]) {
    it(`${name}: a clear error with retry, and every field kept as entered`, async () => {
      let fail = true;
      const { root, calls } = await signup((event) => (fail ? handler(event) : { status: 'subscribed' }));
      await fill(root, 'anna@example.com', { topics: ['research'] });
      submit(root);
      await waitUntil(() => message(root).includes(expected), `no "${expected}"`, { timeout: 2000 });
      expect(root.querySelector<HTMLInputElement>('#email')!.value).to.equal('anna@example.com');
      expect([...root.querySelectorAll<HTMLInputElement>('input[name="topics"]')].map((box) => box.checked)).to.deep.equal([false, true]);
      expect(root.querySelector<HTMLInputElement>('#consent')!.checked).to.equal(true);
      expect(root.querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('Opnieuw proberen');
      fail = false;
      submit(root);
      await waitUntil(() => message(root) == 'Je bent aangemeld. Bedankt!');
      expect(calls).to.have.length(2);
    });
  }

  it('offline: says so before trying, sends and announces nothing, keeps the input', async () => {
    const { element, root, calls } = await signup(() => ({ status: 'subscribed' }));
    const dispatched: Event[] = [];
    element.addEventListener('keuze-newsletter-subscribe', (event) => dispatched.push(event));
    await fill(root, 'anna@example.com');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      submit(root);
      await waitUntil(() => message(root).includes('offline'));
      expect(calls).to.deep.equal([]);
      expect(dispatched).to.deep.equal([]);
      expect(root.querySelector<HTMLInputElement>('#email')!.value).to.equal('anna@example.com');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('cannot send twice while a request runs', async () => {
    let answer: (value: unknown) => void = () => {};
    const { root, calls } = await signup(() => new Promise((resolve) => (answer = resolve)));
    await fill(root, 'anna@example.com');
    submit(root);
    await waitUntil(() => root.querySelector('button[type="submit"]')!.getAttribute('aria-disabled') == 'true');
    submit(root);
    submit(root);
    answer({ status: 'pending' });
    await waitUntil(() => message(root).includes('inbox'));
    expect(calls).to.have.length(1);
  });

  it('the page config’s onEvent receives the sign-up when there is no handler', async () => {
    const keuze = window.Keuze!;
    const calls: unknown[] = [];
    const original = keuze.config.onEvent;
    (await keuze.validConfig()).onEvent = (event) => (calls.push(event), { status: 'subscribed' });
    try {
      const element = await fixture<NewsletterSignup>(html`<keuze-newsletter-signup></keuze-newsletter-signup>`);
      await waitUntil(() => element.shadowRoot?.querySelector('form'));
      await fill(element.shadowRoot!, 'anna@example.com');
      submit(element.shadowRoot!);
      await waitUntil(() => message(element.shadowRoot!) == 'Je bent aangemeld. Bedankt!');
      expect(calls).to.have.length(1);
    } finally {
      keuze.config.onEvent = original;
    }
  });

  for (const lang of ['nl', 'en']) {
    it(`keyboard only (${lang}): type, tick with Space, send with Enter`, async () => {
      await window.Keuze!.setLanguage(lang);
      const { root, calls } = await signup(() => ({ status: 'pending' }));
      root.querySelector<HTMLInputElement>('#email')!.focus();
      await sendKeys({ type: 'anna@example.com' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()?.id).to.equal('consent');
      await sendKeys({ press: 'Space' });
      for (let i = 0; i < 5 && deepActiveElement()?.getAttribute('type') != 'submit'; i++) await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()?.textContent?.trim()).to.equal(lang == 'nl' ? 'Aanmelden' : 'Subscribe');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => message(root).includes('inbox'));
      expect(calls[0]).to.deep.include({ email: 'anna@example.com', topics: ['newsletter'], language: lang });
      await window.Keuze!.setLanguage('nl');
    });
  }

  for (const [lang, colorScheme] of [['nl', 'light'], ['en', 'dark']] as const) {
    it(`has no axe violations, also with errors shown: ${lang}, ${colorScheme}`, async () => {
      await emulateMedia({ colorScheme });
      await window.Keuze!.setLanguage(lang);
      const { element, root } = await signup();
      await expect(element).to.be.accessible();
      await fill(root, 'anna@', { topics: [], consent: false });
      submit(root);
      await waitUntil(() => root.querySelector('#email-error')!.textContent);
      await expect(element).to.be.accessible();
      if (lang == 'en') expect(root.querySelector('#email-error')!.textContent).to.equal('The part after the @ needs a dot, as in example.com.');
    });
  }
});
