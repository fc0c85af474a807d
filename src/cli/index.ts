import { defaultDeps } from '../gate/default-deps.js';
import { main } from './main.js';

process.exitCode = await main(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  },
  defaultDeps(),
);
