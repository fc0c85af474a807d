// The runner's entry: only calls run(), which takes its real dependencies itself.
import { run } from './main.js';

await run();
