import { cookieValues, mayStoreCookie, NAME, NEWSLETTER_COOKIE, removeCookies, setCookie, type Keuze } from '@keuze/core';

/**
 * Which topics this browser subscribed to, so the sign-up can say "you're subscribed" next time.
 * Never the address or anything else personal: only topic ids. Not strictly necessary, so it is
 * written only while a granted category lists it (`"cookies": ["keuze_newsletter"]`, typically in
 * a preferences category), through core's cookie module like every cookie Keuze writes.
 */
const { name: SUBSCRIPTION_COOKIE, days } = NEWSLETTER_COOKIE;

export function subscribedTopics(): string[] {
  return (cookieValues(SUBSCRIPTION_COOKIE)?.[0] ?? '').split('~').filter((topic) => NAME.test(topic));
}

/** Remembers the topics if the visitor's choice allows it; none, or a choice that does not, forgets them. */
export function rememberTopics(keuze: Keuze | undefined, topics: string[]): void {
  if (!keuze) return;
  const { config } = keuze;
  const value = topics.filter((topic) => NAME.test(topic)).join('~');
  if (value && mayStoreCookie(config, keuze.isGranted, SUBSCRIPTION_COOKIE)) setCookie(config, SUBSCRIPTION_COOKIE, value, days * 86_400);
  else removeCookies([SUBSCRIPTION_COOKIE], config);
}
