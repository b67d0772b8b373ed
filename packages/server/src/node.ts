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
  } as RequestInit);
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
    void server.handle(toRequest(req), { clientAddress: req.socket.remoteAddress }).then(
      (response) => sendResponse(response, res),
      () => {
        res.writeHead(500).end();
      },
    ).finally(() => {
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
