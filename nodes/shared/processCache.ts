/**
 * Creates a cache that lives as long as the n8n process and is shared by every execution in it,
 * such as the host that auto-detection found for an account. State that outlives an execution
 * is created only through this function, so it is all listed in one place. The test harness
 * substitutes this module (test/setup-env.ts) to start every test with empty caches; shipped
 * code has no way to clear them.
 */
export function processCache<Key, Value>(): Map<Key, Value> {
	return new Map<Key, Value>();
}
