// Preload for the crash test: the process is killed (SIGKILL, no cleanup) at the moment it
// would rename a temp file over the registry, i.e. after the new content is written and
// flushed and before it replaces the old file.
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const target = process.env.CRASH_ON_RENAME_TO;
const rename = fsp.rename;
fsp.rename = async (from, to) => {
  if (target && String(to) === target) process.kill(process.pid, 'SIGKILL');
  return rename(from, to);
};
syncBuiltinESMExports();
