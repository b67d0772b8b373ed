/**
 * A fixed-window count of requests per client and minute, in this process's memory (each instance
 * counts its own; behind a load balancer the limit applies per instance). Client keys are never
 * written anywhere and are forgotten with their window.
 */
export function createRateLimit(perMinute: number): (client: string) => boolean {
  if (perMinute <= 0) return () => true;
  let window = 0;
  let counts = new Map<string, number>();
  return (client) => {
    const now = Math.floor(Date.now() / 60_000);
    if (now !== window) {
      window = now;
      counts = new Map();
    }
    const count = (counts.get(client) ?? 0) + 1;
    counts.set(client, count);
    return count <= perMinute;
  };
}
