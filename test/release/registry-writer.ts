/**
 * A separate process that changes a registry, for the concurrency and crash tests:
 * `node --import tsx registry-writer.ts <registry> <channel> <count>` promotes the channel
 * alternately to 1.0.0 and 1.1.0, `count` times, each a locked read-change-write.
 */
import { promote, updateRegistry } from '../../src/release/registry-ops.js';

const [file, channel, count] = process.argv.slice(2) as [string, string, string];
for (let i = 0; i < Number(count); i++) {
  await updateRegistry(
    file,
    (reg) =>
      promote(reg, {
        name: 'products-text',
        channel,
        version: i % 2 === 0 ? '1.1.0' : '1.0.0',
        at: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`,
        actor: `writer-${channel}`,
        reason: `step ${i}`,
      }),
    { lock: { staleMs: 60_000, timeoutMs: 60_000 } },
  );
}
