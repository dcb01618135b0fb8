/**
 * The test double of nodes/shared/processCache.ts (substituted in test/setup-env.ts): the same
 * Map, remembered, so that every test can start with no detected hosts or other state left by
 * the test before.
 */
const created: Array<Map<unknown, unknown>> = [];

export function processCache<Key, Value>(): Map<Key, Value> {
	const cache = new Map<Key, Value>();
	created.push(cache as Map<unknown, unknown>);
	return cache;
}

export function clearProcessCaches(): void {
	for (const cache of created) cache.clear();
}
