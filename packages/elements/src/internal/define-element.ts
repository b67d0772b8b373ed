/**
 * Registers a Keuze element once: a page that gets Keuze twice (the script tag and an npm bundle)
 * keeps the first definition instead of throwing.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
