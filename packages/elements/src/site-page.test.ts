import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { elementsConfig } from '../../../test/support/elements.js';
import { axeViolations, closeSites, openSite, sitePart, type Site, type SiteOptions } from '../../../test/support/site.js';

const STATEMENT = `---
title: Privacyverklaring Boekvlot
version: 3
updated: 2025-01-15
---
# Privacyverklaring Boekvlot

## Wie zijn wij

Boekvlot verkoopt tweedehands boeken.

## Welke gegevens

### Bestellingen

Je naam en adres.

## Cookies

Zie [cookie-instellingen](#cookies).
`;

const STATEMENT_EN = `---
title: Boekvlot privacy statement
version: 3
updated: 2025-01-15
---
# Boekvlot privacy statement

## Who we are

Boekvlot sells second-hand books.

## What we keep

### Orders

Your name and address.

## Cookies

See [cookie settings](#cookies).
`;

const NEWSLETTER_HOST = `<script type="module">
const element = document.createElement('keuze-newsletter-preferences');
element.token = 'tok-1';
element.handler = (event) => event.type == 'newsletter-preferences-get' ? { topics: ['newsletter'], required: ['service'], email: 'anna@example.com' } : {};
document.querySelector('#newsletter').append(element);
</script>`;

/** Each state of each element, as a visitor meets it on a page of the site. */
const states: { name: string; options?: SiteOptions; choose?: boolean; ready: (site: Site) => Promise<unknown> }[] = [
  { name: 'banner as a box', ready: (site) => sitePart(site, 'keuze-cookie-banner', 'base') },
  { name: 'banner as a bar', options: { config: { layout: 'bar' } }, ready: (site) => sitePart(site, 'keuze-cookie-banner', 'base') },
  {
    name: 'banner inline',
    options: { main: '<keuze-cookie-banner layout="inline"></keuze-cookie-banner>' },
    ready: (site) => sitePart(site, 'keuze-cookie-banner', 'base'),
  },
  {
    name: 'dialog open',
    ready: async (site) => {
      (await sitePart(site, 'keuze-cookie-banner', 'choose')).click();
      const dialog = await sitePart<HTMLDialogElement>(site, 'keuze-cookie-preferences', 'base');
      await waitUntil(() => dialog.open);
      for (const details of dialog.querySelectorAll('details')) details.open = true;
    },
  },
  {
    name: 'statement loaded',
    choose: true,
    options: { heading: false, main: `<keuze-privacy-statement><template lang="nl">${STATEMENT}</template><template lang="en">${STATEMENT_EN}</template></keuze-privacy-statement>` },
    ready: (site) => sitePart(site, 'keuze-privacy-statement', 'content'),
  },
  {
    name: 'statement failed',
    choose: true,
    options: { heading: false, main: '<keuze-privacy-statement src="/__missing/privacy.md"></keuze-privacy-statement>' },
    ready: (site) => sitePart(site, 'keuze-privacy-statement', 'error'),
  },
  { name: 'declaration', choose: true, options: { main: '<keuze-cookie-declaration></keuze-cookie-declaration>' }, ready: (site) => sitePart(site, 'keuze-cookie-declaration', 'base') },
  {
    name: 'newsletter preferences',
    choose: true,
    options: { main: `<div id="newsletter"></div>${NEWSLETTER_HOST}` },
    ready: (site) => sitePart(site, 'keuze-newsletter-preferences', 'unsubscribe'),
  },
];

describe('a whole site page', () => {
  afterEach(closeSites);
  after(() => emulateMedia({ colorScheme: 'light' }));

  for (const state of states) {
    for (const lang of ['nl', 'en']) {
      for (const colorScheme of ['light', 'dark'] as const) {
        it(`axe finds nothing: ${state.name}, ${lang}, ${colorScheme}`, async () => {
          await emulateMedia({ colorScheme });
          const { config = {}, ...rest } = state.options ?? {};
          const site = await openSite({ ...rest, lang, config: { ...elementsConfig, lang, reopenButton: !!state.choose, ...config } });
          if (state.choose) await site.keuze.rejectAll();
          await state.ready(site);
          expect(await axeViolations(site)).to.deep.equal([]);
        });
      }
    }
  }
});
