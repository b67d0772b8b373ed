// Removes build output so a build never ships a stale chunk.
import { rmSync } from 'node:fs';

for (const dir of ['dist', 'packages/core/dist', 'packages/elements/dist', 'packages/embed/dist']) rmSync(dir, { recursive: true, force: true });
