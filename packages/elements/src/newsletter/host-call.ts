import { isObject, logError, NAME, type NewsletterEvent, type NewsletterTopic, type ResolvedConfig } from '@keuze/core';

export type NewsletterHandler = (event: NewsletterEvent) => unknown;

export class HostError extends Error {
  constructor(readonly reason: 'offline' | 'timeout' | 'failed') {
    super(reason);
  }
}

export const DEFAULT_TOPICS: NewsletterTopic[] = [
  { id: 'newsletter', label: { nl: 'Nieuwsbrief', en: 'Newsletter' }, description: { nl: 'Nieuws over de dienst en tips.', en: 'News about the service, and tips.' } },
  { id: 'research', label: { nl: 'Uitnodigingen voor onderzoek', en: 'Research invitations' }, description: { nl: 'Af en toe een vraag of je wilt meedoen aan onderzoek naar tevredenheid.', en: 'Now and then, an invitation to take part in research on satisfaction.' } },
];

const isTopicIds = (value: unknown): boolean => Array.isArray(value) && value.every((id) => typeof id == 'string' && NAME.test(id));

/**
 * The answers docs/newsletter.md documents, per event, as [test, shape in words]. The endpoint
 * (`fromEndpoint`) must answer JSON of that shape, so that a login page (a 200 of HTML, or a 302 to
 * one) is never taken for success; a function may answer a sign-up or a change with anything.
 */
const ANSWERS: Record<NewsletterEvent['type'], [(answer: unknown, fromEndpoint: boolean) => boolean, string]> = {
  'newsletter-subscribe': [(answer, fromEndpoint) => !fromEndpoint || (isObject(answer) && /^(pending|subscribed)$/.test(String(answer.status))), '{ status: "pending" | "subscribed" }'],
  'newsletter-preferences-get': [
    (answer) =>
      isObject(answer) && isTopicIds(answer.topics) && (answer.required === undefined || isTopicIds(answer.required)) && (answer.email === undefined || typeof answer.email == 'string'),
    '{ topics: string[], required?: string[], email?: string }',
  ],
  // Anything: only arriving in time matters (post() has made sure an endpoint's is JSON).
  'newsletter-preferences-set': [() => true, 'any'],
  'newsletter-unsubscribe': [() => true, 'any'],
};

/**
 * Sends a newsletter event to the host and waits for its answer: the element's `handler`, else the
 * page config's `onEvent`, else a POST of the event as JSON to `newsletter.endpoint`. Offline is
 * said before trying (and nothing is dispatched); a rejection, an answer that does not have its
 * documented shape, or no answer within the timeout is an error the element shows with a retry.
 * Each attempt is also dispatched from the element as `keuze-<type>`. Each recipient gets its own
 * copy of the event, so one that changes it changes nothing for the others.
 */
export async function askHost<T>(source: HTMLElement, event: NewsletterEvent, config: ResolvedConfig | undefined, handler?: NewsletterHandler): Promise<T> {
  if (navigator.onLine === false) throw new HostError('offline');
  source.dispatchEvent(new CustomEvent(`keuze-${event.type}`, { detail: structuredClone(event), bubbles: true, composed: true }));
  const { endpoint, timeout = 15_000 } = config?.newsletter ?? {};
  const call = handler ?? config?.onEvent;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new HostError('timeout')), timeout)));
  try {
    const answer = call ? call(structuredClone(event)) : endpoint ? post(endpoint, event) : Promise.reject(new Error('no onEvent callback, handler or newsletter.endpoint to send it to'));
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
async function post(endpoint: string, event: NewsletterEvent): Promise<unknown> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event), credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${endpoint} answered ${response.status}`);
  if (response.status == 204) return undefined;
  const type = response.headers.get('content-type') ?? 'no content type';
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) throw new Error(`${endpoint} answered ${type}${response.redirected ? ` from ${response.url}` : ''}, not JSON`);
  return response.json();
}
