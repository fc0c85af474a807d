// Loaded with `node --import` by the bench harness: on exit, append this process's
// peak resident set size (kB) to the file named by BENCH_RSS_FILE, and its CPU seconds to
// BENCH_CPU_FILE when that is set.
//
// Linux's VmHWM (/proc/self/status) when there is one: getrusage's maxRSS survives exec, so
// a child spawned by a large parent (fork, then exec) reports the parent's RSS at the fork —
// bench/pgvector.ts's validate showed 957 MB while its own RSS never passed 185 MB, because
// the bench process held PGlite. VmHWM is the peak of this process's own address space.
import { appendFileSync, readFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    let kb = process.resourceUsage().maxRSS;
    try {
      const hwm = /VmHWM:\s+(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'));
      if (hwm) kb = Number(hwm[1]);
    } catch {
      // not Linux: getrusage it is
    }
    appendFileSync(file, `${kb}\n`);
    // CPU seconds of the whole process (every thread: onnxruntime's, the scan's workers).
    const cpuFile = process.env.BENCH_CPU_FILE;
    if (cpuFile) {
      const { user, system } = process.cpuUsage();
      appendFileSync(cpuFile, `${(user + system) / 1e6}\n`);
    }
  });
}
