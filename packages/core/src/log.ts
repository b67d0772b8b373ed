// One prefix for every message, so a site owner can filter the console for Keuze.
const PREFIX = '[keuze]';

export const logError = (...args: unknown[]): void => console.error(PREFIX, ...args);
export const logWarning = (...args: unknown[]): void => console.warn(PREFIX, ...args);
