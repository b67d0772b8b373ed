import { randomUUID } from 'node:crypto';
import { badRequest, ClientError, json, readBody, readJsonObject } from './http.js';
import type { Mailer } from './mailer.js';
import { listUnsubscribeHeaders } from './list-unsubscribe.js';
import type { Database } from './store/database.js';
import { issueToken, verifyToken } from './tokens.js';
import { boolean, email, fields, integer, isoTime, language, list, NAME, oneOf, string } from './validation.js';

/** A confirmation link works for a week; after that the visitor signs up again. */
export const CONFIRM_LIFETIME_MS = 7 * 86_400_000;
/** A newsletter event: an address, at most 50 topic ids and the consent text (up to 5000 characters). */
export const NEWSLETTER_LIMIT = 16 * 1024;
const TOPICS = list(string(40, NAME, 'a topic id'), 50);

export interface NewsletterContext {
  db: Database;
  secret: string;
  mail: Mailer;
  /** The server's address as the visitor reaches it, for the links in mails. */
  publicUrl: string;
  preferencesUrl?: string;
}

const TEXTS = {
  nl: {
    subject: 'Bevestig je aanmelding',
    body: (link: string) => `Bevestig je aanmelding met deze link (een week geldig):\n${link}\n\nHeb je je niet aangemeld? Dan hoef je niets te doen: zonder bevestiging sturen we je niets.`,
    confirmed: 'Je aanmelding is bevestigd.',
    invalid: 'Deze link is verlopen of ongeldig. Meld je opnieuw aan.',
    unsubscribed: 'Je bent afgemeld.',
  },
  en: {
    subject: 'Confirm your subscription',
    body: (link: string) => `Confirm your subscription with this link (valid for a week):\n${link}\n\nDidn't sign up? Then do nothing: without confirmation we send you nothing.`,
    confirmed: 'Your subscription is confirmed.',
    invalid: 'This link has expired or is not valid. Please sign up again.',
    unsubscribed: 'You are unsubscribed.',
  },
};
const textsFor = (lang: string): (typeof TEXTS)['en'] => (lang.toLowerCase().startsWith('nl') ? TEXTS.nl : TEXTS.en);

/** A short page for a link opened in the browser (no script, nothing from the request in it but fixed text). */
const page = (status: number, message: string, lang = 'en'): Response =>
  new Response(
    `<!doctype html><html lang="${lang.startsWith('nl') ? 'nl' : 'en'}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${message}</title><p>${message}</p></html>`,
    {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'" },
    },
  );

const subscriberOf = (context: NewsletterContext, token: unknown): string => {
  const id = verifyToken(context.secret, token, 'manage');
  if (!id) throw new ClientError(403, 'token: not valid');
  return id;
};

/** The confirmed topics of a subscriber, and the address (shown on the preferences page). */
async function preferences(db: Database, subscriberId: string): Promise<{ email: string; topics: string[]; required: string[] }> {
  const [subscriber] = await db.all<{ email: string }>('SELECT email FROM newsletter_subscribers WHERE id = ?', [subscriberId]);
  if (!subscriber) throw new ClientError(404, 'no such subscriber');
  const topics = await db.all<{ topic: string }>("SELECT topic FROM newsletter_topics WHERE subscriber_id = ? AND state = 'confirmed' ORDER BY topic", [subscriberId]);
  return { email: subscriber.email, topics: topics.map((row) => row.topic), required: [] };
}

async function unsubscribe(db: Database, subscriberId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM newsletter_topics WHERE subscriber_id = ?', [subscriberId]);
    await tx.run('UPDATE newsletter_subscribers SET unsubscribed_at = ? WHERE id = ? AND unsubscribed_at IS NULL', [Date.now(), subscriberId]);
  });
}

/**
 * `POST /newsletter`: the elements' events as they send them to `newsletter.endpoint`. A sign-up
 * stores the address with its topics pending and the consent text as proof, and mails a
 * confirmation link; it always answers `pending`, so the answer never tells whether an address is
 * already subscribed.
 */
export async function postNewsletter(request: Request, context: NewsletterContext): Promise<Response> {
  const body = await readJsonObject(request, NEWSLETTER_LIMIT);
  const type = oneOf(['newsletter-subscribe', 'newsletter-preferences-get', 'newsletter-preferences-set', 'newsletter-unsubscribe'] as const)(body.type, 'type');
  const { db } = context;
  switch (type) {
    case 'newsletter-subscribe': {
      const event = fields(
        body,
        { type: string(30), email, topics: TOPICS, language, consentText: string(5000), timestamp: isoTime },
        { minimumAge: integer(1, 99), tracking: boolean, trackingText: string(2000) },
      );
      if (!event.topics.length) throw badRequest('topics: choose at least one');
      if (!event.consentText.trim()) throw badRequest('consentText: empty; send the text the visitor agreed to');
      // Consent to measurement is proven by the box's text, as the sign-up's by consentText.
      if (event.tracking && !event.trackingText?.trim()) throw badRequest('trackingText: missing; send the label of the measurement box the visitor ticked');
      if (!event.tracking && event.trackingText !== undefined) throw badRequest('trackingText: sent only with tracking: true');
      const now = Date.now();
      const subscriberId = await db.transaction(async (tx) => {
        await tx.run('INSERT INTO newsletter_subscribers (id, email, language, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (email) DO NOTHING', [randomUUID(), event.email, event.language, now]);
        const [row] = await tx.all<{ id: string }>('SELECT id FROM newsletter_subscribers WHERE email = ?', [event.email]);
        for (const topic of event.topics)
          await tx.run("INSERT INTO newsletter_topics (subscriber_id, topic, state, changed_at) VALUES (?, ?, 'pending', ?) ON CONFLICT (subscriber_id, topic) DO NOTHING", [row!.id, topic, now]);
        await tx.run(
          'INSERT INTO newsletter_consents (subscriber_id, topics, consent_text, language, given_at, received_at, minimum_age, tracking, tracking_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [row!.id, JSON.stringify(event.topics), event.consentText, event.language, event.timestamp, now, event.minimumAge ?? null, event.tracking ? 1 : 0, event.trackingText ?? null],
        );
        return row!.id;
      });
      const link = `${context.publicUrl}/newsletter/confirm?token=${issueToken(context.secret, subscriberId, 'confirm', CONFIRM_LIFETIME_MS)}`;
      const texts = textsFor(event.language);
      try {
        await context.mail({ to: event.email, subject: texts.subject, text: texts.body(link) });
      } catch (error) {
        console.error(`[keuze-server] the confirmation mail could not be sent: ${(error as Error).message}`);
        throw new ClientError(503, 'the confirmation mail could not be sent; try again later');
      }
      return json({ status: 'pending' });
    }
    case 'newsletter-preferences-get': {
      const event = fields(body, { type: string(30), token: string(400) });
      return json(await preferences(db, subscriberOf(context, event.token)));
    }
    case 'newsletter-preferences-set': {
      const event = fields(body, { type: string(30), token: string(400), topics: TOPICS });
      const subscriberId = subscriberOf(context, event.token);
      await preferences(db, subscriberId);
      await db.transaction(async (tx) => {
        const now = Date.now();
        const kept = await tx.all<{ topic: string }>('SELECT topic FROM newsletter_topics WHERE subscriber_id = ?', [subscriberId]);
        for (const { topic } of kept) if (!event.topics.includes(topic)) await tx.run('DELETE FROM newsletter_topics WHERE subscriber_id = ? AND topic = ?', [subscriberId, topic]);
        // Ticking a topic on the page the mail's link opened is the address's owner agreeing to it.
        for (const topic of event.topics) {
          await tx.run(
            "INSERT INTO newsletter_topics (subscriber_id, topic, state, changed_at) VALUES (?, ?, 'confirmed', ?) ON CONFLICT (subscriber_id, topic) DO UPDATE SET state = 'confirmed', changed_at = ?",
            [subscriberId, topic, now, now],
          );
        }
        await tx.run(`UPDATE newsletter_subscribers SET unsubscribed_at = ${event.topics.length ? 'NULL' : '?'} WHERE id = ?`, event.topics.length ? [subscriberId] : [now, subscriberId]);
      });
      return json(await preferences(db, subscriberId));
    }
    case 'newsletter-unsubscribe': {
      const event = fields(body, { type: string(30), token: string(400) });
      const subscriberId = subscriberOf(context, event.token);
      await unsubscribe(db, subscriberId);
      return json({ topics: [] });
    }
  }
}

/**
 * `GET /newsletter/confirm?token=…`: the link in the confirmation mail. Confirms the pending topics
 * (idempotent: a second click changes nothing) and redirects to the preferences page with the
 * subscriber's manage token, or shows a short page when none is configured.
 */
export async function confirmSubscription(url: URL, context: NewsletterContext): Promise<Response> {
  const subscriberId = verifyToken(context.secret, url.searchParams.get('token'), 'confirm');
  if (!subscriberId) return page(400, `${TEXTS.nl.invalid} / ${TEXTS.en.invalid}`);
  const language = await context.db.transaction(async (tx) => {
    const [subscriber] = await tx.all<{ language: string }>('SELECT language FROM newsletter_subscribers WHERE id = ?', [subscriberId]);
    if (!subscriber) return undefined;
    const now = Date.now();
    await tx.run("UPDATE newsletter_topics SET state = 'confirmed', changed_at = ? WHERE subscriber_id = ? AND state = 'pending'", [now, subscriberId]);
    await tx.run('UPDATE newsletter_consents SET confirmed_at = ? WHERE subscriber_id = ? AND confirmed_at IS NULL', [now, subscriberId]);
    await tx.run('UPDATE newsletter_subscribers SET unsubscribed_at = NULL WHERE id = ?', [subscriberId]);
    return subscriber.language;
  });
  if (language === undefined) return page(400, `${TEXTS.nl.invalid} / ${TEXTS.en.invalid}`);
  if (!context.preferencesUrl) return page(200, textsFor(language).confirmed, language);
  const target = new URL(context.preferencesUrl, context.publicUrl);
  target.searchParams.set('token', issueToken(context.secret, subscriberId, 'manage'));
  target.searchParams.set('confirmed', '1');
  return new Response(null, { status: 303, headers: { location: target.href, 'cache-control': 'no-store' } });
}

/**
 * `/newsletter/unsubscribe?token=…`, the `List-Unsubscribe` URL. A POST with the body
 * `List-Unsubscribe=One-Click` (RFC 8058 §3.2, form-encoded) unsubscribes from every topic,
 * without login, idempotently. A GET never unsubscribes (mail scanners open links): it leads to
 * the preferences page, or answers 405.
 */
export async function oneClickUnsubscribe(request: Request, url: URL, context: NewsletterContext): Promise<Response> {
  const subscriberId = verifyToken(context.secret, url.searchParams.get('token'), 'manage');
  if (request.method == 'GET') {
    if (subscriberId && context.preferencesUrl) {
      const target = new URL(context.preferencesUrl, context.publicUrl);
      target.searchParams.set('token', url.searchParams.get('token')!);
      return new Response(null, { status: 303, headers: { location: target.href, 'cache-control': 'no-store' } });
    }
    return new Response('Unsubscribe with a POST (RFC 8058).', { status: 405, headers: { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' } });
  }
  const form = new URLSearchParams(new TextDecoder().decode(await readBody(request, 1024)));
  if (form.get('List-Unsubscribe') !== 'One-Click') throw badRequest('expected the body List-Unsubscribe=One-Click (RFC 8058)');
  if (!subscriberId) throw new ClientError(403, 'token: not valid');
  await unsubscribe(context.db, subscriberId);
  return page(200, `${TEXTS.nl.unsubscribed} / ${TEXTS.en.unsubscribed}`);
}

export { listUnsubscribeHeaders };
