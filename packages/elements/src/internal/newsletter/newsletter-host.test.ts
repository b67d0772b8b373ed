import type { NewsletterEvent } from '@keuze/core';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { clearSiteData, closePages, openPage, siteConfig, type TestPage } from '../../../../../test/support/pages.js';
import { freshKeuze } from '../../../../../test/support/elements.js';
import '../../newsletter-preferences/define.js';
import { emailProblem, normalizeEmail } from './email-address.js';

/**
 * Issue 14, items 10 to 12: one email rule for every script, hostile addresses refused with a
 * clear message, and hosts (functions or endpoints) whose answers do not have the documented shape.
 */

describe('one email rule for the whole world (issue 14.10)', () => {
  const good = [
    // Devanagari and Thai: vowel signs are combining marks, not letters.
    'उदाहरण@उदाहरण.भारत',
    'ทดสอบ@ทดสอบ.ไทย',
    'परीक्षा@example.com',
    // Chinese and Greek were accepted before; they still are.
    '用户@例子.广告',
    'χρήστης@παράδειγμα.ελ',
    // NFD (an "e" and a combining accent) is the same address as NFC.
    'jose\u0301@example.com',
    'info@bu\u0308cher.de',
    // The full stops IDNA maps to ".".
    '用户@例子。广告',
    'anna+news@example.com',
    "o'connor@example.ie",
    'info@xn--bcher-kva.de',
    'ANNA@EXAMPLE.NL',
    `${'a'.repeat(64)}@example.com`,
  ];
  for (const address of good) it(`accepts ${JSON.stringify(address)}`, () => expect(emailProblem(address)).to.equal(null));

  const bad: [string, string][] = [
    // Header injection: a line break (with or without a second header).
    ['anna@example.com\r\nBcc: all@example.org', 'control'],
    ['anna\n@example.com', 'control'],
    ['anna@exam\rple.com', 'control'],
    ['anna\u0000@example.com', 'control'],
    ['anna\t@example.com', 'control'],
    [`${'a'.repeat(1000)}@example.com`, 'too-long'],
    [`anna@${'a'.repeat(1000)}.com`, 'too-long'],
    [`${'a'.repeat(65)}@example.com`, 'too-long'],
    // 33 two-byte letters: 66 bytes before the @, which RFC 6531 counts.
    [`${'é'.repeat(33)}@example.com`, 'too-long'],
    // Invisible and direction-changing characters are no part of a mailbox name.
    ['an\u200bna@example.com', 'local'],
    ['anna\u202e@example.com', 'local'],
    ['anna\u00a0b@example.com', 'space'],
    // What a URL parser would cut off or decode is no part of a domain.
    ['anna@example.com/evil', 'label'],
    ['anna@example.com:25', 'label'],
    ['anna@exa%2Emple.com', 'label'],
    ['anna@exa_mple.com', 'label'],
    ['anna@bücher-.de', 'label'],
    ['anna@example.com.', 'label'],
    ['anna@例子。。广告', 'double-dot'],
    ['anna@example', 'no-dot'],
    ['anna@example.123', 'tld'],
  ];
  for (const [address, problem] of bad) it(`refuses ${JSON.stringify(address.slice(0, 40))}: ${problem}`, () => expect(emailProblem(address)).to.equal(problem));

  it('the address goes to the host in NFC, trimmed', () => {
    expect(normalizeEmail(' jose\u0301@example.com ')).to.equal('jos\u00e9@example.com');
  });
});

/** The page's sign-up, filled in and sent like a visitor would. */
async function signUp(page: TestPage, email: string): Promise<ShadowRoot> {
  await waitUntil(() => page.document.querySelector('keuze-newsletter-signup')?.shadowRoot?.querySelector('form'), 'no sign-up form', { timeout: 4000 });
  const root = page.document.querySelector('keuze-newsletter-signup')!.shadowRoot!;
  const field = root.querySelector<HTMLInputElement>('#email')!;
  field.value = email;
  field.dispatchEvent(new InputEvent('input'));
  // With one topic, its box is the consent (issue 20's one-tick sign-up).
  root.querySelector<HTMLInputElement>('input[name="topics"]')!.click();
  root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  return root;
}
const shown = (root: ShadowRoot): string => [...root.querySelectorAll('[part~="message"], .error')].map((item) => item.textContent.trim()).join(' ');

describe('the sign-up against hostile input (issue 14.10)', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('1,000 characters are refused with a clear message, and nothing is sent', async () => {
    const page = await openPage({ config: { ...siteConfig, newsletter: { endpoint: '/__newsletter' } }, body: '<keuze-newsletter-signup></keuze-newsletter-signup>' });
    const root = await signUp(page, `${'a'.repeat(1000)}@example.com`);
    await waitUntil(() => root.querySelector('#email-error')!.textContent, 'no message');
    expect(root.querySelector('#email-error')!.textContent).to.equal('Dit is te lang voor een e-mailadres (hoogstens 254 tekens, 64 voor de @).');
    expect(page.window.performance.getEntriesByType('resource').some((entry) => entry.name.includes('__newsletter'))).to.equal(false);
  });

  it('an NFD address is sent in NFC', async () => {
    const page = await openPage({ config: { ...siteConfig, newsletter: { endpoint: '/__newsletter' } }, body: '<keuze-newsletter-signup></keuze-newsletter-signup>' });
    const root = await signUp(page, 'jose\u0301@example.com');
    await waitUntil(() => shown(root).includes('Je bent aangemeld'), `shown: ${shown(root)}`, { timeout: 3000 });
    const received = await (await fetch('/__newsletter/last')).json();
    expect(received.body.email).to.equal('jos\u00e9@example.com');
  });
});

const answer = (params: Record<string, string>): string => `/__answer?${new URLSearchParams(params)}`;
const loginPage = answer({ body: '<!doctype html><title>Log in</title><form method="post"><input name="password"></form>' });

describe('newsletter endpoints that do not answer as agreed (issue 14.11)', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  for (const [name, endpoint] of [
    ['a 200 login page (HTML)', loginPage],
    ['a 302 to a login page', answer({ status: '302', location: loginPage })],
    ['JSON of another shape', answer({ type: 'application/json', body: '{"ok":true}' })],
    ['JSON with an unknown status', answer({ type: 'application/json', body: '{"status":"error"}' })],
    ['a 200 without a body', answer({ type: 'text/plain' })],
    ['JSON sent as text/plain', answer({ type: 'text/plain', body: '{"status":"pending"}' })],
  ] as const) {
    it(`${name} is the error with retry, the typed fields kept`, async () => {
      const page = await openPage({ config: { ...siteConfig, newsletter: { endpoint } }, body: '<keuze-newsletter-signup></keuze-newsletter-signup>' });
      const root = await signUp(page, 'anna@example.com');
      await waitUntil(() => shown(root).includes('Dat is niet gelukt'), `shown: ${shown(root)}`, { timeout: 3000 });
      expect(root.querySelector<HTMLInputElement>('#email')!.value).to.equal('anna@example.com');
      expect(root.querySelector<HTMLInputElement>('input[name="topics"]')!.checked).to.equal(true);
      expect(root.querySelector('button[type="submit"]')!.textContent.trim()).to.equal('Opnieuw proberen');
      expect(page.logs('error').filter((text) => text.includes('the host did not accept "newsletter-subscribe"'))).to.have.length(1);
      expect(page.document.cookie).not.to.include('keuze_newsletter=');
    });
  }

  it('JSON of the documented shape, with a charset, is success', async () => {
    const endpoint = answer({ type: 'application/json; charset=utf-8', body: '{"status":"pending"}' });
    const page = await openPage({ config: { ...siteConfig, newsletter: { endpoint } }, body: '<keuze-newsletter-signup></keuze-newsletter-signup>' });
    const root = await signUp(page, 'anna@example.com');
    await waitUntil(() => shown(root).includes('kijk in je inbox'), `shown: ${shown(root)}`, { timeout: 3000 });
  });
});

type Handler = (event: NewsletterEvent) => unknown;

/** Whether the topic box labelled `label` is ticked; undefined while there is none. */
const ticked = (root: ShadowRoot, label: string): boolean | undefined => [...root.querySelectorAll('label.check')].find((item) => item.textContent.includes(label))?.querySelector('input')?.checked;

async function preferences(handler: Handler): Promise<ShadowRoot> {
  const element = document.createElement('keuze-newsletter-preferences');
  element.token = 'tok-123';
  element.handler = handler;
  await fixture(element);
  await waitUntil(() => element.shadowRoot?.querySelector('form, [part~="message"]'), 'the preferences did not render', { timeout: 2000 });
  return element.shadowRoot!;
}

describe('host answers of the wrong shape (issue 14.12)', () => {
  beforeEach(freshKeuze);

  for (const [name, wrong] of [
    ['topics as a string', { topics: 'news' }],
    ['topics with a non-string', { topics: ['newsletter', 42] }],
    ['topic ids that are no names', { topics: ['<img src=x onerror=alert(1)>'] }],
    ['required as a string', { topics: ['newsletter'], required: 'service' }],
    ['an email that is not a string', { topics: ['newsletter'], email: { toString: 'x' } }],
    ['no answer', undefined],
    ['a list', ['newsletter']],
  ] as const) {
    it(`newsletter-preferences-get answered with ${name}: the error with retry, nothing saved back`, async () => {
      const calls: NewsletterEvent[] = [];
      let right = false;
      const root = await preferences((event) => {
        calls.push(event);
        return right ? { topics: ['newsletter'] } : wrong;
      });
      await waitUntil(() => root.querySelector('[part~="message"]')?.textContent?.includes('Dat is niet gelukt'), 'no error', { timeout: 2000 });
      expect(root.querySelectorAll('input[type="checkbox"]')).to.have.length(0);
      expect(calls.map((event) => event.type)).to.deep.equal(['newsletter-preferences-get']);
      // The retry asks again; a right answer shows the topics.
      right = true;
      root.querySelector<HTMLButtonElement>('[part~="message"] button')!.click();
      await waitUntil(() => ticked(root, 'Nieuwsbrief'), 'no topics after the retry', { timeout: 2000 });
    });
  }

  it('a host that changes the event it receives changes nothing for the element', async () => {
    const seen: string[] = [];
    const element = document.createElement('keuze-newsletter-preferences');
    element.token = 'tok-123';
    element.addEventListener('keuze-newsletter-preferences-get', (event) => {
      seen.push(event.detail.token);
      (event.detail as { token: string }).token = 'changed';
    });
    element.handler = (event) => {
      seen.push((event as { token: string }).token);
      return { topics: ['newsletter'] };
    };
    await fixture(element);
    await waitUntil(() => ticked(element.shadowRoot!, 'Nieuwsbrief'), 'no topics', { timeout: 2000 });
    expect(seen).to.deep.equal(['tok-123', 'tok-123']);
  });
});
