import { expect } from '@open-wc/testing';
import { createGate, type IsAllowed } from './gating.js';
import type { Notice } from './notices.js';

/** What the gated scripts of one test ran, in order (each pushes its name). */
declare global {
  interface Window {
    gateRan: string[];
  }
}

/** Gated markup in this page, as a site writes it; returns the elements, in document order. */
const boxes: Element[] = [];
function markup(html: string): Element[] {
  const box = document.createElement('div');
  box.innerHTML = html;
  document.body.append(box);
  boxes.push(box);
  return [...box.querySelectorAll('[data-category]')];
}

/** A gated script that records its name when it runs; `src` makes it external (a data: URL). */
const script = (name: string, category: string, attributes = '', external = false): string => {
  const code = `window.gateRan.push(${JSON.stringify(name)})`;
  return external
    ? `<script type="text/plain" data-category="${category}" data-src="data:text/javascript,${encodeURIComponent(code)}" ${attributes}></script>`
    : `<script type="text/plain" data-category="${category}" ${attributes}>${code}</script>`;
};

const grants =
  (...granted: string[]): IsAllowed =>
  (category, service) =>
    granted.includes(category) || (service !== undefined && granted.includes(`${category}:${service}`));

describe('the gate', () => {
  let notices: Notice[];
  const notify = (notice: Notice): void => void notices.push(notice);
  beforeEach(() => {
    window.gateRan = [];
    notices = [];
  });
  afterEach(() => boxes.splice(0).forEach((box) => box.remove()));

  it('runs the granted scripts in document order, an external one before the inline one after it', async () => {
    const elements = markup(script('a', 'analytics', '', true) + script('b', 'analytics') + script('c', 'analytics', '', true) + script('d', 'analytics'));
    await createGate(grants('analytics'), notify)(elements);
    expect(window.gateRan).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('runs only what is granted: the category, or the one service named', async () => {
    const elements = markup(script('stats', 'analytics') + script('ads', 'marketing') + script('maps', 'functional', 'data-service="maps"') + script('chat', 'functional', 'data-service="chat"'));
    await createGate(grants('analytics', 'functional:maps'), notify)(elements);
    expect(window.gateRan).to.deep.equal(['stats', 'maps']);
    // What did not run is still inert, as written.
    expect(elements.filter((element) => element.isConnected && element.getAttribute('type') === 'text/plain')).to.have.length(2);
  });

  it('runs each element once, and keeps order across calls', async () => {
    const elements = markup(script('slow', 'analytics', '', true) + script('after', 'analytics'));
    const gate = createGate(grants('analytics'), notify);
    const first = gate(elements.slice(0, 1));
    const second = gate(elements);
    await Promise.all([first, second]);
    await gate(elements);
    expect(window.gateRan).to.deep.equal(['slow', 'after']);
  });

  it('skips a nomodule fallback and a script the page removed before its turn', async () => {
    const elements = markup(script('fallback', 'analytics', 'nomodule') + script('removed', 'analytics') + script('kept', 'analytics'));
    const ready = Promise.resolve().then(() => elements[1]!.remove());
    await createGate(grants('analytics'), notify, ready)(elements);
    expect(window.gateRan).to.deep.equal(['kept']);
  });

  it('runs nothing before it is ready', async () => {
    const elements = markup(script('early', 'analytics'));
    let open!: () => void;
    const gate = createGate(grants('analytics'), notify, new Promise<void>((resolve) => (open = resolve)));
    const done = gate(elements);
    await Promise.resolve();
    expect(window.gateRan).to.deep.equal([]);
    open();
    await done;
    expect(window.gateRan).to.deep.equal(['early']);
  });

  it('does not let a script that fails to load stall the ones after it', async () => {
    const elements = markup('<script type="text/plain" data-category="analytics" data-src="/__answer?status=404&amp;type=text/javascript"></script>' + script('after', 'analytics'));
    await createGate(grants('analytics'), notify)(elements);
    expect(window.gateRan).to.deep.equal(['after']);
  });

  it("with a nonce, runs only the page's own scripts and reports the others", async () => {
    const elements = markup(script('own', 'analytics', 'nonce="n0nce"') + script('injected', 'analytics'));
    await createGate(grants('analytics'), notify, undefined, 'n0nce')(elements);
    expect(window.gateRan).to.deep.equal(['own']);
    expect(notices.map(([kind]) => kind)).to.deep.equal(['nonce']);
  });

  it("loads a granted embed's data-src, and leaves a refused one empty", async () => {
    const [granted, refused] = markup(
      '<img data-category="analytics" data-src="/test/support/pixel.gif?a" alt=""><img data-category="marketing" data-src="/test/support/pixel.gif?b" alt="">',
    ) as HTMLImageElement[];
    await createGate(grants('analytics'), notify)([granted!, refused!]);
    expect(granted!.getAttribute('src')).to.equal('/test/support/pixel.gif?a');
    expect(granted!.hasAttribute('data-src')).to.equal(false);
    expect(refused!.hasAttribute('src')).to.equal(false);
  });
});
