/**
 * The limiter's promise: never more than `limit` call starts inside any window, callers served
 * in arrival order, and a throttling signal holds every caller back for a whole window.
 */
import { RateLimiter } from '../../nodes/shared/transport/rateLimiter';

function maxStartsInAnyWindow(starts: number[], windowMs: number): number {
	let max = 0;
	for (let i = 0; i < starts.length; i++) {
		const inWindow = starts.filter((start) => start >= starts[i] && start < starts[i] + windowMs).length;
		max = Math.max(max, inWindow);
	}
	return max;
}

it('never starts more than the limit inside any window, and serves callers in order', async () => {
	const limiter = new RateLimiter(5, 200, 0.02);
	const starts: number[] = [];
	const order: number[] = [];

	await Promise.all(
		Array.from({ length: 17 }, async (_, caller) => {
			await limiter.acquire();
			starts.push(Date.now());
			order.push(caller);
		}),
	);

	expect(maxStartsInAnyWindow(starts, 200)).toBeLessThanOrEqual(5);
	expect(order).toEqual(Array.from({ length: 17 }, (_, caller) => caller));
});

it('adopts the limit and window LeadSquared reports and pauses everyone for a window', async () => {
	const limiter = new RateLimiter(50, 5000, 0.02);
	limiter.throttled(3, 0.1);
	const throttledAt = Date.now();

	await limiter.acquire();

	expect(limiter.limit).toBe(3);
	expect(limiter.window).toBe(100);
	expect(Date.now() - throttledAt).toBeGreaterThanOrEqual(100);
});

it('lets the credential\'s setting replace a learned limit when the setting changes', () => {
	const limiter = new RateLimiter(25, 5000, 0.02);
	limiter.throttled(10, 5);
	expect(limiter.limit).toBe(10);

	limiter.configure(25);
	expect(limiter.limit).toBe(10);

	limiter.configure(20);
	expect(limiter.limit).toBe(20);
});

it('gives up waiting as soon as the execution is cancelled', async () => {
	const limiter = new RateLimiter(1, 2000, 0.02);
	await limiter.acquire();
	const controller = new AbortController();

	const waiting = limiter.acquire(controller.signal);
	controller.abort();

	await expect(waiting).rejects.toThrow('The execution was cancelled');
});
