import { getConsentLog, postConsentLog } from './consent-log.js';
import { renewConsentCookie } from './consent-cookie.js';
import { ClientError, json, sameSecret } from './http.js';
import { createMailer, type Mailer } from './mailer.js';
import { confirmSubscription, oneClickUnsubscribe, postNewsletter, type NewsletterContext } from './newsletter.js';
import { resolveOptions, type ServerOptions } from './options.js';
import { getIdCopy, listPrivacyRequests, postPrivacyRequest } from './privacy-request.js';
import { purge, type PurgeResult } from './purge.js';
import { createRateLimit } from './rate-limit.js';
import type { Database } from './store/database.js';
import { migrate } from './store/migrations.js';
import { openPostgres } from './store/postgres.js';
import { openSqlite } from './store/sqlite.js';

/** What the Node adapter knows about a request beyond the Request itself. */
export interface RequestInfo {
  /** The connection's address: used only in memory, for the rate limit. Never stored. */
  clientAddress?: string;
}

/** A web-standards request handler: runs in Node (see `toNodeListener`), Deno, Bun or a worker runtime. */
export type KeuzeHandler = (request: Request, info?: RequestInfo) => Promise<Response>;

export interface KeuzeServer {
  /** Answers every request: a route's answer, or 404. */
  handle: KeuzeHandler;
  /** The route's answer, or undefined when no route matches (middleware passes the request on). */
  route(request: Request, info?: RequestInfo): Promise<Response | undefined>;
  /** Deletes what retention says must go; see `purge`. */
  purge(): Promise<PurgeResult>;
  /** Closes the database. */
  close(): Promise<void>;
  readonly options: ServerOptions;
  readonly db: Database;
}

/** Opens the configured database (PostgreSQL when `databaseUrl` is set, else SQLite) and applies the migrations. */
export async function openDatabase(options: Pick<ServerOptions, 'databaseUrl' | 'sqliteFile'>): Promise<Database> {
  const db = options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(options.sqliteFile);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

const ALLOWED_HEADERS = 'content-type';

/**
 * Creates Keuze's server: opens the database, migrates it, and returns the handler. Handlers keep
 * no state but a rate-limit count, so any number of instances can share one PostgreSQL database.
 */
export async function createKeuzeServer(input: Partial<ServerOptions> & { mailer?: Mailer } = {}): Promise<KeuzeServer> {
  const { mailer, ...rest } = input;
  const options = resolveOptions(rest);
  const db = await openDatabase(options);
  const mail = mailer ?? createMailer(options.smtpUrl, options.mailFrom);
  const withinLimit = createRateLimit(options.rateLimit);

  const isAdmin = (request: Request): boolean => {
    const [scheme, token] = (request.headers.get('authorization') ?? '').split(' ');
    return !!options.adminToken && scheme == 'Bearer' && !!token && sameSecret(token, options.adminToken);
  };
  const requireAdmin = (request: Request): void => {
    if (!isAdmin(request)) throw new ClientError(401, options.adminToken ? 'admin token missing or wrong' : 'admin routes are closed: set KEUZE_ADMIN_TOKEN');
  };

  /** The page's view of the request: behind a trusted proxy, the forwarded protocol and host. */
  const seenAs = (request: Request, url: URL): { protocol: string; host: string } => {
    const forwarded = (name: string): string | undefined => (options.trustProxy ? request.headers.get(`x-forwarded-${name}`)?.split(',')[0]?.trim() : undefined);
    return { protocol: `${forwarded('proto') ?? url.protocol.replace(':', '')}:`, host: forwarded('host') ?? url.host };
  };

  async function dispatch(request: Request, url: URL, path: string): Promise<Response | undefined> {
    const { method } = request;
    const seen = seenAs(request, url);
    const newsletter = (): NewsletterContext => ({
      db,
      secret: options.secret,
      mail,
      publicUrl: options.publicUrl?.replace(/\/+$/, '') ?? `${seen.protocol}//${seen.host}${options.basePath}`,
      preferencesUrl: options.preferencesUrl,
    });
    if (path == '/consent-log' && method == 'POST') return postConsentLog(request, db);
    const logMatch = /^\/consent-log\/([^/]+)$/.exec(path);
    if (logMatch && method == 'GET') return (requireAdmin(request), getConsentLog(decodeURIComponent(logMatch[1]!), db));
    if (path == '/consent-cookie' && method == 'POST') {
      // The browser's Origin says how the page was loaded, also behind a proxy that speaks http to us.
      const origin = request.headers.get('origin');
      const secure = (origin ? origin.startsWith('https:') : false) || seen.protocol == 'https:';
      return renewConsentCookie(request, { hostname: seen.host.replace(/:\d+$/, '').replace(/^\[|\]$/g, ''), secure });
    }
    if (path == '/newsletter' && method == 'POST') return postNewsletter(request, newsletter());
    if (path == '/newsletter/confirm' && method == 'GET') return confirmSubscription(url, newsletter());
    if (path == '/newsletter/unsubscribe' && (method == 'POST' || method == 'GET')) return oneClickUnsubscribe(request, url, newsletter());
    if (path == '/privacy-request' && method == 'POST') return postPrivacyRequest(request, db);
    if (path == '/privacy-requests' && method == 'GET') return (requireAdmin(request), listPrivacyRequests(db));
    const copyMatch = /^\/privacy-requests\/(PR-[A-Z\d]{10})\/id-copy$/.exec(path);
    if (copyMatch && method == 'GET') return (requireAdmin(request), getIdCopy(copyMatch[1]!, db));
    if (path == '/health' && method == 'GET') return json({ ok: true });
    return undefined;
  }

  async function route(request: Request, info: RequestInfo = {}): Promise<Response | undefined> {
    const url = new URL(request.url);
    if (options.basePath && url.pathname != options.basePath && !url.pathname.startsWith(`${options.basePath}/`)) return undefined;
    const path = url.pathname.slice(options.basePath.length) || '/';
    const origin = request.headers.get('origin');
    // Same origin, or one the site allowed; a request from any other page is refused before it is read.
    const sameOrigin = origin === `${seenAs(request, url).protocol}//${seenAs(request, url).host}`;
    const allowedOrigin = origin !== null && (sameOrigin || options.allowedOrigins.includes(origin));
    const cors: Record<string, string> = allowedOrigin && !sameOrigin ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' } : {};
    const withCors = (response: Response): Response => {
      for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
      return response;
    };
    try {
      if (request.method == 'OPTIONS') {
        if (!allowedOrigin) return new Response(null, { status: 403 });
        return withCors(
          new Response(null, { status: 204, headers: { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': ALLOWED_HEADERS, 'access-control-max-age': '600' } }),
        );
      }
      if (origin !== null && origin !== 'null' && !allowedOrigin)
        throw new ClientError(403, `origin ${origin.slice(0, 100)} is not allowed (KEUZE_ALLOWED_ORIGINS; behind a proxy that ends TLS, also KEUZE_TRUST_PROXY=1)`);
      const forwardedFor = options.trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
      if (!withinLimit(forwardedFor || info.clientAddress || 'unknown')) throw new ClientError(429, 'too many requests; try again in a minute');
      const response = await dispatch(request, url, path);
      return response && withCors(response);
    } catch (error) {
      if (error instanceof ClientError) return withCors(json({ error: error.message }, error.status, error.status == 429 ? { 'retry-after': '60' } : {}));
      // The cause goes to the operator's log; the client learns only that it was not its fault.
      console.error('[keuze-server]', error);
      return withCors(json({ error: 'internal error' }, 500));
    }
  }

  return {
    options,
    db,
    route,
    handle: async (request, info) => (await route(request, info)) ?? json({ error: 'not found' }, 404),
    purge: () => purge(db, options),
    close: () => db.close(),
  };
}
