import { createHash, timingSafeEqual } from 'node:crypto';

/** A client error: its status and a message that says what to fix. Nothing was stored. */
export class ClientError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string): ClientError => new ClientError(400, message);

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });

/**
 * The body as bytes, refused with 413 past `limit`: first by its Content-Length, then while it
 * streams (a chunked body declares none), so an oversized upload is never held in memory whole.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && +declared > limit) throw new ClientError(413, `request body over ${limit} bytes`);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader: ReadableStreamDefaultReader<Uint8Array> = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ClientError(413, `request body over ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A JSON object body: the media type, the size, the syntax and the top-level type are checked here. */
export async function readJsonObject(request: Request, limit: number): Promise<Record<string, unknown>> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) throw new ClientError(415, 'expected Content-Type: application/json');
  const bytes = await readBody(request, limit);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw badRequest('the body is not valid UTF-8 JSON');
  }
  if (typeof value != 'object' || value === null || Array.isArray(value)) throw badRequest('expected a JSON object');
  return value as Record<string, unknown>;
}

/** Compares two secrets in time that does not depend on where they differ (hashes first, so lengths match). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
