import { expect, waitUntil } from '@open-wc/testing';
import type { AnyListener } from './consent-state.js';
import { EventHub } from './events.js';
import type { KeuzeEvent, KeuzeEventType, UndeclaredStorageEvent } from './types.js';

const event = (): UndeclaredStorageEvent => ({ type: 'undeclared-storage', names: ['_ga'], beforeConsent: true });

/** What Keuze writes to the console while `run` runs (the console is the browser's, not ours). */
async function consoleDuring(run: () => unknown, until: (lines: string[]) => boolean = () => true): Promise<string[]> {
  const lines: string[] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => lines.push(`error ${args.map(String).join(' ')}`);
  console.warn = (...args: unknown[]) => lines.push(`warn ${args.map(String).join(' ')}`);
  try {
    await run();
    await waitUntil(() => until(lines), `console so far: ${lines.join(' / ')}`);
  } finally {
    Object.assign(console, { error, warn });
  }
  return lines;
}

const hub = (listeners: AnyListener[], host?: AnyListener, timeout = 1000): EventHub =>
  new EventHub(new Map<KeuzeEventType, Set<AnyListener>>([['undeclared-storage', new Set(listeners)]]), host, timeout);

describe('the event hub', () => {
  it('delivers to the host callback, then to each listener, then as a keuze-<type> DOM event', async () => {
    const heard: string[] = [];
    const onDom = (domEvent: Event) => heard.push(`dom ${(domEvent as CustomEvent<KeuzeEvent>).detail.type}`);
    document.addEventListener('keuze-undeclared-storage', onDom);
    try {
      hub([() => heard.push('first'), () => heard.push('second')], (e) => heard.push(`host ${e.type}`)).emit(event());
    } finally {
      document.removeEventListener('keuze-undeclared-storage', onDom);
    }
    expect(heard).to.deep.equal(['host undeclared-storage', 'first', 'second', 'dom undeclared-storage']);
  });

  it('gives each recipient its own copy: one that changes the event changes it for no one else', () => {
    const seen: KeuzeEvent[] = [];
    const original = event();
    const vandal: AnyListener = (e) => {
      (e as UndeclaredStorageEvent).names.push('planted');
      (e as { type: string }).type = 'consent';
    };
    hub([vandal, (e) => seen.push(e)], vandal).emit(original);
    expect(seen).to.deep.equal([event()]);
    expect(original).to.deep.equal(event());
  });

  it('reports a throwing host callback and still reaches every listener', async () => {
    const heard: string[] = [];
    const lines = await consoleDuring(() =>
      hub([() => heard.push('listener')], () => {
        throw new Error('host broke');
      }).emit(event()),
    );
    expect(heard).to.deep.equal(['listener']);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.contain('[keuze] config.onEvent threw on the "undeclared-storage" event:').and.contain('host broke');
  });

  it('reports a throwing listener and still reaches the ones after it', async () => {
    const heard: string[] = [];
    const lines = await consoleDuring(() =>
      hub([
        () => {
          throw new Error('listener broke');
        },
        () => heard.push('after'),
      ]).emit(event()),
    );
    expect(heard).to.deep.equal(['after']);
    expect(lines[0]).to.contain('a Keuze.on("undeclared-storage") listener threw');
  });

  it('reports a rejecting host callback without waiting for it', async () => {
    const heard: string[] = [];
    const lines = await consoleDuring(
      () => hub([() => heard.push('listener')], () => Promise.reject(new Error('host rejected'))).emit(event()),
      (so) => so.length > 0,
    );
    expect(heard).to.deep.equal(['listener']);
    expect(lines[0]).to.contain('config.onEvent rejected on the "undeclared-storage" event:').and.contain('host rejected');
  });

  it('reports a host callback that never settles once its time is up, and moves on at once', async () => {
    const heard: string[] = [];
    const lines = await consoleDuring(
      () => {
        hub([() => heard.push('listener')], () => new Promise(() => {}), 50).emit(event());
        // The listener was reached before the host's promise could settle.
        expect(heard).to.deep.equal(['listener']);
      },
      (so) => so.length > 0,
    );
    expect(lines).to.deep.equal(['warn [keuze] config.onEvent has not settled 50 ms after the "undeclared-storage" event; Keuze did not wait for it.']);
  });

  it('stays quiet about a host callback that settles in time', async () => {
    const lines = await consoleDuring(
      () => {
        hub([], () => new Promise<void>((resolve) => setTimeout(resolve, 5)), 50).emit(event());
        // A hanging one with a later deadline: once it is reported, the first one's time is up too.
        hub([], () => new Promise(() => {}), 60).emit(event());
      },
      (so) => so.length > 0,
    );
    expect(lines).to.deep.equal(['warn [keuze] config.onEvent has not settled 60 ms after the "undeclared-storage" event; Keuze did not wait for it.']);
  });
});
