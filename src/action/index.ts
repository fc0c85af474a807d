import { defaultDeps } from '../gate/default-deps.js';
import { run } from './main.js';

await run(defaultDeps());
