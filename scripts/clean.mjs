// Removes build output so a build never ships a stale chunk.
import { rmSync } from 'node:fs';

for (const path of ['dist', 'packages/core/dist', 'packages/elements/dist', 'packages/elements/custom-elements.json', 'packages/embed/dist', 'packages/server/dist']) {
  rmSync(path, { recursive: true, force: true });
}
