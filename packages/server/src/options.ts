import { tmpdir } from 'node:os';

const DAY_MS = 86_400_000;

/** How the server runs. Every field has a default; `optionsFromEnv` reads them from the environment. */
export interface ServerOptions {
  /** SQLite file (`KEUZE_DB`). Default `./keuze.db`. Ignored when `databaseUrl` is set. */
  sqliteFile: string;
  /** PostgreSQL connection string (`DATABASE_URL`); when set, PostgreSQL is used instead of SQLite. */
  databaseUrl?: string;
  /** Bearer token for the admin routes (`KEUZE_ADMIN_TOKEN`). Unset: the admin routes refuse every request. */
  adminToken?: string;
  /** Origins allowed to call from another origin (`KEUZE_ALLOWED_ORIGINS`, comma-separated). Default none. */
  allowedOrigins: string[];
  /**
   * Key that signs newsletter tokens (`KEUZE_SECRET`, at least 32 characters). Unset: a random key
   * per process, so links stop working at a restart and differ between instances (development only).
   */
  secret: string;
  /** Days consent-log entries are kept (`KEUZE_RETENTION_DAYS`). Default 1826 (5 years). */
  retentionDays: number;
  /** Days an ID copy sent with a privacy request is kept (`KEUZE_ID_COPY_DAYS`). Default 30. */
  idCopyDays: number;
  /** SMTP server for the confirmation mails (`SMTP_URL`, e.g. `smtps://user:pass@mail.example.nl`). Unset: printed to the console. */
  smtpUrl?: string;
  /** Sender of the confirmation mails (`KEUZE_MAIL_FROM`). */
  mailFrom: string;
  /** The server's address as visitors reach it (`KEUZE_PUBLIC_URL`), for links in mails. Default: the request's origin. */
  publicUrl?: string;
  /** The site's newsletter preferences page (`KEUZE_PREFERENCES_URL`); a confirmation redirects there with `?token=`. */
  preferencesUrl?: string;
  /** Requests per minute per client (`KEUZE_RATE_LIMIT`); 0 turns the limit off. Default 120. */
  rateLimit: number;
  /** Read the client address and protocol from `X-Forwarded-For`/`-Proto`/`-Host` (`KEUZE_TRUST_PROXY=1`), behind nginx. */
  trustProxy: boolean;
  /** Where the routes are mounted (`KEUZE_BASE_PATH`), e.g. `/keuze`. Default none. */
  basePath: string;
}

/** The defaults of the options that have one, and why where it is not obvious. */
export const DEFAULTS = {
  sqliteFile: './keuze.db',
  // Proof of consent must outlive the consent it proves (AVG art. 7(1), 5(2)): a claim or a
  // regulator's question can come years later, and the Dutch limitation period for claims is 5 years (BW 3:310).
  retentionDays: 1826,
  // Enough to verify an identity (AVG art. 12(6)) and answer within the month of art. 12(3).
  idCopyDays: 30,
  rateLimit: 120,
  mailFrom: 'Keuze <no-reply@localhost>',
};

/** Every environment variable the CLI reads, with what it means: `--help` prints this. */
export const ENVIRONMENT: [name: string, meaning: string][] = [
  ['PORT', 'port to listen on (or --port); default 8787'],
  ['HOST', 'address to listen on (or --host); default 127.0.0.1'],
  ['KEUZE_DB', `SQLite file; default ${DEFAULTS.sqliteFile}`],
  ['DATABASE_URL', 'PostgreSQL connection string; when set, used instead of SQLite'],
  ['KEUZE_ADMIN_TOKEN', 'bearer token for GET /consent-log/:id and GET /privacy-requests; unset: closed'],
  ['KEUZE_ALLOWED_ORIGINS', 'comma-separated origins allowed to call from another origin (CORS); default none'],
  ['KEUZE_SECRET', 'key (32+ characters) that signs newsletter links; unset: random per process (development)'],
  ['KEUZE_RETENTION_DAYS', `days consent-log entries are kept; default ${DEFAULTS.retentionDays} (5 years)`],
  ['KEUZE_ID_COPY_DAYS', `days an ID copy with a privacy request is kept; default ${DEFAULTS.idCopyDays}`],
  ['SMTP_URL', 'SMTP server for confirmation mails; unset: mails are printed to the console'],
  ['KEUZE_MAIL_FROM', `sender of confirmation mails; default "${DEFAULTS.mailFrom}"`],
  ['KEUZE_PUBLIC_URL', "the server's public address, for links in mails; default the request's origin"],
  ['KEUZE_PREFERENCES_URL', "the site's newsletter preferences page, where a confirmed link lands"],
  ['KEUZE_RATE_LIMIT', `requests per minute per client; 0 = off; default ${DEFAULTS.rateLimit}`],
  ['KEUZE_TRUST_PROXY', '1: read client address and protocol from X-Forwarded-* (behind a reverse proxy)'],
  ['KEUZE_BASE_PATH', 'path the routes are mounted under, e.g. /keuze; default none'],
];

/** A whole number ≥ `min` from the environment, or the default; anything else is a startup error. */
function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || +value < min) throw new Error(`${name}: expected a whole number ≥ ${min}, got "${value}"`);
  return +value;
}

/** Options from the environment (the CLI's), with their defaults. Throws on a value it cannot use. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const secret = env.KEUZE_SECRET;
  if (secret !== undefined && secret.length < 32) throw new Error('KEUZE_SECRET: use at least 32 random characters (e.g. `openssl rand -base64 32`)');
  return resolveOptions({
    sqliteFile: env.KEUZE_DB || DEFAULTS.sqliteFile,
    databaseUrl: env.DATABASE_URL || undefined,
    adminToken: env.KEUZE_ADMIN_TOKEN || undefined,
    allowedOrigins: (env.KEUZE_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    secret,
    retentionDays: whole(env, 'KEUZE_RETENTION_DAYS', DEFAULTS.retentionDays, 1),
    idCopyDays: whole(env, 'KEUZE_ID_COPY_DAYS', DEFAULTS.idCopyDays, 1),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.KEUZE_MAIL_FROM || DEFAULTS.mailFrom,
    publicUrl: env.KEUZE_PUBLIC_URL || undefined,
    preferencesUrl: env.KEUZE_PREFERENCES_URL || undefined,
    rateLimit: whole(env, 'KEUZE_RATE_LIMIT', DEFAULTS.rateLimit, 0),
    trustProxy: env.KEUZE_TRUST_PROXY === '1',
    basePath: env.KEUZE_BASE_PATH || '',
  });
}

/** Fills in defaults, and checks what a typo would silently break. */
export function resolveOptions(options: Partial<ServerOptions> = {}): ServerOptions {
  const resolved: ServerOptions = {
    ...DEFAULTS,
    allowedOrigins: [],
    trustProxy: false,
    basePath: '',
    ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
    secret: options.secret ?? crypto.getRandomValues(new Uint8Array(32)).join('.'),
  };
  for (const origin of resolved.allowedOrigins) {
    if (new URL(origin).origin !== origin) throw new Error(`KEUZE_ALLOWED_ORIGINS: "${origin}" is not an origin (scheme://host[:port], no path)`);
  }
  resolved.basePath = resolved.basePath.replace(/\/+$/, '');
  if (resolved.basePath && !resolved.basePath.startsWith('/')) throw new Error(`KEUZE_BASE_PATH: "${resolved.basePath}" must start with /`);
  return resolved;
}

export const days = (count: number): number => count * DAY_MS;
/** A temporary SQLite file name, for `npm start` and tests. */
export const temporarySqliteFile = (): string => `${tmpdir()}/keuze-${process.pid}-${Date.now()}.db`;
