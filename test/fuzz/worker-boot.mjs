// Starts test/fuzz/worker.ts in a worker thread: a worker does not inherit tsx's loader from `npm run bench`.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
