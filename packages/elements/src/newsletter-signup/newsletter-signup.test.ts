import type { NewsletterConfig, NewsletterEvent, ResolvedConfig } from '@keuze/core';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, itWithMedia, sendKeys } from '../../../../test/support/engines.js';
import { deepActiveElement, freshKeuze } from '../../../../test/support/elements.js';
import { KeuzeRequestEvent } from '../internal/keuze-provider.js';
import { emailProblem } from '../internal/newsletter/email-address.js';
import './define.js';
import { NewsletterSignupHarness } from './newsletter-signup.harness.js';
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

/** A sign-up form answered by `handler`; `root` is its shadow root, `form` the visitor's view of it. */
async function signup(handler?: Handler): Promise<{ element: NewsletterSignup; root: ShadowRoot; calls: NewsletterEvent[]; form: NewsletterSignupHarness }> {
  const { harness, calls } = await NewsletterSignupHarness.create(handler);
  return { element: harness.element, root: harness.root, calls, form: harness };
}

/** The visitor's view of the sign-up form that `root` belongs to. */
const form = (root: ShadowRoot): NewsletterSignupHarness => new NewsletterSignupHarness(root.host as NewsletterSignup);

/**
 * Runs a test whose elements get the page's Keuze with another `newsletter` config: the config is
 * core's and frozen, so a provider of the test's own answers the elements' requests first.
 */
async function withNewsletter(newsletter: NewsletterConfig | undefined, test: () => Promise<void>, changes: Partial<ResolvedConfig> = {}): Promise<void> {
  const keuze = window.Keuze!;
  const config = { ...(await keuze.validConfig()), newsletter, ...changes };
  const provide = (event: KeuzeRequestEvent): void => {
    event.stopPropagation();
    const given = Promise.resolve(config);
    event.answer(keuze, { first: given, validated: given });
  };
  window.addEventListener(KeuzeRequestEvent.type, provide, true);
  try {
    await test();
  } finally {
    window.removeEventListener(KeuzeRequestEvent.type, provide, true);
  }
}

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

  it('several topics: one unticked box per topic, whose label is the consent; no separate agree box', async () => {
    const { root } = await signup();
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((box) => box.value)).to.deep.equal(['newsletter', 'research']);
    expect(boxes.some((box) => box.checked)).to.equal(false);
    expect(boxes.map((box) => form(root).nameOf(box))).to.deep.equal([
      'Stuur mij per e-mail (hooguit één keer per maand): Nieuwsbrief.',
      'Stuur mij per e-mail (hooguit één keer per maand): Uitnodigingen voor onderzoek.',
    ]);
    expect(root.querySelector('fieldset > .hint')!.textContent).to.equal('Ik kan me op elk moment weer afmelden.');
    expect(root.querySelector('#consent')).to.equal(null);
    expect(root.querySelector('.privacy a')!.getAttribute('href')).to.equal('/privacy');
  });

  it('a bad address gets its own message, inline, announced, and no request', async () => {
    const { root, calls } = await signup();
    await form(root).fill('anna@example');
    form(root).submit();
    await waitUntil(() => form(root).error('email').textContent);
    const field = root.querySelector('#email')!;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.equal('email-error');
    expect(form(root).error('email').getAttribute('role')).to.equal('alert');
    expect(form(root).error('email').textContent).to.equal('Het deel na de @ heeft een punt nodig, zoals in voorbeeld.nl.');
    expect(root.activeElement).to.equal(field);
    expect(calls).to.deep.equal([]);
  });

  it('no request without a ticked topic: the boxes are marked invalid, focus goes to the first, and the error goes once one is ticked', async () => {
    const { root, calls } = await signup();
    await form(root).fill('anna@example.com', { topics: [] });
    form(root).submit();
    await waitUntil(() => form(root).error('topics').textContent == 'Kies minstens één onderwerp.');
    const boxes = [...form(root).topicBoxes()];
    expect(boxes.map((box) => box.getAttribute('aria-invalid'))).to.deep.equal(['true', 'true']);
    expect(boxes.map((box) => form(root).descriptionOf(box))).to.deep.equal(Array(2).fill('Ik kan me op elk moment weer afmelden. Kies minstens één onderwerp.'));
    expect(root.activeElement).to.equal(boxes[0]);
    expect(calls).to.deep.equal([]);
    boxes[1]!.click();
    await waitUntil(() => !form(root).error('topics').textContent, 'the error stayed after it was fixed');
    expect(boxes.map((box) => box.getAttribute('aria-invalid'))).to.deep.equal(['false', 'false']);
  });

  it('an email error goes once the address is fixed, not while it is still wrong', async () => {
    const { element, root } = await signup();
    await form(root).fill('anna@');
    form(root).submit();
    await waitUntil(() => form(root).error('email').textContent);
    await form(root).fill('anna@example');
    await element.updateComplete;
    expect(form(root).error('email').textContent).not.to.equal('');
    await form(root).fill('anna@example.com');
    await waitUntil(() => form(root).error('email').textContent == '', 'the error stayed after it was fixed');
    expect(root.querySelector('#email')!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('a topic’s description describes its box and is not part of its name', async () => {
    await withNewsletter(
      {
        topics: [
          { id: 'tips', label: 'Tips', description: { nl: 'Elke maand drie tips.', en: 'Three tips a month.' } },
          { id: 'news', label: 'Nieuws' },
        ],
      },
      async () => {
        const { root } = await signup();
        const [tips, news] = [...form(root).topicBoxes()];
        expect(form(root).nameOf(tips!)).to.equal('Stuur mij per e-mail: Tips.');
        expect(tips!.closest('label')).to.equal(null);
        expect(form(root).descriptionOf(tips!)).to.equal('Elke maand drie tips. Ik kan me op elk moment weer afmelden.');
        expect(news!.getAttribute('aria-describedby')).to.equal('unsubscribe-note topics-error');
      },
    );
  });

  it('the privacy link is its own target of at least 24 px, clear of the labels', async () => {
    const { root } = await signup();
    const link = root.querySelector('.privacy a')!.getBoundingClientRect();
    expect(link.height).to.be.at.least(24);
    for (const label of root.querySelectorAll('label, .hint')) {
      const box = label.getBoundingClientRect();
      const overlaps = box.bottom > link.top + 0.5 && box.top < link.bottom - 0.5 && box.right > link.left && box.left < link.right;
      expect(overlaps, `overlaps "${label.textContent}"`).to.equal(false);
    }
  });

  it('a filled honeypot sends nothing', async () => {
    const { root, calls } = await signup(() => ({ status: 'subscribed' }));
    await form(root).fill('anna@example.com');
    root.querySelector<HTMLInputElement>('#honeypot')!.value = 'http://spam.example';
    form(root).submit();
    // A bot is told it worked: that answer comes where a real one would have been sent first.
    await waitUntil(() => root.querySelector('[part~="message"]'), 'no answer shown', { timeout: 3000 });
    expect(calls).to.deep.equal([]);
  });

  it('double opt-in: a pending answer asks to check the inbox; the event holds what the visitor agreed to', async () => {
    const { element, root, calls } = await signup(() => Promise.resolve({ status: 'pending' }));
    await form(root).fill(' anna+news@example.com ', { topics: ['research', 'newsletter'] });
    const dispatched = oneEvent(element, 'keuze-newsletter-subscribe');
    form(root).submit();
    const { detail } = await dispatched;
    await waitUntil(() => form(root).message().includes('kijk in je inbox'));
    // The form is gone: focus is on the outcome, not lost to the page.
    expect(root.activeElement?.getAttribute('part')).to.equal('message');
    // Pending is not subscribed yet: nothing remembered.
    expect(document.cookie).not.to.include('keuze_newsletter=');
    const [event] = calls;
    expect(event).to.deep.include({ type: 'newsletter-subscribe', email: 'anna+news@example.com', topics: ['newsletter', 'research'], language: 'nl', tracking: false });
    expect(event).not.to.have.property('minimumAge');
    expect(detail).to.deep.equal(event);
    if (event?.type != 'newsletter-subscribe') throw new Error('no sign-up');
    expect(event.consentText).to.equal(
      'Stuur mij per e-mail (hooguit één keer per maand): Nieuwsbrief. Stuur mij per e-mail (hooguit één keer per maand): Uitnodigingen voor onderzoek. Ik kan me op elk moment weer afmelden.',
    );
    expect(Date.now() - Date.parse(event.timestamp)).to.be.below(5000);
  });

  it('subscribed: says so; remembers the topics only where a granted category lists the cookie (here none does), never the address', async () => {
    const { root } = await signup(() => ({ status: 'subscribed' }));
    await form(root).fill('anna@example.com', { topics: ['research'] });
    form(root).submit();
    await waitUntil(() => form(root).message() == 'Je bent aangemeld. Bedankt!');
    // Not strictly necessary, and no category of this config lists keuze_newsletter: not written.
    expect(document.cookie).not.to.include('keuze_newsletter=');
    const stored = [document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })].join(' ');
    expect(stored).not.to.include('anna');
    expect(decodeURIComponent(stored)).not.to.include('example.com');
    // A browser whose choice let it remember: the sign-up says so.
    document.cookie = 'keuze_newsletter=research; path=/';
    const again = await signup();
    expect(again.form.message()).to.include('Je bent aangemeld voor: Uitnodigingen voor onderzoek.');
    expect(again.root.querySelector('a')!.getAttribute('href')).to.equal('/newsletter');
    // Another address or more topics: the form comes back.
    [...again.root.querySelectorAll('button')].find((item) => item.textContent.includes('ander adres'))!.click();
    await waitUntil(() => again.root.querySelector('form'));
  });

  for (const [name, handler, expected] of [
    ['a rejection', () => Promise.reject(new Error('mail server down')), 'Dat is niet gelukt.'],
    ['a timeout', () => new Promise(() => {}), 'Dit duurt te lang.'],
    [
      'a callback that throws',
      () => {
        throw new Error('bug');
      },
      'Dat is niet gelukt.',
    ],
  ] as [string, Handler, string][]) {
    it(`${name}: a clear error with retry, and every field kept as entered`, async () => {
      let fail = true;
      const { root, calls } = await signup((event) => (fail ? handler(event) : { status: 'subscribed' }));
      await form(root).fill('anna@example.com', { topics: ['research'] });
      form(root).submit();
      await waitUntil(() => form(root).message().includes(expected), `no "${expected}"`, { timeout: 2000 });
      expect(form(root).emailField.value).to.equal('anna@example.com');
      expect([...form(root).topicBoxes()].map((box) => box.checked)).to.deep.equal([false, true]);
      expect(root.querySelector('button[type="submit"]')!.textContent.trim()).to.equal('Opnieuw proberen');
      fail = false;
      form(root).submit();
      await waitUntil(() => form(root).message() == 'Je bent aangemeld. Bedankt!');
      expect(calls).to.have.length(2);
    });
  }

  it('offline: says so before trying, sends and announces nothing, keeps the input', async () => {
    const { element, root, calls } = await signup(() => ({ status: 'subscribed' }));
    const dispatched: Event[] = [];
    element.addEventListener('keuze-newsletter-subscribe', (event) => dispatched.push(event));
    await form(root).fill('anna@example.com');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      form(root).submit();
      await waitUntil(() => form(root).message().includes('offline'));
      expect(calls).to.deep.equal([]);
      expect(dispatched).to.deep.equal([]);
      expect(form(root).emailField.value).to.equal('anna@example.com');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('cannot send twice while a request runs', async () => {
    let answer: (value: unknown) => void = () => {};
    const { root, calls } = await signup(() => new Promise((resolve) => (answer = resolve)));
    await form(root).fill('anna@example.com');
    form(root).submit();
    await waitUntil(() => root.querySelector('button[type="submit"]')!.getAttribute('aria-disabled') == 'true');
    form(root).submit();
    form(root).submit();
    answer({ status: 'pending' });
    await waitUntil(() => form(root).message().includes('inbox'));
    expect(calls).to.have.length(1);
  });

  it('the page config’s onEvent receives the sign-up when there is no handler', async () => {
    const calls: unknown[] = [];
    const { newsletter } = await window.Keuze!.validConfig();
    await withNewsletter(
      newsletter,
      async () => {
        const element = await fixture<NewsletterSignup>(html`<keuze-newsletter-signup></keuze-newsletter-signup>`);
        await waitUntil(() => element.shadowRoot?.querySelector('form'));
        const signupForm = new NewsletterSignupHarness(element);
        await signupForm.fill('anna@example.com');
        signupForm.submit();
        await waitUntil(() => signupForm.message() == 'Je bent aangemeld. Bedankt!');
        expect(calls).to.have.length(1);
      },
      { onEvent: (event) => (calls.push(event), { status: 'subscribed' }) },
    );
  });

  it('without newsletter config: one topic, "Nieuwsbrief", in one box whose label is the whole consent; no research invitations', async () => {
    await withNewsletter(undefined, async () => {
      const { root, calls } = await signup(() => ({ status: 'pending' }));
      const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
      expect(boxes.map((box) => box.value)).to.deep.equal(['newsletter']);
      expect(root.querySelector('fieldset')).to.equal(null);
      expect(form(root).nameOf(boxes[0]!)).to.equal('Ja, stuur mij per e-mail: Nieuwsbrief. Ik kan me op elk moment weer afmelden.');
      expect(root.textContent).not.to.include('onderzoek');
      // Not ticked: the box itself is what is missing.
      await form(root).fill('anna@example.com', { topics: [] });
      form(root).submit();
      await waitUntil(() => form(root).error('topics').textContent == 'Vink het vakje aan om je aan te melden.');
      expect(boxes[0]!.getAttribute('aria-invalid')).to.equal('true');
      boxes[0]!.click();
      form(root).submit();
      await waitUntil(() => calls.length == 1);
      expect(calls[0]).to.deep.include({ topics: ['newsletter'], consentText: 'Ja, stuur mij per e-mail: Nieuwsbrief. Ik kan me op elk moment weer afmelden.', tracking: false });
    });
  });

  it('with no optional topic configured, nothing to sign up for: no form, and a warning naming the key', async () => {
    await withNewsletter({ topics: [{ id: 'service', label: 'Serviceberichten', required: true }] }, async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      try {
        const element = await fixture<NewsletterSignup>(html`<keuze-newsletter-signup></keuze-newsletter-signup>`);
        await waitUntil(() => warnings.some((text) => text.includes('config.newsletter.topics')), 'no warning');
        expect(element.shadowRoot!.querySelector('form')).to.equal(null);
      } finally {
        console.warn = warn;
      }
    });
  });

  it('one topic with a frequency, in English: the label and the proof say how often, in the language shown', async () => {
    await window.Keuze!.setLanguage('en');
    try {
      await withNewsletter({ frequency: { nl: 'maandelijks', en: 'monthly' }, topics: [{ id: 'news', label: { nl: 'Nieuwsbrief', en: 'Newsletter' } }] }, async () => {
        const { root, calls } = await signup(() => ({ status: 'pending' }));
        await form(root).fill('anna@example.com', { topics: ['news'] });
        expect(form(root).nameOf(root.querySelector('#topic-news')!)).to.equal('Yes, send me by email (monthly): Newsletter. I can unsubscribe at any time.');
        form(root).submit();
        await waitUntil(() => calls.length == 1);
        expect(calls[0]).to.deep.include({ topics: ['news'], language: 'en', consentText: 'Yes, send me by email (monthly): Newsletter. I can unsubscribe at any time.' });
      });
    } finally {
      await window.Keuze!.setLanguage('nl');
    }
  });

  it('three topics, each with its own frequency: the proof lists exactly the ticked ones', async () => {
    const topics = [
      { id: 'news', label: 'Nieuwsbrief', frequency: { nl: 'maandelijks', en: 'monthly' } },
      { id: 'offers', label: 'Aanbiedingen', frequency: { nl: 'wekelijks', en: 'weekly' } },
      { id: 'research', label: 'Onderzoek' },
      { id: 'service', label: 'Serviceberichten', required: true },
    ];
    await withNewsletter({ frequency: { nl: 'af en toe', en: 'now and then' }, topics }, async () => {
      const { root, calls } = await signup(() => ({ status: 'pending' }));
      const boxes = [...form(root).topicBoxes()];
      expect(boxes.map((box) => form(root).nameOf(box))).to.deep.equal([
        'Stuur mij per e-mail (maandelijks): Nieuwsbrief.',
        'Stuur mij per e-mail (wekelijks): Aanbiedingen.',
        'Stuur mij per e-mail (af en toe): Onderzoek.',
      ]);
      await form(root).fill('anna@example.com', { topics: ['research', 'news'] });
      form(root).submit();
      await waitUntil(() => calls.length == 1);
      expect(calls[0]).to.deep.include({
        topics: ['news', 'research'],
        consentText: 'Stuur mij per e-mail (maandelijks): Nieuwsbrief. Stuur mij per e-mail (af en toe): Onderzoek. Ik kan me op elk moment weer afmelden.',
      });
    });
  });

  it('newsletter.minimumAge: a required, unticked age box; its answer travels with the sign-up', async () => {
    await withNewsletter({ minimumAge: 16, topics: [{ id: 'news', label: 'Nieuwsbrief' }] }, async () => {
      const { root, calls } = await signup(() => ({ status: 'pending' }));
      const age = root.querySelector<HTMLInputElement>('#age')!;
      expect(form(root).nameOf(age)).to.equal('Ik ben 16 jaar of ouder.');
      expect(age.checked).to.equal(false);
      await form(root).fill('anna@example.com', { topics: ['news'] });
      form(root).submit();
      await waitUntil(() => form(root).error('age').textContent == 'Je kunt je alleen aanmelden als je 16 jaar of ouder bent.');
      expect(age.getAttribute('aria-invalid')).to.equal('true');
      expect(form(root).descriptionOf(age)).to.equal('Je kunt je alleen aanmelden als je 16 jaar of ouder bent.');
      expect(root.activeElement).to.equal(age);
      expect(calls).to.deep.equal([]);
      age.click();
      await waitUntil(() => !form(root).error('age').textContent, 'the error stayed after it was fixed');
      form(root).submit();
      await waitUntil(() => calls.length == 1);
      expect(calls[0]).to.deep.include({ minimumAge: 16, topics: ['news'] });
    });
  });

  for (const tick of [false, true]) {
    it(`newsletter.tracking: a separate, unticked box; ${tick ? 'ticked' : 'left alone'}, the sign-up carries tracking: ${tick}`, async () => {
      await withNewsletter({ tracking: true, topics: [{ id: 'news', label: 'Nieuwsbrief' }] }, async () => {
        const { root, calls } = await signup(() => ({ status: 'pending' }));
        const tracking = root.querySelector<HTMLInputElement>('#tracking')!;
        expect(tracking.checked).to.equal(false);
        expect(form(root).nameOf(tracking)).to.equal('Ja, jullie mogen meten of ik de e-mails open en op welke links ik klik. Ik krijg de e-mails ook zonder dit.');
        await form(root).fill('anna@example.com', { topics: ['news'] });
        if (tick) tracking.click();
        form(root).submit();
        await waitUntil(() => calls.length == 1);
        expect(calls[0]).to.deep.include({ tracking: tick, consentText: 'Ja, stuur mij per e-mail: Nieuwsbrief. Ik kan me op elk moment weer afmelden.' });
        if (tick) expect(calls[0]).to.deep.include({ trackingText: form(root).nameOf(tracking) });
        else expect(calls[0]).not.to.have.property('trackingText');
      });
    });
  }

  it('has no axe violations with one topic, the age box and the tracking box, errors shown', async () => {
    await withNewsletter({ minimumAge: 16, tracking: true, topics: [{ id: 'news', label: 'Nieuwsbrief', description: 'Nieuwe functies.' }] }, async () => {
      const { element, root } = await signup();
      await expect(element).to.be.accessible();
      form(root).submit();
      await waitUntil(() => form(root).error('age').textContent);
      await expect(element).to.be.accessible();
    });
  });

  for (const lang of ['nl', 'en']) {
    it(`keyboard only (${lang}): type, tick with Space, send with Enter`, async () => {
      await window.Keuze!.setLanguage(lang);
      const { root, calls } = await signup(() => ({ status: 'pending' }));
      form(root).emailField.focus();
      await sendKeys({ type: 'anna@example.com' });
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()?.id).to.equal('topic-newsletter');
      await sendKeys({ press: 'Space' });
      for (let i = 0; i < 5 && deepActiveElement()?.getAttribute('type') != 'submit'; i++) await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()?.textContent?.trim()).to.equal(lang == 'nl' ? 'Aanmelden' : 'Subscribe');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => form(root).message().includes('inbox'));
      expect(calls[0]).to.deep.include({ email: 'anna@example.com', topics: ['newsletter'], language: lang });
      await window.Keuze!.setLanguage('nl');
    });
  }

  for (const [lang, colorScheme] of [
    ['nl', 'light'],
    ['en', 'dark'],
  ] as const) {
    itWithMedia({ colorScheme })(`has no axe violations, also with errors shown: ${lang}, ${colorScheme}`, async () => {
      await emulateMedia({ colorScheme });
      await window.Keuze!.setLanguage(lang);
      const { element, root } = await signup();
      await expect(element).to.be.accessible();
      await form(root).fill('anna@', { topics: [] });
      form(root).submit();
      await waitUntil(() => form(root).error('email').textContent);
      await expect(element).to.be.accessible();
      if (lang == 'en') expect(form(root).error('email').textContent).to.equal('The part after the @ needs a dot, as in example.com.');
    });
  }
});
