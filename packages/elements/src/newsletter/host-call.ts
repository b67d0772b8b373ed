import { logError, type NewsletterEvent, type NewsletterTopic, type ResolvedConfig } from '@keuze/core';

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

/**
 * Sends a newsletter event to the host and waits for its answer: the element's `handler`, else the
 * page config's `onEvent`, else a POST of the event as JSON to `newsletter.endpoint`. Offline is
 * said before trying (and nothing is dispatched); a rejection, a bad answer or no answer within the
 * timeout is an error the element shows with a retry. Each attempt is also dispatched from the
 * element as `keuze-<type>`.
 */
export async function askHost<T>(source: HTMLElement, event: NewsletterEvent, config: ResolvedConfig | undefined, handler?: NewsletterHandler): Promise<T> {
  if (navigator.onLine === false) throw new HostError('offline');
  source.dispatchEvent(new CustomEvent(`keuze-${event.type}`, { detail: event, bubbles: true, composed: true }));
  const { endpoint, timeout = 15_000 } = config?.newsletter ?? {};
  const call = handler ?? config?.onEvent;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new HostError('timeout')), timeout)));
  try {
    const answer = call ? call(event) : endpoint ? post(endpoint, event) : Promise.reject(new Error('no onEvent callback, handler or newsletter.endpoint to send it to'));
    return (await Promise.race([answer, timedOut])) as T;
  } catch (error) {
    if (error instanceof HostError) throw error;
    logError(`the host did not accept "${event.type}":`, error);
    throw new HostError('failed');
  } finally {
    clearTimeout(timer);
  }
}

async function post(endpoint: string, event: NewsletterEvent): Promise<unknown> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event), credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${endpoint} answered ${response.status}`);
  return response.headers.get('content-type')?.includes('json') ? response.json() : {};
}
