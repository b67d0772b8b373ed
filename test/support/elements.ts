import { init, type Keuze, type KeuzeConfig } from '@keuze/core';
import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ui } from '../../packages/elements/src/ui.js';

/** The config the element suites run with: the npm path, `init(config, { ui })`, in the test page. */
export const elementsConfig: KeuzeConfig = {
  lang: 'nl',
  privacyUrl: '/privacy',
  categories: {
    necessary: { cookies: [{ name: 'session', thirdParty: false, lifetime: { nl: 'sessie', en: 'session' }, purpose: { nl: 'Houdt je ingelogd.', en: 'Keeps you signed in.' } }] },
    analytics: {
      services: {
        matomo: {
          label: 'Matomo',
          description: { nl: 'Bezoekersstatistieken, op onze eigen server.', en: 'Visitor statistics, on our own server.' },
          cookies: [{ name: '_pk_id.*', provider: 'Boekvlot', lifetime: { nl: '13 maanden', en: '13 months' } }],
        },
        hotjar: { label: 'Hotjar', provider: 'Hotjar Ltd.', cookies: ['_hj*'] },
      },
    },
    marketing: { cookies: [{ name: '_ads', thirdParty: true }] },
  },
  newsletter: {
    timeout: 400,
    frequency: { nl: 'hooguit één keer per maand', en: 'at most once a month' },
    preferencesUrl: '/newsletter',
    topics: [
      { id: 'newsletter', label: { nl: 'Nieuwsbrief', en: 'Newsletter' } },
      { id: 'research', label: { nl: 'Uitnodigingen voor onderzoek', en: 'Research invitations' } },
      { id: 'service', label: { nl: 'Serviceberichten', en: 'Service messages' }, required: true },
    ],
  },
};

/** The page's Keuze, started once per test file, with no choice stored. */
export async function freshKeuze(): Promise<Keuze> {
  const keuze = window.Keuze ?? init(elementsConfig, { ui });
  if (keuze.getConsent()) await keuze.reset();
  await keuze.setLanguage('nl');
  // The first load compiles the UI chunk on the test server, which may be busy with other engines.
  await waitUntil(() => document.querySelector('keuze-cookie-banner'), 'the banner was not added', { timeout: 5000 });
  return keuze;
}

/** The shadow DOM part of a Keuze element, once rendered. */
export async function part<T extends Element = HTMLElement>(host: Element | null, name: string): Promise<T> {
  await waitUntil(() => host?.shadowRoot?.querySelector(`[part~="${name}"]`), `no part "${name}" in <${host?.localName}>`);
  return host!.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
}

export { deepActiveElement } from './harness.js';

export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** Emulates Windows high contrast (`forced-colors: active`) or not, with a colour scheme and motion preference (Chromium). */
export async function emulateForcedColors(media: { forcedColors: 'active' | 'none'; colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' }): Promise<void> {
  await executeServerCommand('emulate-forced-colors', media);
}

/**
 * What the visitor sees of an element: its pixels, RGBA, from a screenshot of the page (Chromium:
 * test/support/rendering-commands.mjs). The element must be in the test page itself, in view.
 */
export async function pixelsOf(element: Element): Promise<Uint8ClampedArray> {
  const { x, y, width, height } = element.getBoundingClientRect();
  const png = await executeServerCommand<string, { x: number; y: number; width: number; height: number }>('screenshot-region', { x, y, width, height });
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
}

/** The share (0–1) of pixels that differ between two images of the same size. */
export function pixelDifference(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let differ = 0;
  for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 48) differ++;
  return differ / (a.length / 4);
}
