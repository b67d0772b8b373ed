/**
 * Reading `document.cookie`, for the returning visit's loader and for cookie-jar.ts, which does
 * every write and delete. Never throws: markup that clobbers `document.cookie`
 * (`<img name="cookie">`) is read past, and a document without cookie access (a sandboxed iframe)
 * reads as `undefined`.
 */

/** The page's cookies as `document.cookie` gives them; `undefined` where the document may have none. */
export function cookieText(): string | undefined {
  try {
    // Document.prototype's own accessor: markup can shadow document.cookie (<img name="cookie">),
    // never this. (A cookie guard guards writes; reading past it is what it would return.)
    return globalThis.document ? (Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!.get!.call(document) as string) : '';
  } catch {
    // A sandboxed iframe without allow-same-origin: reading throws a SecurityError (undefined).
  }
}

/**
 * Every value of the cookies called `name` this page can see (the host's, parent domains',
 * every path up to this page's), in the browser's order: longest path first, then oldest first.
 * `undefined` where the document has no cookie access.
 */
export function cookieValues(name: string): string[] | undefined {
  const prefix = `${name}=`;
  return cookieText()
    ?.split('; ')
    .filter((pair) => pair.startsWith(prefix))
    .map((pair) => pair.slice(prefix.length));
}
