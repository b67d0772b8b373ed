/**
 * Resolves once the next frame is painted (at once in a hidden tab, which paints nothing): work
 * after it, such as storing a choice or loading the engine, never holds back what the visitor sees.
 */
export const afterPaint = (): Promise<void> => new Promise((resolve) => (document.hidden ? resolve() : requestAnimationFrame(() => setTimeout(resolve))));
