import { createServer } from 'node:net';

let next = Number(process.env.KEUZE_TEST_PORT_BASE ?? 55770) + (process.pid % 10) * 3;
const last = Number(process.env.KEUZE_TEST_PORT_LAST ?? 55799);

/**
 * A port that is free now, from KEUZE_TEST_PORT_BASE…KEUZE_TEST_PORT_LAST (55770–55799 by default),
 * so test servers stay out of the way of other servers on a shared machine.
 */
export async function freePort() {
  for (let tries = 0; tries <= last - 55770 + 1; tries++) {
    const port = next;
    next = next >= last ? Number(process.env.KEUZE_TEST_PORT_BASE ?? 55770) : next + 1;
    const free = await new Promise((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in the test range');
}
