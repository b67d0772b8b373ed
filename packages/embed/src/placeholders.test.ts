import { expect, waitUntil } from '@open-wc/testing';
import { clearSiteData, closePages, cookies, gateDrained, openPage, roundTrip, siteConfig, type TestPage } from '../../../test/support/pages.js';

const config = {
  ...siteConfig,
  categories: {
    ...siteConfig.categories,
    functional: {
      services: {
        youtube: { label: 'YouTube', description: 'Videos.', provider: 'Google Ireland Ltd.', cookies: ['YSC'] },
        maps: { label: 'OpenStreetMap', description: 'Maps.' },
      },
    },
  },
};

const video = (id: string, extra = ''): string =>
  `<iframe id="${id}" width="560" height="315" title="Video" data-category="functional" data-service="youtube" data-src="/test/support/embed.html?${id}" ${extra}></iframe>`;

const placeholderOf = (page: TestPage, id: string): HTMLElement | null => {
  const previous = page.document.getElementById(id)?.previousElementSibling;
  return previous?.localName == 'keuze-embed-placeholder' ? (previous as HTMLElement) : null;
};

async function rendered(page: TestPage, id: string): Promise<ShadowRoot> {
  await waitUntil(() => placeholderOf(page, id)?.shadowRoot?.querySelector('[part~="base"]'), `no placeholder for #${id}`, { timeout: 3000 });
  return placeholderOf(page, id)!.shadowRoot!;
}

/**
 * Whether the embed was fetched or shown: its document is there, or the browser timed its request.
 * (WebKit does not time an iframe document it had cached from an earlier test.)
 */
const requested = (page: TestPage, id: string): boolean =>
  (page.document.getElementById(id) as HTMLIFrameElement | null)?.contentDocument?.body?.textContent?.trim() == 'embedded' ||
  page.window.performance.getEntriesByType('resource').some((entry) => entry.name.includes(`embed.html?${id}`));

describe('issue 19.1: embeds with a choice in place', () => {
  beforeEach(clearSiteData);
  afterEach(closePages);

  it('stands in the blocked iframe’s place, at its size, saying what it is and why, in Dutch and English', async () => {
    const page = await openPage({ config, body: video('one') });
    const root = await rendered(page, 'one');
    const iframe = page.document.getElementById('one')!;
    expect(page.window.getComputedStyle(iframe).display).to.equal('none');
    // The iframe's width (at most the page's), and its aspect ratio.
    const placeholder = placeholderOf(page, 'one')!;
    expect(placeholder.style.width).to.equal('560px');
    const box = placeholder.getBoundingClientRect();
    expect(Math.round(box.width)).to.equal(Math.min(560, page.document.body.clientWidth));
    expect(box.height / box.width).to.be.closeTo(315 / 560, 0.01);
    expect(root.querySelector('[part~="title"]')!.textContent).to.equal('Inhoud van YouTube');
    expect(root.querySelector('[part~="text"]')!.textContent.replace(/\s+/g, ' ').trim()).to.equal(
      'Aangeboden door Google Ireland Ltd. Deze inhoud is niet geladen, omdat die van een andere partij komt die cookies kan plaatsen of gegevens kan verzamelen, en je functioneel niet hebt toegestaan.',
    );
    expect([...root.querySelectorAll('button')].map((button) => button.textContent)).to.deep.equal(['Eenmalig laden', 'Altijd toestaan: YouTube']);
    // A region named by its title, for screen readers.
    expect(root.querySelector('section')!.getAttribute('aria-labelledby')).to.equal('title');
    await page.keuze.setLanguage('en');
    await waitUntil(() => root.querySelector('[part~="title"]')!.textContent == 'Content from YouTube');
    expect(root.querySelector('[part~="allow"]')!.textContent).to.equal('Always allow YouTube');
    expect(root.querySelector('[part~="load-once"]')!.textContent).to.equal('Load once');
    // A provider that ends in a full stop (as "Ltd." does) ends the sentence: no second one.
    expect(root.querySelector('[part~="text"]')!.textContent.replace(/\s+/g, ' ').trim()).to.match(/^Provided by Google Ireland Ltd\. This content/);
    // Nothing reached the third party.
    expect(requested(page, 'one')).to.equal(false);
  });

  it('"Load once" loads this embed only, stores nothing, and asks again on the next page view', async () => {
    const page = await openPage({ config, body: `${video('one')}${video('two')}` });
    const root = await rendered(page, 'one');
    await rendered(page, 'two');
    const button = root.querySelector<HTMLButtonElement>('[part~="load-once"]')!;
    button.focus();
    button.click();
    const iframe = page.document.getElementById('one') as HTMLIFrameElement;
    await waitUntil(() => requested(page, 'one'), 'the embed did not load', { timeout: 3000 });
    expect(placeholderOf(page, 'one')).to.equal(null);
    expect(page.window.getComputedStyle(iframe).display).not.to.equal('none');
    expect(page.document.activeElement).to.equal(iframe);
    expect(placeholderOf(page, 'two')).not.to.equal(null);
    expect(requested(page, 'two')).to.equal(false);
    expect(page.keuze.getConsent()).to.equal(null);
    expect(cookies()).not.to.have.property('keuze_consent');
    await page.reload();
    await rendered(page, 'one');
  });

  it('"Always allow <service>" grants that service like any choice, with its event, and loads its embeds', async () => {
    const page = await openPage({
      config,
      before: 'window.__events = []; window.KeuzeConfig = { onEvent: (event) => void window.__events.push(event.type) };',
      body: `${video('one')}${video('two')}<iframe id="map" data-category="functional" data-service="maps" data-src="/test/support/embed.html?map"></iframe>`,
    });
    const root = await rendered(page, 'one');
    root.querySelector<HTMLButtonElement>('[part~="allow"]')!.click();
    await waitUntil(() => requested(page, 'one') && requested(page, 'two'), 'the embeds did not load', { timeout: 3000 });
    await waitUntil(() => !placeholderOf(page, 'one') && !placeholderOf(page, 'two'), 'placeholders stayed', { timeout: 3000 });
    const consent = page.keuze.getConsent()!;
    expect(consent.categories).to.deep.equal(['necessary', 'functional']);
    expect(consent.services.functional).to.deep.equal(['youtube']);
    expect(consent.method).to.equal('custom');
    expect((page.window as unknown as { __events: string[] }).__events).to.include('consent');
    // Another service of the category stays blocked, with its own placeholder.
    expect(placeholderOf(page, 'map')).not.to.equal(null);
    expect(requested(page, 'map')).to.equal(false);
    await page.reload();
    await waitUntil(() => requested(page, 'one'), 'the allowed embed did not load on the next page view', { timeout: 3000 });
    await gateDrained(page);
    await roundTrip();
    expect(placeholderOf(page, 'one')).to.equal(null);
  });

  it('goes once the category is accepted in the banner, and is not added for an allowed embed', async () => {
    const page = await openPage({ config, body: video('one') });
    await rendered(page, 'one');
    await page.keuze.acceptAll();
    await waitUntil(() => !placeholderOf(page, 'one') && requested(page, 'one'), 'still blocked', { timeout: 3000 });
    await page.reload();
    await gateDrained(page);
    await roundTrip();
    expect(page.document.querySelector('keuze-embed-placeholder')).to.equal(null);
  });

  it('comes for iframes added later, not for data-keuze-placeholder="off", and shows only a same-origin image', async () => {
    const page = await openPage({ config, body: `${video('off', 'data-keuze-placeholder="off"')}<main></main>` });
    page.document
      .querySelector('main')!
      .insertAdjacentHTML('beforeend', `${video('late', 'data-placeholder-image="/test/support/pixel.gif"')}${video('remote', 'data-placeholder-image="https://img.youtube.com/vi/x/0.jpg"')}`);
    const late = await rendered(page, 'late');
    await rendered(page, 'remote');
    expect(placeholderOf(page, 'off')).to.equal(null);
    await waitUntil(() => (late.querySelector('[part~="base"]') as HTMLElement).style.backgroundImage.includes('/test/support/pixel.gif'));
    expect((placeholderOf(page, 'remote')!.shadowRoot!.querySelector('[part~="base"]') as HTMLElement).style.backgroundImage).to.equal('');
    expect(page.logs('warn').filter((text) => text.includes('data-placeholder-image "https://img.youtube.com/vi/x/0.jpg" is not on this site'))).to.have.length.at.least(1);
    expect(page.window.performance.getEntriesByType('resource').some((entry) => entry.name.includes('img.youtube.com'))).to.equal(false);
  });
});
