/**
 * Runs `task(0)` … `task(count - 1)` with at most `concurrency` running at once, in index order.
 * Once `stop()` returns true no further task starts; tasks already running finish first.
 */
export async function runPool(
	count: number,
	concurrency: number,
	task: (index: number) => Promise<void>,
	stop: () => boolean = () => false,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count && !stop()) await task(next++);
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
}

/** Like `Promise.all` over a pool, but stops starting work at the first failure and rethrows it. */
export async function mapPool<T, R>(
	values: T[],
	concurrency: number,
	fn: (value: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results: R[] = new Array(values.length);
	let failure: { error: unknown } | undefined;
	await runPool(
		values.length,
		concurrency,
		async (index) => {
			try {
				results[index] = await fn(values[index], index);
			} catch (error) {
				failure ??= { error };
			}
		},
		() => failure !== undefined,
	);
	if (failure) throw failure.error;
	return results;
}
