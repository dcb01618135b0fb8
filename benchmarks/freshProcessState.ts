/**
 * Each benchmark scenario stands for a fresh n8n process. The node keeps rate limiters and
 * detected hosts in process-wide caches made by nodes/shared/processCache, which has no reset
 * of its own; here, as in the tests, that module is replaced by the test double whose caches can
 * be emptied. Import this before anything that imports the nodes.
 */
import * as resettableCaches from '../test/harness/processCaches';

const shipped = require.resolve('../nodes/shared/processCache');
require.cache[shipped] = {
	id: shipped,
	filename: shipped,
	loaded: true,
	exports: resettableCaches,
} as unknown as NodeJS.Module;

export const startAsFreshProcess = resettableCaches.clearProcessCaches;
