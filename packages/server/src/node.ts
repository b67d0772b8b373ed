import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { KeuzeServer } from './handler.js';

/** Node's request as a web-standards Request; the body streams (the handler limits its size). */
export function toRequest(req: IncomingMessage, base = 'http://localhost'): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const hasBody = req.method != 'GET' && req.method != 'HEAD';
  return new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? new URL(base).host}`), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Node's fetch requires this for a streamed request body.
    duplex: 'half',
  });
}

/** Writes a Response to Node's response, several Set-Cookie headers included. */
export async function sendResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name != 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) return void res.end();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  res.end();
}

/**
 * A listener for `http.createServer`: every request goes to the server; no route is a 404.
 * A body the handler refused unread (too large) is drained so the client sees the answer.
 */
export function toNodeListener(server: KeuzeServer): RequestListener {
  return (req, res) => {
    void server
      .handle(toRequest(req), { clientAddress: req.socket.remoteAddress })
      .then(
        (response) => sendResponse(response, res),
        () => {
          res.writeHead(500).end();
        },
      )
      .finally(() => {
        // What the handler did not read of an oversized body is discarded, not left to block the socket.
        if (!req.complete) req.resume();
      });
  };
}

/**
 * Connect-style middleware for Express (`app.use('/keuze', keuzeMiddleware(server))`), Connect, and
 * Fastify through @fastify/middie: Keuze's routes answer, every other request goes to `next`.
 * Mount it before any body parser, which would consume the body Keuze reads.
 */
export function keuzeMiddleware(server: KeuzeServer): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  return (req, res, next) => {
    server.route(toRequest(req), { clientAddress: req.socket.remoteAddress }).then((response) => (response ? sendResponse(response, res) : next()), next);
  };
}

/** The parts of a Koa context the middleware uses (Koa itself is not a dependency). */
interface KoaContext {
  req: IncomingMessage;
  method: string;
  URL: URL;
  headers: Record<string, string | string[] | undefined>;
  ip: string;
  status: number;
  body: unknown;
  set(name: string, value: string | string[]): void;
}

/** Past this the body is not read further: the handler answers 413 (its own limits are lower). */
const KOA_BODY_LIMIT = 11 * 1024 * 1024;

/**
 * Koa middleware (also @web/dev-server's, which the demo uses): Keuze's routes answer, every other
 * request goes to `next`. The body is read here (Koa hands the stream over as it is), up to 11 MB.
 */
export function keuzeKoaMiddleware(server: KeuzeServer): (context: KoaContext, next: () => Promise<unknown>) => Promise<unknown> {
  return async (context, next) => {
    const chunks: Buffer[] = [];
    let size = 0;
    if (context.method != 'GET' && context.method != 'HEAD') {
      for await (const chunk of context.req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > KOA_BODY_LIMIT) break;
        chunks.push(chunk);
      }
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(context.headers)) for (const item of [value ?? []].flat()) headers.append(name, item);
    // An over-long body is cut; its declared length still says how long it was, and 413 follows.
    if (size > KOA_BODY_LIMIT) headers.set('content-length', String(size));
    const body = context.method == 'GET' || context.method == 'HEAD' ? undefined : Buffer.concat(chunks);
    const response = await server.route(new Request(context.URL, { method: context.method, headers, body }), { clientAddress: context.ip });
    if (!response) return next();
    context.status = response.status;
    response.headers.forEach((value, name) => name != 'set-cookie' && context.set(name, value));
    if (response.headers.getSetCookie().length) context.set('set-cookie', response.headers.getSetCookie());
    context.body = Buffer.from(await response.arrayBuffer());
    return undefined;
  };
}
