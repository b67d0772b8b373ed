import type { ResolvedConfig } from './config.js';
import type { ConsentRecord } from './types.js';

/** Six months: the Digital Omnibus proposal's shortest wait before asking again after a refusal. */
export const DEFAULT_REASK_DAYS = 182;
const DAY_MS = 86_400_000;

export const reaskDays = (config: ResolvedConfig): number => config.reaskAfterRefusalDays ?? DEFAULT_REASK_DAYS;

/** Whether the record refuses an optional category the visitor was asked about. */
export const hasRefusal = (record: ConsentRecord): boolean => Object.keys(record.decisions ?? {}).some((name) => !record.categories.includes(name));

/**
 * When each optional category was last decided: a category whose state did not change keeps its
 * time, every other one (changed, or asked for the first time) is decided now.
 */
export function decisionTimes(optional: string[], granted: string[], previous: ConsentRecord | null, now: string): Record<string, string> {
  const times: Record<string, string> = {};
  for (const name of optional) {
    const before = previous?.decisions?.[name];
    const unchanged = before && !previous.pending?.includes(name) && previous.categories.includes(name) === granted.includes(name);
    times[name] = unchanged ? before : now;
  }
  return times;
}

/**
 * A stored choice that no longer counts (a new revision, or older than lifetimeDays) still holds
 * its recent refusals: within reaskAfterRefusalDays they stand without asking, and so does what was
 * granted, while the choice is within its lifetime. What is left (categories the config added, and
 * expired grants) is `pending`: the banner asks about those only. Null when nothing was refused
 * recently: the visitor is asked everything, as before.
 */
export function carryOver(config: ResolvedConfig, stale: ConsentRecord, optional: string[], now = Date.now()): ConsentRecord | null {
  const decisions = stale.decisions ?? {};
  const decided = optional.filter((name) => decisions[name]);
  const refused = decided.filter((name) => !stale.categories.includes(name) && Date.parse(decisions[name]!) + reaskDays(config) * DAY_MS > now);
  if (!refused.length) return null;
  const current = Date.parse(stale.timestamp) + config.lifetimeDays * DAY_MS > now;
  const kept = current ? decided.filter((name) => stale.categories.includes(name)) : [];
  const locked = Object.keys(config.categories).filter((name) => config.categories[name]!.readOnly);
  const categories = [...locked, ...kept];
  return {
    ...stale,
    categories,
    services: Object.fromEntries(Object.entries(stale.services).filter(([name]) => categories.includes(name))),
    revision: config.revision,
    decisions: Object.fromEntries([...kept, ...refused].map((name) => [name, decisions[name]!])),
    pending: optional.filter((name) => !kept.includes(name) && !refused.includes(name)),
  };
}
