import { logError, type NewsletterEvent, type NewsletterTopic, type PrivacyRequestEvent, type ResolvedConfig } from '@keuze/core';

/** The events an element sends to the host and waits on. */
export type HostEvent = NewsletterEvent | PrivacyRequestEvent;
export type NewsletterHandler = (event: NewsletterEvent) => unknown;

/**
 * Where an element's events go when there is neither a `handler` nor `onEvent`, and how long it
 * waits: its config section (`newsletter` by default). `encode` makes the POST body; JSON unless given.
 */
export interface HostRoute {
  endpoint?: string;
  timeout?: number;
  encode?: (event: HostEvent) => FormData;
}

export class HostError extends Error {
  constructor(readonly reason: 'offline' | 'timeout' | 'failed') {
    super(reason);
  }
}

/** Without `newsletter.topics`: one topic, the newsletter; nothing the site did not set up. */
export const DEFAULT_TOPICS: NewsletterTopic[] = [{ id: 'newsletter', label: { nl: 'Nieuwsbrief', en: 'Newsletter' } }];

/**
 * Sends an element's event to the host and waits for its answer: the element's `handler` (typed
 * for that element's events, hence `never` here), else the page config's `onEvent`, else a POST to
 * the route's endpoint (`newsletter.endpoint`, as JSON, unless the caller routes it). Offline is
 * said before trying (and nothing is dispatched); a rejection, a bad answer or no answer within the
 * timeout is an error the element shows with a retry. Each attempt is also dispatched from the
 * element as `keuze-<type>`.
 */
export async function askHost<T>(
  source: HTMLElement,
  event: HostEvent,
  config: ResolvedConfig | undefined,
  handler?: (event: never) => unknown,
  route: HostRoute = config?.newsletter ?? {},
): Promise<T> {
  if (navigator.onLine === false) throw new HostError('offline');
  source.dispatchEvent(new CustomEvent(`keuze-${event.type}`, { detail: event, bubbles: true, composed: true }));
  const { endpoint, timeout = 15_000, encode } = route;
  const call = (handler as ((event: HostEvent) => unknown) | undefined) ?? config?.onEvent;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new HostError('timeout')), timeout)));
  try {
    const answer = call
      ? call(event)
      : endpoint
        ? post(endpoint, encode ? encode(event) : JSON.stringify(event))
        : Promise.reject(new Error(`no onEvent callback, handler or ${event.type == 'privacy-request' ? 'privacyRequest' : 'newsletter'}.endpoint to send it to`));
    return (await Promise.race([answer, timedOut])) as T;
  } catch (error) {
    if (error instanceof HostError) throw error;
    logError(`the host did not accept "${event.type}":`, error);
    throw new HostError('failed');
  } finally {
    clearTimeout(timer);
  }
}

async function post(endpoint: string, body: string | FormData): Promise<unknown> {
  // A FormData body gets its multipart content type, with the boundary, from the browser.
  const headers: HeadersInit = typeof body == 'string' ? { 'content-type': 'application/json' } : {};
  const response = await fetch(endpoint, { method: 'POST', headers, body, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${endpoint} answered ${response.status}`);
  return response.headers.get('content-type')?.includes('json') ? response.json() : {};
}
