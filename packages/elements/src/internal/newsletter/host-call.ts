import type { NewsletterEvent, NewsletterTopic, PrivacyRequestEvent, ResolvedConfig } from '@keuze/core';
import { isObject, logError, NAME } from '@keuze/core/internal';
import type { KeuzeElement } from '../keuze-element.js';

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

const isTopicIds = (value: unknown): boolean => Array.isArray(value) && value.every((id) => typeof id == 'string' && NAME.test(id));

/**
 * The answers docs/newsletter.md and docs/privacy-request.md document, per event, as [test, shape
 * in words]. The endpoint (`fromEndpoint`) must answer JSON of that shape, so that a login page (a
 * 200 of HTML, or a 302 to one) is never taken for success; a function may answer a sign-up or a
 * change with anything.
 */
const ANSWERS: Record<HostEvent['type'], [(answer: unknown, fromEndpoint: boolean) => boolean, string]> = {
  'newsletter-subscribe': [(answer, fromEndpoint) => !fromEndpoint || (isObject(answer) && /^(pending|subscribed)$/.test(String(answer.status))), '{ status: "pending" | "subscribed" }'],
  'newsletter-preferences-get': [
    (answer) => isObject(answer) && isTopicIds(answer.topics) && (answer.required === undefined || isTopicIds(answer.required)) && (answer.email === undefined || typeof answer.email == 'string'),
    '{ topics: string[], required?: string[], email?: string }',
  ],
  // Anything: only arriving in time matters (post() has made sure an endpoint's is JSON).
  'newsletter-preferences-set': [() => true, 'any'],
  'newsletter-unsubscribe': [() => true, 'any'],
  // The reference is what the visitor quotes later: the element shows it, so it must be there.
  'privacy-request': [(answer) => isObject(answer) && typeof answer.reference == 'string' && /^\S.{0,99}$/.test(answer.reference), '{ reference: string }'],
};

/**
 * Sends an element's event to the host and waits for its answer: the element's `handler` (typed
 * for that element's events, hence `never` here), else the page config's `onEvent`, else a POST to
 * the route's endpoint (`newsletter.endpoint`, as JSON, unless the caller routes it). Offline is
 * said before trying (and nothing is dispatched); a rejection, an answer that does not have its
 * documented shape, or no answer within the timeout is an error the element shows with a retry.
 * Each attempt is also dispatched from the element as `keuze-<type>`. Each recipient gets its own
 * copy of the event, so one that changes it changes nothing for the others.
 */
export async function askHost<T>(
  source: KeuzeElement,
  event: HostEvent,
  config: ResolvedConfig | undefined,
  handler?: (event: never) => unknown,
  route: HostRoute = config?.newsletter ?? {},
): Promise<T> {
  if (navigator.onLine === false) throw new HostError('offline');
  source.emit(`keuze-${event.type}`, structuredClone(event));
  const { endpoint, timeout = 15_000, encode } = route;
  const call = (handler as ((event: HostEvent) => unknown) | undefined) ?? config?.onEvent;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new HostError('timeout')), timeout)));
  try {
    const answer = call
      ? call(structuredClone(event))
      : endpoint
        ? post(endpoint, encode ? encode(event) : JSON.stringify(event))
        : Promise.reject(new Error(`no onEvent callback, handler or ${event.type == 'privacy-request' ? 'privacyRequest' : 'newsletter'}.endpoint to send it to`));
    const settled = await Promise.race([answer, timedOut]);
    const [fits, shape] = ANSWERS[event.type];
    if (!fits(settled, !call)) throw new Error(`expected an answer of the shape ${shape}, got ${describeAnswer(settled)}`);
    return settled as T;
  } catch (error) {
    if (error instanceof HostError) throw error;
    logError(`the host did not accept "${event.type}":`, error);
    throw new HostError('failed');
  } finally {
    clearTimeout(timer);
  }
}

const describeAnswer = (answer: unknown): string => {
  const json = JSON.stringify(answer) ?? String(answer);
  return json.length > 100 ? `${json.slice(0, 100)}…` : json;
};

/**
 * The endpoint's JSON answer, or `undefined` for 204 No Content. Any other body fails: a login page
 * (a 200 of HTML, or a redirect to one, which fetch follows) is no answer.
 */
async function post(endpoint: string, body: string | FormData): Promise<unknown> {
  // A FormData body gets its multipart content type, with the boundary, from the browser.
  const headers: HeadersInit = typeof body == 'string' ? { 'content-type': 'application/json' } : {};
  const response = await fetch(endpoint, { method: 'POST', headers, body, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${endpoint} answered ${response.status}`);
  if (response.status == 204) return undefined;
  const type = response.headers.get('content-type') ?? 'no content type';
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) throw new Error(`${endpoint} answered ${type}${response.redirected ? ` from ${response.url}` : ''}, not JSON`);
  return response.json();
}
