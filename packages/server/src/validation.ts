import { badRequest, ClientError } from './http.js';

/**
 * Strict checks for request bodies: each field is checked for type, shape and length, an unknown
 * field is an error (so a typo is reported, not dropped), and the first problem is the 400's message.
 */
export type Check<T> = (value: unknown, field: string) => T;

/** Names as core allows them in the consent cookie (categories, services, topics): no `__proto__`. */
export const NAME = /^(?!__proto__$)[\w-]{1,40}$/;

export const string =
  (max: number, pattern?: RegExp, what = 'text'): Check<string> =>
  (value, field) => {
    if (typeof value != 'string') throw badRequest(`${field}: expected a string`);
    if (value.length > max) throw badRequest(`${field}: longer than ${max} characters`);
    if (pattern && !pattern.test(value)) throw badRequest(`${field}: expected ${what}`);
    return value;
  };

export const boolean: Check<boolean> = (value, field) => {
  if (typeof value != 'boolean') throw badRequest(`${field}: expected true or false`);
  return value;
};

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value, field) =>
    value === null ? null : check(value, field);

export const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (value, field) => {
    if (!values.includes(value as T)) throw badRequest(`${field}: expected one of ${values.join(', ')}`);
    return value as T;
  };

export const integer =
  (min: number, max: number): Check<number> =>
  (value, field) => {
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) throw badRequest(`${field}: expected a whole number from ${min} to ${max}`);
    return value as number;
  };

export const list =
  <T>(check: Check<T>, max: number): Check<T[]> =>
  (value, field) => {
    if (!Array.isArray(value)) throw badRequest(`${field}: expected a list`);
    if (value.length > max) throw badRequest(`${field}: more than ${max} items`);
    const items = value.map((item, index) => check(item, `${field}[${index}]`));
    if (new Set(items).size != items.length) throw badRequest(`${field}: an item is listed twice`);
    return items;
  };

/**
 * A nested JSON object, read by `read` (typically with `fields`); a problem inside it is named by
 * its path from the body, e.g. `dpv:hasPurpose[1].dpv:hasConsentStatus.@id: expected one of …`.
 */
export const object =
  <T>(read: (body: Record<string, unknown>) => T): Check<T> =>
  (value, field) => {
    if (typeof value != 'object' || value === null || Array.isArray(value)) throw badRequest(`${field}: expected an object`);
    try {
      return read(value as Record<string, unknown>);
    } catch (error) {
      if (error instanceof ClientError) throw badRequest(`${field}.${error.message}`);
      throw error;
    }
  };

/** An object used as a map (services per category): names as keys, no prototype keys. */
export const map =
  <T>(check: Check<T>, max: number): Check<Record<string, T>> =>
  (value, field) => {
    if (typeof value != 'object' || value === null || Array.isArray(value)) throw badRequest(`${field}: expected an object`);
    const entries = Object.entries(value);
    if (entries.length > max) throw badRequest(`${field}: more than ${max} keys`);
    const result = Object.create(null) as Record<string, T>;
    for (const [key, item] of entries) {
      if (!NAME.test(key)) throw badRequest(`${field}: "${key.slice(0, 40)}" is not a name (letters, digits, _ and -)`);
      result[key] = check(item, `${field}.${key}`);
    }
    return result;
  };

/** A time exactly as `Date.prototype.toISOString` writes it, within 2000…now + 1 day: as milliseconds. */
export const isoTime: Check<number> = (value, field) => {
  const time = typeof value == 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time) || new Date(time).toISOString() !== value) throw badRequest(`${field}: expected a time such as 2026-05-01T12:00:00.000Z`);
  if (time < Date.UTC(2000, 0) || time > Date.now() + 86_400_000) throw badRequest(`${field}: not a plausible time`);
  return time;
};

/** An address as the sign-up element checks it, kept to what mail servers accept (RFC 5321's 254). */
export const email: Check<string> = (value, field) => string(254, /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/, 'an email address')(value, field).toLowerCase();

export const language = string(20, /^[A-Za-z]{0,8}(-[\w]{1,8})*$/, 'a language code such as nl or en-GB');

/**
 * The object's fields, each checked; a missing required field or any field not listed is an
 * error. `optional` fields may be absent (undefined).
 */
export function fields<R extends Record<string, Check<unknown>>, O extends Record<string, Check<unknown>> = Record<never, Check<unknown>>>(
  body: Record<string, unknown>,
  required: R,
  optional: O = {} as O,
): { [K in keyof R]: ReturnType<R[K]> } & { [K in keyof O]?: ReturnType<O[K]> } {
  for (const key of Object.keys(body)) {
    if (!Object.hasOwn(required, key) && !Object.hasOwn(optional, key))
      throw badRequest(`${key.slice(0, 40)}: unknown field; expected ${[...Object.keys(required), ...Object.keys(optional)].join(', ')}`);
  }
  const result: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(required)) {
    if (!Object.hasOwn(body, key)) throw badRequest(`${key}: missing`);
    result[key] = check(body[key], key);
  }
  for (const [key, check] of Object.entries(optional)) if (Object.hasOwn(body, key) && body[key] !== undefined) result[key] = check(body[key], key);
  return result as never;
}
