import type { NewsletterSubscribeEvent } from '@keuze/core';
import { init } from '@keuze/core';
import { ui } from '@keuze/elements';
import { expect, waitUntil } from '@open-wc/testing';
import React from 'react';
import * as reactDomClient from 'react-dom/client';
import { elementsConfig, part } from '../../../test/support/elements.js';
import { KeuzeCookiePreferences, KeuzeNewsletterSignup } from './index.js';

// The dev server hands React's CommonJS over as a default export only (web-test-runner.config.mjs).
const { createRoot } = (reactDomClient as unknown as { default: typeof reactDomClient }).default;
const { createElement } = React;

// The wrappers import the built @keuze/elements, as an app's bundle would; Keuze runs on the same
// build, so the elements and their texts come from one copy.
describe('@keuze/react', () => {
  let container: HTMLElement;
  let root: reactDomClient.Root;

  before(async () => {
    const keuze = window.Keuze ?? init(elementsConfig, { ui });
    if (keuze.getConsent()) await keuze.reset();
    await waitUntil(() => document.querySelector('keuze-cookie-banner'), 'Keuze did not show its banner');
  });
  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
  });
  after(() => window.Keuze?.reset());

  const rendered = (tag: string): Promise<Element> => waitUntil(() => container.querySelector(tag), `React did not render <${tag}>`).then(() => container.querySelector(tag)!);

  it('renders the sign-up a visitor fills in, and onNewsletterSubscribe receives the sign-up it submits', async () => {
    const received: CustomEvent<NewsletterSubscribeEvent>[] = [];
    root.render(
      createElement(KeuzeNewsletterSignup, {
        handler: () => ({ status: 'pending' }),
        onNewsletterSubscribe: (event) => received.push(event),
      }),
    );
    const signup = await rendered('keuze-newsletter-signup');
    const form = await part(signup, 'base');
    expect(form.querySelector('label[for="email"]')?.textContent).to.equal('E-mailadres');

    const email = await part<HTMLInputElement>(signup, 'email');
    email.value = 'anna@example.com';
    email.dispatchEvent(new InputEvent('input'));
    form.querySelector<HTMLInputElement>('input[name="topics"][value="newsletter"]')!.click();
    (await part(signup, 'button')).click();

    await waitUntil(() => received.length, 'onNewsletterSubscribe received nothing');
    expect(received).to.have.length(1);
    expect(received[0]!.target).to.equal(signup);
    expect(received[0]!.detail).to.include({ type: 'newsletter-subscribe', email: 'anna@example.com', language: 'nl' });
    expect(received[0]!.detail.topics).to.deep.equal(['newsletter']);
    expect((await part(signup, 'message')).textContent).to.contain('Bijna klaar');
  });

  it('sets properties on the dialog, which the banner opens; onPreferencesShow and onPreferencesClose hear it open and close', async () => {
    const heard: string[] = [];
    root.render(
      createElement(KeuzeCookiePreferences, {
        theme: 'dark',
        onPreferencesShow: (event) => heard.push(event.type),
        onPreferencesClose: (event) => heard.push(event.type),
      }),
    );
    const preferences = await rendered('keuze-cookie-preferences');
    await waitUntil(() => preferences.getAttribute('theme') == 'dark', 'the theme prop did not reach the element');

    (await part(document.querySelector('keuze-cookie-banner'), 'choose')).click();
    await waitUntil(() => heard.length, 'onPreferencesShow heard nothing');
    const dialog = await part<HTMLDialogElement>(preferences, 'base');
    expect(dialog.open).to.equal(true);
    expect((await part(preferences, 'title')).textContent).to.equal('Cookie-instellingen');
    // The page's Keuze used the dialog React rendered rather than adding its own.
    expect(document.querySelectorAll('keuze-cookie-preferences')).to.have.length(1);

    (await part(preferences, 'close')).click();
    await waitUntil(() => heard.length == 2, 'onPreferencesClose heard nothing');
    expect(heard).to.deep.equal(['keuze-preferences-show', 'keuze-preferences-close']);
    expect(dialog.open).to.equal(false);
  });
});
