import type { PrivacyRequestConfig, PrivacyRequestEvent, PrivacyRequestKind } from '@keuze/core';
import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { deepActiveElement, freshKeuze } from '../../../../test/support/elements.js';
import { emulateMedia, itWithMedia, itWithViewport, sendKeys, setViewport } from '../../../../test/support/engines.js';
import './define.js';
import { KeuzeRequestEvent } from '../internal/keuze-provider.js';
import { imageSize } from './id-copy.js';
import { PrivacyRequestHarness } from './privacy-request.harness.js';
import { answerDeadline, type PrivacyRequest } from './privacy-request.js';

type Handler = (event: PrivacyRequestEvent) => unknown;

/**
 * Runs a test whose elements get the page's Keuze with another `privacyRequest` config: the config
 * is core's and frozen, so a provider of the test's own answers the elements' requests first.
 */
async function withRequestConfig(privacyRequest: PrivacyRequestConfig | undefined, test: () => Promise<void>): Promise<void> {
  const keuze = window.Keuze!;
  const config = { ...(await keuze.validConfig()), privacyRequest };
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

async function requestForm(handler?: Handler | null): Promise<{ element: PrivacyRequest; root: ShadowRoot; calls: PrivacyRequestEvent[] }> {
  const { harness, calls } = await PrivacyRequestHarness.create(handler);
  return { element: harness.element, root: harness.root, calls };
}

/** The visitor's view of the request form that `root` (or `element`) belongs to. */
const form = (of: ShadowRoot | PrivacyRequest): PrivacyRequestHarness => new PrivacyRequestHarness((of instanceof ShadowRoot ? of.host : of) as PrivacyRequest);

// The image a visitor picks: 800 × 500, one colour, with a text chunk that only the original holds.
const WIDTH = 800;
const HEIGHT = 500;
const ORIGINAL_MARK = `KEUZE-ORIGINAL-${Math.random().toString(36).slice(2)}`;
const RED = [200, 40, 40];

function crc32(bytes: Uint8Array): number {
  let crc = -1;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ -1) >>> 0;
}

/** A PNG with a `tEXt` chunk holding ORIGINAL_MARK after its header: bytes a re-encoded copy cannot have. */
async function originalImage(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const context = canvas.getContext('2d')!;
  context.fillStyle = `rgb(${RED.join(' ')})`;
  context.fillRect(0, 0, WIDTH, HEIGHT);
  const png = new Uint8Array(await (await new Promise<Blob>((resolve) => canvas.toBlob((blob) => resolve(blob!), 'image/png'))).arrayBuffer());
  const data = new TextEncoder().encode(`Comment\0${ORIGINAL_MARK}`);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(new TextEncoder().encode('tEXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const headerEnd = 8 + 25; // signature, then IHDR (4 length + 4 type + 13 data + 4 crc)
  return new File([png.subarray(0, headerEnd), chunk, png.subarray(headerEnd)], 'paspoort.png', { type: 'image/png' });
}

const contains = (haystack: string, needle: string): boolean => haystack.includes(needle);
const blobText = async (blob: Blob): Promise<string> => new TextDecoder('latin1').decode(await blob.arrayBuffer());

/** The pixels of an image file, decoded. */
async function pixelsOf(blob: Blob): Promise<{ width: number; height: number; at: (x: number, y: number) => number[] }> {
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return { width: bitmap.width, height: bitmap.height, at: (x, y) => [...data.subarray((y * bitmap.width + x) * 4, (y * bitmap.width + x) * 4 + 3)] };
}

/** Presses a key `times` times. */
async function press(key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
}

describe('<keuze-privacy-request>', () => {
  beforeEach(async () => {
    await freshKeuze();
    await emulateMedia({ colorScheme: 'light' });
  });
  after(() => window.Keuze?.reset());

  const kinds: [PrivacyRequestKind, string][] = [
    ['access', 'Inzage'],
    ['rectification', 'Correctie'],
    ['erasure', 'Verwijdering'],
    ['objection', 'Bezwaar'],
    ['portability', 'Overdracht'],
    ['withdraw-consent', 'Toestemming intrekken'],
  ];

  it('offers the six kinds, none chosen, in plain words; no cookie box without a stored choice, no ID copy by default', async () => {
    const { root } = await requestForm();
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[name="kind"]')];
    expect(radios.map((radio) => radio.value)).to.deep.equal(kinds.map(([kind]) => kind));
    expect(radios.some((radio) => radio.checked)).to.equal(false);
    expect(radios.map((radio) => root.querySelector(`label[for="${radio.id}"]`)!.textContent.split(':')[0])).to.deep.equal(kinds.map(([, word]) => word));
    expect(root.querySelector('#attach-consent')).to.equal(null);
    expect(root.querySelector('#id-copy')).to.equal(null);
  });

  for (const [kind, word] of kinds) {
    it(`sends a request for ${kind} (${word}); the host’s reference and the answer date (one month) are shown`, async () => {
      const { element, root, calls } = await requestForm(() => Promise.resolve({ reference: 'BV-2026-0042' }));
      const needsMessage = kind == 'rectification' || kind == 'objection';
      await form(element).fill({ kind });
      form(root).submit();
      if (needsMessage) {
        // What is wrong, or what is objected to: the request means nothing without it.
        await waitUntil(() => form(root).errorOf('message'));
        expect(root.querySelector('#message')!.getAttribute('aria-invalid')).to.equal('true');
        expect(root.activeElement?.id).to.equal('message');
        expect(calls).to.deep.equal([]);
        form(root).type('#message', 'Mijn adres is Dorpsstraat 1, niet 11.');
        await waitUntil(() => !form(root).errorOf('message'), 'the error stayed after it was fixed');
        form(root).submit();
      }
      await waitUntil(() => form(root).message().includes('BV-2026-0042'), 'no reference shown');
      const [event] = calls;
      expect(calls).to.have.length(1);
      expect(event).to.deep.include({ type: 'privacy-request', kind, name: 'Anna de Vries', email: 'anna@example.com', language: 'nl' });
      expect(event).not.to.have.property('consent');
      expect(event).not.to.have.property('idCopy');
      const due = new Intl.DateTimeFormat('nl', { dateStyle: 'long' }).format(answerDeadline(new Date(event!.timestamp)));
      expect(form(root).message()).to.equal(`Je verzoek is verstuurd. Je referentie is BV-2026-0042. We antwoorden uiterlijk op ${due}: binnen een maand, zoals de AVG vraagt (artikel 12, lid 3).`);
      expect(root.activeElement?.getAttribute('part')).to.equal('message');
    });
  }

  it('one month on is the same day next month, or that month’s last day', () => {
    expect(answerDeadline(new Date(2026, 0, 31)).toDateString()).to.equal(new Date(2026, 1, 28).toDateString());
    expect(answerDeadline(new Date(2026, 10, 29)).toDateString()).to.equal(new Date(2026, 11, 29).toDateString());
    expect(answerDeadline(new Date(2026, 11, 31)).toDateString()).to.equal(new Date(2027, 0, 31).toDateString());
  });

  it('privacyRequest.kinds: only the kinds a site offers, in its order; a single kind comes chosen; an empty list offers all', async () => {
    await withRequestConfig({ kinds: ['erasure', 'access'] }, async () => {
      const { root } = await requestForm();
      expect([...root.querySelectorAll<HTMLInputElement>('input[name="kind"]')].map((radio) => radio.value)).to.deep.equal(['erasure', 'access']);
    });
    await withRequestConfig({ kinds: ['erasure'] }, async () => {
      const { root } = await requestForm();
      expect(root.querySelector<HTMLInputElement>('#kind-erasure')!.checked).to.equal(true);
    });
    await withRequestConfig({ kinds: [] }, async () => {
      const { root } = await requestForm();
      expect(root.querySelectorAll('input[name="kind"]')).to.have.length(6);
    });
  });

  it('validation: a clear message per field, aria-invalid, focus on the first; each error goes once fixed', async () => {
    const { element, root, calls } = await requestForm();
    form(root).submit();
    await waitUntil(() => form(root).errorOf('kind'));
    expect([form(root).errorOf('kind'), form(root).errorOf('name'), form(root).errorOf('email')]).to.deep.equal(['Kies wat je wilt vragen.', 'Vul je naam in.', 'Vul je e-mailadres in.']);
    expect([...root.querySelectorAll('input[name="kind"], #name, #email')].every((field) => field.getAttribute('aria-invalid') == 'true')).to.equal(true);
    // A wrong field shows it, not only says it: each text field gets the error border.
    for (const id of ['name', 'email']) expect(getComputedStyle(root.getElementById(id)!).borderTopWidth, id).to.equal('2px');
    expect(root.activeElement?.id).to.equal('kind-access');
    await form(element).fill({ email: 'anna@example' });
    expect(form(root).errorOf('kind')).to.equal('');
    expect(form(root).errorOf('name')).to.equal('');
    expect(form(root).errorOf('email')).to.equal('Vul je e-mailadres in.');
    form(root).submit();
    await waitUntil(() => form(root).errorOf('email') == 'Het deel na de @ heeft een punt nodig, zoals in voorbeeld.nl.');
    expect(root.activeElement?.id).to.equal('email');
    form(root).type('#email', 'anna@example.nl');
    await waitUntil(() => !form(root).errorOf('email'));
    expect(calls).to.deep.equal([]);
  });

  it('attaches the stored cookie choice only when the visitor ticks the box', async () => {
    await window.Keuze!.acceptAll();
    const { element, root, calls } = await requestForm(() => ({ reference: 'R1' }));
    const box = root.querySelector<HTMLInputElement>('#attach-consent')!;
    const record = window.Keuze!.getConsent()!;
    expect(box.checked).to.equal(false);
    expect(root.querySelector('label[for="attach-consent"]')!.textContent).to.equal('Voeg mijn cookiekeuze toe');
    expect(root.getElementById('attach-consent-hint')!.textContent).to.include(record.consentId);
    await form(element).fill();
    box.click();
    form(root).submit();
    await waitUntil(() => calls.length == 1);
    expect(calls[0]!.consent).to.deep.equal(record);
    // Not ticked: nothing of it is sent.
    const again = await requestForm(() => ({ reference: 'R2' }));
    await form(again.element).fill();
    form(again.root).submit();
    await waitUntil(() => again.calls.length == 1);
    expect(again.calls[0]).not.to.have.property('consent');
  });

  for (const [name, handler, expected] of [
    ['a rejection', () => Promise.reject(new Error('mail server down')), 'Dat is niet gelukt.'],
    ['an answer without a reference', () => ({ ok: true }), 'Dat is niet gelukt.'],
    ['a timeout', () => new Promise(() => {}), 'Dit duurt te lang.'],
    [
      'a callback that throws',
      () => {
        throw new Error('bug');
      },
      'Dat is niet gelukt.',
    ],
  ] as [string, Handler, string][]) {
    it(`${name}: a clear error with retry, and everything kept as entered, the ID copy and its boxes included`, async () => {
      await withRequestConfig({ timeout: 400, idCopy: 'optional' }, async () => {
        let fail = true;
        const { element, root, calls } = await requestForm((event) => (fail ? handler(event) : { reference: 'R-OK' }));
        await form(element).fill({ kind: 'objection', message: 'Geen reclame meer.' });
        form(root).pick(await originalImage());
        await waitUntil(() => root.querySelector('canvas'));
        root.querySelector<HTMLButtonElement>('#add-box')!.click();
        await waitUntil(() => root.querySelector('.mask'));
        form(root).submit();
        await waitUntil(() => form(root).message().includes(expected), `no "${expected}"`, { timeout: 3000 });
        expect(root.querySelector<HTMLInputElement>('#kind-objection')!.checked).to.equal(true);
        expect(root.querySelector<HTMLInputElement>('#name')!.value).to.equal('Anna de Vries');
        expect(root.querySelector<HTMLInputElement>('#email')!.value).to.equal('anna@example.com');
        expect(root.querySelector<HTMLTextAreaElement>('#message')!.value).to.equal('Geen reclame meer.');
        expect(root.querySelectorAll('.mask')).to.have.length(1);
        expect(root.querySelector('button[type="submit"]')!.textContent.trim()).to.equal('Opnieuw proberen');
        fail = false;
        form(root).submit();
        await waitUntil(() => form(root).message().includes('R-OK'));
        expect(calls).to.have.length(2);
        expect(calls[1]!.idCopy).to.be.instanceOf(Blob);
      });
    });
  }

  it('offline: says so before trying, sends and announces nothing, keeps the input', async () => {
    const { element, root, calls } = await requestForm(() => ({ reference: 'R' }));
    const dispatched: Event[] = [];
    element.addEventListener('keuze-privacy-request', (event) => dispatched.push(event));
    await form(element).fill({ kind: 'erasure' });
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      form(root).submit();
      await waitUntil(() => form(root).message().includes('offline'));
      expect(calls).to.deep.equal([]);
      expect(dispatched).to.deep.equal([]);
      expect(root.querySelector<HTMLInputElement>('#name')!.value).to.equal('Anna de Vries');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('cannot send twice while a request runs', async () => {
    let answer: (value: unknown) => void = () => {};
    const { element, root, calls } = await requestForm(() => new Promise((resolve) => (answer = resolve)));
    await form(element).fill();
    form(root).submit();
    await waitUntil(() => root.querySelector('button[type="submit"]')!.getAttribute('aria-disabled') == 'true');
    form(root).submit();
    root.querySelector('form')!.requestSubmit();
    answer({ reference: 'ONE' });
    await waitUntil(() => form(root).message().includes('ONE'));
    expect(calls).to.have.length(1);
  });

  it('privacyRequest.endpoint: a multipart POST with the agreed field names; the reference comes from the answer', async () => {
    const id = `endpoint-${Date.now()}`;
    await window.Keuze!.acceptAll();
    await withRequestConfig({ endpoint: `/__privacy-request/${id}`, idCopy: 'optional', controller: 'Boekvlot B.V.' }, async () => {
      const { element, root } = await requestForm(null);
      await form(element).fill({ kind: 'rectification', message: 'Mijn naam is met één a.' });
      root.querySelector<HTMLInputElement>('#attach-consent')!.click();
      form(root).pick(await originalImage());
      await waitUntil(() => root.querySelector('#add-box'));
      root.querySelector<HTMLButtonElement>('#add-box')!.click();
      form(root).submit();
      await waitUntil(() => form(root).message().includes(`REQ-${id}-1`), 'no reference from the endpoint');
      const { received } = await (await fetch(`/__privacy-request/${id}`)).json();
      const [{ contentType, fields }] = received;
      expect(contentType).to.match(/^multipart\/form-data; boundary=/);
      expect(Object.keys(fields)).to.deep.equal(['kind', 'name', 'email', 'message', 'consent', 'idCopy', 'language', 'timestamp']);
      expect(fields).to.deep.include({ kind: 'rectification', name: 'Anna de Vries', email: 'anna@example.com', message: 'Mijn naam is met één a.', language: 'nl' });
      expect(JSON.parse(fields.consent)).to.deep.equal(window.Keuze!.getConsent());
      expect(fields.idCopy).to.include({ fileName: 'id-copy.png', type: 'image/png' });
      expect(Date.now() - Date.parse(fields.timestamp)).to.be.below(10_000);
    });
  });

  it('privacyRequest.endpoint answering 500, then hanging: an error each time with everything kept, and one request that arrives on retry', async () => {
    const id = `flaky-${Date.now()}`;
    // The test's own config object, which it changes between the attempts.
    const config: PrivacyRequestConfig = { endpoint: `/__privacy-request/${id}?fail=1`, timeout: 600 };
    await withRequestConfig(config, async () => {
      const { element, root } = await requestForm(null);
      await form(element).fill({ kind: 'portability' });
      form(root).submit();
      await waitUntil(() => form(root).message().includes('Dat is niet gelukt.'), 'no error on a 500', { timeout: 3000 });
      config.endpoint = `/__privacy-request/${id}-slow?hang=1`;
      form(root).submit();
      await waitUntil(() => form(root).message().includes('Dit duurt te lang.'), 'no timeout', { timeout: 3000 });
      expect(root.querySelector<HTMLInputElement>('#kind-portability')!.checked).to.equal(true);
      expect(root.querySelector<HTMLInputElement>('#email')!.value).to.equal('anna@example.com');
      config.endpoint = `/__privacy-request/${id}`;
      form(root).submit();
      await waitUntil(() => form(root).message().includes(`REQ-${id}-1`), 'not sent on retry', { timeout: 3000 });
      const log = await (await fetch(`/__privacy-request/${id}`)).json();
      expect([log.attempts, log.received.length]).to.deep.equal([2, 1]);
    });
  });

  it('an ID copy masked by keyboard alone: black under each box, the watermark line across, and the original’s bytes in no request, event or storage', async () => {
    const id = `masked-${Date.now()}`;
    await withRequestConfig({ idCopy: 'required', controller: 'Boekvlot B.V.', endpoint: `/__privacy-request/${id}` }, async () => {
      const { element, root } = await requestForm(null);
      const events: PrivacyRequestEvent[] = [];
      element.addEventListener('keuze-privacy-request', (event) => events.push(event.detail));
      await form(element).fill({ kind: 'access' });
      // Required: no image, no request.
      form(root).submit();
      await waitUntil(() => form(root).errorOf('id-copy') == 'Voeg een kopie van je identiteitsbewijs toe: daarmee weten we dat het verzoek van jou komt.');
      expect(root.activeElement?.id).to.equal('id-copy');
      const original = await originalImage();
      form(root).pick(original);
      await waitUntil(() => root.querySelector('#add-box'));
      // An image without a box is not sent either.
      form(root).submit();
      await waitUntil(() => form(root).errorOf('id-copy') == 'Maak minstens je BSN en je pasfoto zwart met een zwart vlak.');
      expect(root.activeElement?.id).to.equal('add-box');

      // From here on, keys only: add a box, move it and size it; add a second one and move it.
      await press('Enter');
      await waitUntil(() => deepActiveElement()?.classList.contains('mask'), 'the new box has no focus');
      expect(form(root).errorOf('id-copy')).to.equal('');
      await press('ArrowRight', 3);
      await sendKeys({ down: 'Shift' });
      await press('ArrowRight', 2);
      await press('ArrowDown');
      await sendKeys({ up: 'Shift' });
      expect(root.querySelector('[role="status"]')!.textContent).to.equal('Vlak 1: 14 % van links, 8 % van boven, 34 % breed, 16 % hoog.');
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      expect(deepActiveElement()?.localName).to.equal('input');
      for (let i = 0; i < 6 && deepActiveElement()?.id != 'add-box'; i++) await press('Tab');
      expect(deepActiveElement()?.id).to.equal('add-box');
      await press('Enter');
      await waitUntil(() => root.querySelectorAll('.mask').length == 2 && deepActiveElement() == root.querySelectorAll('.mask')[1]);
      await press('ArrowRight', 20);
      const boxes = form(root).placedBoxes();
      expect(boxes.map((box) => Object.values(box).map((value) => Math.round(value * 100)))).to.deep.equal([
        [14, 8, 34, 16],
        [54, 14, 30, 14],
      ]);
      for (let i = 0; i < 12 && deepActiveElement()?.getAttribute('type') != 'submit'; i++) await press('Tab');
      expect(deepActiveElement()?.textContent?.trim()).to.equal('Verzoek versturen');
      await press('Enter');
      await waitUntil(() => form(root).message().includes(`REQ-${id}-1`), 'not sent', { timeout: 5000 });

      // The copy: the original's type and size, black under each box, the line across the middle.
      const [event] = events;
      const copy = event!.idCopy!;
      expect(copy.type).to.equal('image/png');
      const image = await pixelsOf(copy);
      expect([image.width, image.height]).to.deep.equal([WIDTH, HEIGHT]);
      for (const box of boxes) {
        for (let y = Math.ceil(box.y * HEIGHT) + 1; y < (box.y + box.height) * HEIGHT - 1; y += 3) {
          for (let x = Math.ceil(box.x * WIDTH) + 1; x < (box.x + box.width) * WIDTH - 1; x += 3) {
            expect(image.at(x, y), `pixel ${x},${y}`).to.deep.equal([0, 0, 0]);
          }
        }
      }
      expect(image.at(5, HEIGHT - 5)).to.deep.equal(RED);
      const middle = Math.round(HEIGHT / 2);
      const row = Array.from({ length: WIDTH }, (_, x) => image.at(x, middle));
      // A light band over the red (the original's green is 40)…
      expect(row.filter(([, green]) => green! > 120).length).to.be.above(WIDTH / 2);
      // …with dark text on it, which the original does not have anywhere.
      const band = Array.from({ length: 30 }, (_, dy) => Array.from({ length: WIDTH }, (_, x) => image.at(x, middle - 15 + dy))).flat();
      expect(band.filter(([red]) => red! < 90).length).to.be.above(100);

      // The original's own bytes are nowhere: not in the event, the request, or any storage.
      expect(await blobText(original)).to.include(ORIGINAL_MARK);
      expect(await blobText(copy)).not.to.include(ORIGINAL_MARK);
      expect(copy.size).not.to.equal(original.size);
      const { received } = await (await fetch(`/__privacy-request/${id}`)).json();
      expect(received).to.have.length(1);
      expect(contains(atob(received[0].raw), ORIGINAL_MARK)).to.equal(false);
      expect(contains(atob(received[0].fields.idCopy.base64), ORIGINAL_MARK)).to.equal(false);
      expect(JSON.stringify(event, (_, value) => (value instanceof Blob ? `blob:${value.size}` : value))).not.to.include(ORIGINAL_MARK);
      const stored = [document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })].join(' ');
      expect(stored).not.to.include(ORIGINAL_MARK);
      expect(stored).not.to.include('Anna');
      expect(await caches.keys()).to.deep.equal([]);
      expect(await indexedDB.databases()).to.deep.equal([]);
      // Sent: the form is gone, and with it the picked file.
      expect(root.querySelector('#id-copy')).to.equal(null);
    });
  });

  it('reads the size of a JPEG and a PNG from the header; a large photo is kept and sent at 2000 px on its longest side', async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 3000;
    canvas.height = 1500;
    canvas.getContext('2d')!.fillRect(0, 0, 10, 10);
    const jpeg = await new Promise<Blob>((resolve) => canvas.toBlob((blob) => resolve(blob!), 'image/jpeg'));
    expect(imageSize(new Uint8Array(await jpeg.arrayBuffer()))).to.deep.equal({ width: 3000, height: 1500 });
    expect(imageSize(new Uint8Array(await (await originalImage()).arrayBuffer()))).to.deep.equal({ width: WIDTH, height: HEIGHT });
    expect(imageSize(new Uint8Array([1, 2, 3, 4]))).to.equal(undefined);
    await withRequestConfig({ idCopy: 'optional' }, async () => {
      const { element, root, calls } = await requestForm(() => ({ reference: 'R' }));
      await form(element).fill();
      form(root).pick(new File([jpeg], 'foto.jpg', { type: 'image/jpeg' }));
      await waitUntil(() => root.querySelector('#add-box'));
      root.querySelector<HTMLButtonElement>('#add-box')!.click();
      form(root).submit();
      await waitUntil(() => calls.length == 1, 'not sent', { timeout: 3000 });
      const copy = calls[0]!.idCopy!;
      expect(copy.type).to.equal('image/jpeg');
      const bitmap = await createImageBitmap(copy);
      expect([bitmap.width, bitmap.height]).to.deep.equal([2000, 1000]);
    });
  });

  it('masking with a pointer: dragging on the image draws a box, dragging a box moves it', async () => {
    await withRequestConfig({ idCopy: 'optional' }, async () => {
      const { root } = await requestForm();
      form(root).pick(await originalImage());
      const stage = await waitUntil(() => root.querySelector<HTMLElement>('.stage'), 'no image').then(() => root.querySelector<HTMLElement>('.stage')!);
      // To the top: the consent banner is up, and the page's scroll-padding-bottom keeps what is
      // scrolled into view clear of it, which would centre this tall image partly above the window.
      stage.scrollIntoView({ block: 'start' });
      const area = stage.getBoundingClientRect();
      const at = (x: number, y: number): [number, number] => [Math.round(area.left + x * area.width), Math.round(area.top + y * area.height)];
      await sendMouse({ type: 'move', position: at(0.1, 0.1) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: at(0.3, 0.25) });
      await sendMouse({ type: 'up' });
      await waitUntil(() => root.querySelectorAll('.mask').length == 1);
      const [drawn] = form(root).placedBoxes();
      expect(Math.abs(drawn!.x - 0.1)).to.be.below(0.02);
      expect(Math.abs(drawn!.width - 0.2)).to.be.below(0.02);
      expect(deepActiveElement()?.classList.contains('mask')).to.equal(true);
      await sendMouse({ type: 'move', position: at(0.2, 0.17) });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: at(0.5, 0.17) });
      await sendMouse({ type: 'up' });
      const [moved] = form(root).placedBoxes();
      expect(Math.abs(moved!.x - 0.4)).to.be.below(0.02);
      expect(Math.abs(moved!.width - drawn!.width)).to.be.below(0.001);
      // A click without a drag adds nothing; Delete removes the focused box.
      await sendMouse({ type: 'click', position: at(0.8, 0.8) });
      expect(root.querySelectorAll('.mask')).to.have.length(1);
      root.querySelector<HTMLElement>('.mask')!.focus();
      await press('Delete');
      await waitUntil(() => !root.querySelector('.mask'));
      expect(deepActiveElement()?.id).to.equal('add-box');
    });
  });

  it('refuses a file that is not a JPEG or PNG image, one that cannot be read, or one too large, each with its message; an optional copy then is not needed to send', async () => {
    await withRequestConfig({ idCopy: 'optional' }, async () => {
      const { element, root, calls } = await requestForm(() => ({ reference: 'R' }));
      form(root).pick(new File(['%PDF-1.7'], 'paspoort.pdf', { type: 'application/pdf' }));
      await waitUntil(() => form(root).errorOf('id-copy') == 'Kies een JPEG- of PNG-afbeelding.');
      expect(root.querySelector('#id-copy')!.getAttribute('aria-invalid')).to.equal('true');
      form(root).pick(new File(['not a png'], 'kapot.png', { type: 'image/png' }));
      await waitUntil(() => form(root).errorOf('id-copy') == 'Deze afbeelding kan niet worden gelezen. Kies een andere.');
      expect(root.querySelector('.stage')).to.equal(null);
      // A PNG that claims 20000 × 20000 pixels is refused from its header, before any decoding.
      const header = new Uint8Array(33);
      header.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
      new DataView(header.buffer).setUint32(16, 20000);
      new DataView(header.buffer).setUint32(20, 20000);
      form(root).pick(new File([header], 'groot.png', { type: 'image/png' }));
      await waitUntil(() => form(root).errorOf('id-copy') == 'Deze afbeelding is te groot (meer dan 15 MB of 50 megapixel). Kies een kleinere.');
      await form(element).fill();
      form(root).submit();
      await waitUntil(() => calls.length == 1, 'a refused optional file blocked the request');
      expect(calls[0]).not.to.have.property('idCopy');
    });
  });

  itWithViewport(320)('fits 320 px: nothing scrolls sideways, the image scales with the boxes on it', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      await withRequestConfig({ idCopy: 'optional' }, async () => {
        const { element, root } = await requestForm();
        form(root).pick(await originalImage());
        await waitUntil(() => root.querySelector('#add-box'));
        root.querySelector<HTMLButtonElement>('#add-box')!.click();
        await waitUntil(() => root.querySelector('.mask'));
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        expect(element.getBoundingClientRect().right).to.be.at.most(320);
        const stage = root.querySelector('.stage')!.getBoundingClientRect();
        const mask = root.querySelector('.mask')!.getBoundingClientRect();
        expect(mask.right).to.be.at.most(stage.right);
        expect(Math.abs(mask.width - 0.3 * stage.width)).to.be.below(2);
      });
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  for (const [lang, colorScheme] of [
    ['nl', 'light'],
    ['en', 'dark'],
  ] as const) {
    itWithMedia({ colorScheme })(`has no axe violations, with the ID copy, a box and errors shown: ${lang}, ${colorScheme}`, async () => {
      await emulateMedia({ colorScheme });
      await window.Keuze!.setLanguage(lang);
      await window.Keuze!.acceptAll();
      try {
        await withRequestConfig({ idCopy: 'required' }, async () => {
          const { element, root } = await requestForm();
          await expect(element).to.be.accessible();
          form(root).submit();
          await waitUntil(() => form(root).errorOf('kind'));
          await expect(element).to.be.accessible();
          form(root).pick(await originalImage());
          await waitUntil(() => root.querySelector('#add-box'));
          root.querySelector<HTMLButtonElement>('#add-box')!.click();
          await waitUntil(() => root.querySelector('.mask'));
          await expect(element).to.be.accessible();
          if (lang == 'en') expect(form(root).errorOf('kind')).to.equal('Choose what you would like to ask.');
        });
      } finally {
        await window.Keuze!.setLanguage('nl');
      }
    });
  }
});
