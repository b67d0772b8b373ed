import type { EventName } from '@lit/react';

/**
 * A `keuze-*` DOM event's name, typed from its one definition in the elements'
 * `GlobalEventHandlersEventMap`, so the React prop mapped to it receives that event's type.
 */
export const keuzeEvent = <K extends keyof GlobalEventHandlersEventMap & `keuze-${string}`>(name: K): EventName<GlobalEventHandlersEventMap[K]> => name as EventName<GlobalEventHandlersEventMap[K]>;
