import { NAME } from '@keuze/core';

/**
 * Which topics this browser subscribed to, so the sign-up can say "you're subscribed" next time.
 * Never the address or anything else personal: only topic ids.
 */
const COOKIE = 'keuze_newsletter';
const MAX_AGE = 395 * 86_400;

export function subscribedTopics(): string[] {
  const value = document.cookie
    .split('; ')
    .find((pair) => pair.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  return (value ?? '').split('~').filter((topic) => NAME.test(topic));
}

export function rememberTopics(topics: string[]): void {
  const secure = location.protocol == 'https:' ? '; Secure' : '';
  const value = topics.filter((topic) => NAME.test(topic)).join('~');
  document.cookie = value ? `${COOKIE}=${value}; path=/; max-age=${MAX_AGE}; SameSite=Lax${secure}` : `${COOKIE}=; path=/; max-age=0; SameSite=Lax${secure}`;
}
