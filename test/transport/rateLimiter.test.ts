/**
 * The limiter's promises, on a fake clock (no real waiting, no timing assertions): one process
 * alone never causes a 429 however latency varies; the credential's setting is a ceiling;
 * Retry-After is honoured; retries are served before fresh calls; after idling, half the budget
 * goes first; a 429 takes a process that held more than half of the window down to half and
 * costs any other at most a call; shares grow back, faster the longer no 429 comes; each API
 * family has its own budget.
 */
import {
	RateLimiter,
	apiFamilyOf,
	limiterFor,
	type Clock,
	type Slot,
} from '../../nodes/shared/transport/rateLimiter';
import { clearProcessCaches } from '../harness/processCaches';
import { seededRandom } from '../../sandbox/src/seededRandom';

const WINDOW = 5000;

/** Time moves only when the test says so; `random` is scripted so jitter is reproducible. */
class FakeClock implements Clock {
	time = 0;

	randomValue = 0;

	private timers: Array<{ at: number; resolve: () => void }> = [];

	now = () => this.time;

	random = () => this.randomValue;

	sleep = async (ms: number) =>
		await new Promise<void>((resolve) => this.timers.push({ at: this.time + ms, resolve }));

	/** Moves time forward, firing due timers in order and letting their continuations run. */
	async advance(ms: number): Promise<void> {
		const target = this.time + ms;
		for (;;) {
			await settle();
			const due = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0];
			if (!due) break;
			this.timers.splice(this.timers.indexOf(due), 1);
			this.time = Math.max(this.time, due.at);
			due.resolve();
		}
		this.time = target;
		await settle();
	}
}

const settle = async () => await new Promise<void>((resolve) => setImmediate(resolve));

function maxInAnyWindow(times: number[], windowMs: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	let max = 0;
	let first = 0;
	for (let last = 0; last < sorted.length; last++) {
		// LeadSquared's sliding window as the sandbox keeps it: (t - window, t].
		while (sorted[first] <= sorted[last] - windowMs) first++;
		max = Math.max(max, last - first + 1);
	}
	return max;
}

/** Completes one call: it is answered `latency` after its slot was granted. */
async function answerAfter(clock: FakeClock, slot: Slot, latency: number): Promise<void> {
	await clock.sleep(latency);
	slot.release(clock.now());
}

describe('pacing that counts what LeadSquared counts', () => {
	it('never lets more than the limit be counted in any window, wherever between start and answer the server counts', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(25, clock);
		const random = seededRandom(7);
		const counted: number[] = [];
		let next = 0;
		let done = 0;

		const worker = async () => {
			while (next < 300) {
				next++;
				const slot = await limiter.acquire();
				// Latency from 20 ms to 1.5 s; the server counts the call anywhere inside it.
				const latency = 20 + random() * 1480;
				counted.push(clock.now() + random() * latency);
				await answerAfter(clock, slot, latency);
				done++;
			}
		};
		const workers = Promise.all(Array.from({ length: 40 }, worker));
		while (done < 300) await clock.advance(50);
		await workers;

		expect(maxInAnyWindow(counted, WINDOW)).toBeLessThanOrEqual(25);
		// Throughput is `limit` per (window + latency): 12 rounds of at most 5.05 s + 1.5 s.
		expect(clock.now()).toBeLessThan(12 * (WINDOW * 1.01 + 1500));
	});

	it('frees a slot at once when the call was never sent', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(1, clock);
		const first = await limiter.acquire();
		const second = limiter.acquire();
		first.release(clock.now(), { sent: false });
		await clock.advance(0);

		await expect(second).resolves.toBeDefined();
	});

	it('keeps a slot held while its call is in flight, however long', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(1, clock);
		const inFlight = await limiter.acquire();
		let granted = false;
		void limiter.acquire().then(() => (granted = true));

		await clock.advance(60_000);
		expect(granted).toBe(false);

		inFlight.release(clock.now());
		await clock.advance(WINDOW - 1);
		expect(granted).toBe(false);
		await clock.advance(WINDOW * 0.01 + 1);
		expect(granted).toBe(true);
	});
});

describe("the credential's Rate Limit is a ceiling", () => {
	it('is not raised by a higher figure from LeadSquared', () => {
		const limiter = new RateLimiter(10, new FakeClock());
		limiter.throttled({ limit: 25, windowSeconds: 5 });

		expect(limiter.accountLimit).toBe(10);
		expect(limiter.limit).toBeLessThanOrEqual(10);
	});

	it('is lowered by a lower figure from LeadSquared, which then explains the 429 without shrinking the share', async () => {
		const limiter = new RateLimiter(25, new FakeClock());
		await Promise.all(Array.from({ length: 10 }, async () => await limiter.acquire()));
		limiter.throttled({ limit: 10, windowSeconds: 5 });

		expect(limiter.accountLimit).toBe(10);
		expect(limiter.limit).toBe(10);
	});

	it("takes a lower figure as someone else's spending too when this process sent fewer calls than it", async () => {
		const limiter = new RateLimiter(25, new FakeClock());
		await Promise.all(Array.from({ length: 3 }, async () => await limiter.acquire()));
		limiter.throttled({ limit: 24, windowSeconds: 5 });

		expect(limiter.accountLimit).toBe(24);
		expect(limiter.limit).toBe(4); // its first share: the 3 calls it had, and one more
	});

	it("scales to the window LeadSquared names, never above the setting's pace", () => {
		const limiter = new RateLimiter(25, new FakeClock());
		limiter.throttled({ limit: 100, windowSeconds: 1 });

		expect(limiter.window).toBe(1000);
		expect(limiter.accountLimit).toBe(5);
	});

	it('forgets what LeadSquared reported when the setting changes', () => {
		const limiter = new RateLimiter(25, new FakeClock());
		limiter.throttled({ limit: 10, windowSeconds: 5 });
		limiter.configure(25);
		expect(limiter.accountLimit).toBe(10);

		limiter.configure(20);
		expect(limiter.accountLimit).toBe(20);
		expect(limiter.limit).toBe(20);
	});
});

describe('Retry-After', () => {
	it('holds every call of the family back until it has passed', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(25, clock);
		limiter.throttled({ retryAfterMs: 30_000 });
		let granted = false;
		void limiter.acquire().then(() => (granted = true));

		await clock.advance(29_999);
		expect(granted).toBe(false);
		await clock.advance(1);
		expect(granted).toBe(true);
	});
});

describe('fairness', () => {
	it('serves a retried call before fresh calls that waited longer, then the fresh ones in order', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(1, clock);
		const held = await limiter.acquire();
		const order: string[] = [];
		const take = async (name: string, isRetry: boolean) => {
			const slot = await limiter.acquire(undefined, isRetry);
			order.push(name);
			slot.release(clock.now());
		};

		const all = Promise.all([take('fresh A', false), take('fresh B', false), take('retry', true)]);
		held.release(clock.now());
		await clock.advance(4 * WINDOW);
		await all;

		expect(order).toEqual(['retry', 'fresh A', 'fresh B']);
	});

	it('gives up waiting as soon as the execution is cancelled, without blocking the others', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(1, clock);
		const held = await limiter.acquire();
		const controller = new AbortController();

		const cancelled = limiter.acquire(controller.signal);
		const other = limiter.acquire();
		controller.abort();
		await expect(cancelled).rejects.toThrow('The execution was cancelled');

		held.release(clock.now());
		await clock.advance(2 * WINDOW);
		await expect(other).resolves.toBeDefined();
	});
});

describe('sharing the account with other processes', () => {
	/** Asks for `calls` slots at once; the array fills as the limiter grants them. */
	function request(limiter: RateLimiter, calls: number): Slot[] {
		const granted: Slot[] = [];
		for (let index = 0; index < calls; index++)
			void limiter.acquire().then((slot) => granted.push(slot));
		return granted;
	}

	/** A process that spent `calls` of its budget in the last moments, all answered. */
	async function busyLimiter(clock: FakeClock, calls: number, ceiling = 20): Promise<RateLimiter> {
		const limiter = new RateLimiter(ceiling, clock);
		const granted = request(limiter, calls);
		// After idling the budget opens in steps, each once the calls before are answered.
		for (let answered = 0; answered < calls; ) {
			await clock.advance(100);
			for (const slot of granted.slice(answered)) slot.release(clock.now());
			answered = granted.length;
		}
		return limiter;
	}

	it('after idling, sends 40% of its budget, then 70%, then all, each step once the calls before are answered', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(20, clock);
		const granted = request(limiter, 20);
		await clock.advance(0);
		expect(granted).toHaveLength(8);

		granted.slice(0, 7).forEach((slot) => slot.release(clock.now()));
		await clock.advance(0);
		expect(granted).toHaveLength(8); // one answer still awaited
		granted[7].release(clock.now());
		await clock.advance(0);
		expect(granted).toHaveLength(14);
		granted.slice(8).forEach((slot) => slot.release(clock.now()));
		await clock.advance(0);
		expect(granted).toHaveLength(20);
	});

	it('holds the next steps back when a 429 comes among the answers, and takes what it had as its share', async () => {
		const clock = new FakeClock();
		const limiter = new RateLimiter(20, clock);
		const granted = request(limiter, 20);
		await clock.advance(0);
		granted.slice(0, 5).forEach((slot) => slot.release(clock.now()));
		granted[5].release(clock.now(), { throttled: true });
		limiter.throttled({ limit: 20, windowSeconds: 5 });

		// 5 accepted and 2 in flight: 7 of the window were its own, so its share is 8.
		expect(limiter.limit).toBe(8);
		granted.slice(6).forEach((slot) => slot.release(clock.now()));
		await clock.advance(0);
		expect(granted).toHaveLength(8); // no next step: its 8 slots are held for a window
	});

	it("steps down to half on a 429 when it held more than half of the window, counting one burst's 429s once", async () => {
		const clock = new FakeClock();
		const limiter = await busyLimiter(clock, 20);

		limiter.throttled({ limit: 20, windowSeconds: 5 });
		expect(limiter.limit).toBe(10);
		limiter.throttled({ limit: 20, windowSeconds: 5 });
		expect(limiter.limit).toBe(10);
	});

	it('gives back between half a call and a call when it held at most half, since another process most likely grew', async () => {
		const clock = new FakeClock();
		const limiter = await busyLimiter(clock, 20);
		limiter.throttled({ limit: 20, windowSeconds: 5 });
		await clock.advance(2 * WINDOW);
		expect(limiter.limit).toBe(11); // grown back by one
		// Idle for two windows, so it sends 40% first: 4 of its 11.
		await Promise.all(Array.from({ length: 4 }, async () => await limiter.acquire()));

		limiter.throttled({ limit: 20, windowSeconds: 5 });
		expect(limiter.limit).toBe(10); // 11 - 0.5, with no jitter
		clock.randomValue = 0.99;
		await clock.advance(WINDOW);
		limiter.throttled({ limit: 20, windowSeconds: 5 });
		expect(limiter.limit).toBe(9); // 10.5 - 0.995
	});

	it('grows back a call two windows after the 429, then one per quiet window, doubling after two quiet steps, up to the ceiling', async () => {
		const clock = new FakeClock();
		const limiter = await busyLimiter(clock, 20);
		limiter.throttled({ limit: 20, windowSeconds: 5 });
		expect(limiter.limit).toBe(10);

		await clock.advance(2 * WINDOW - 1);
		expect(limiter.limit).toBe(10);
		await clock.advance(1);
		expect(limiter.limit).toBe(11);
		await clock.advance(WINDOW);
		expect(limiter.limit).toBe(12);
		await clock.advance(WINDOW);
		expect(limiter.limit).toBe(14);
		await clock.advance(WINDOW);
		expect(limiter.limit).toBe(18);
		await clock.advance(WINDOW);
		expect(limiter.limit).toBe(20);
	});

	it("holds a refused call's slot up to half a window longer, at random, so its retry does not come back to the same spot", async () => {
		const clock = new FakeClock();
		clock.randomValue = 0.5;
		const limiter = new RateLimiter(1, clock);
		const refused = await limiter.acquire();
		refused.release(clock.now(), { throttled: true });
		let granted = false;
		void limiter.acquire().then(() => (granted = true));

		await clock.advance(WINDOW * 1.01 + WINDOW * 0.25 - 1);
		expect(granted).toBe(false);
		await clock.advance(1);
		expect(granted).toBe(true);
	});

	it('spreads processes apart with jitter in the decrease and in the growth period', async () => {
		const steady = new FakeClock();
		const jittered = new FakeClock();
		jittered.randomValue = 0.99;
		const a = await busyLimiter(steady, 20);
		const b = await busyLimiter(jittered, 20);

		a.throttled({ limit: 20, windowSeconds: 5 });
		b.throttled({ limit: 20, windowSeconds: 5 });
		expect(b.limit).toBeLessThan(a.limit); // 20 / 2 * (1 - 0.05 * 0.99) = 9.5

		await steady.advance(2 * WINDOW);
		await jittered.advance(2 * WINDOW);
		expect(a.limit).toBe(11);
		expect(b.limit).toBe(9); // not grown yet: its first period is almost three windows
	});
});

describe('a budget per API family', () => {
	afterEach(clearProcessCaches);

	it('derives the family from the API and the path, so operations need not say it', () => {
		expect(apiFamilyOf('v2', 'LeadManagement.svc/Lead.Update')).toBe('v2');
		expect(apiFamilyOf('v2', 'LeadManagement.svc/Lead/Bulk/Update')).toBe('bulk');
		expect(apiFamilyOf('v2', 'ProspectActivity.svc/Bulk/Create')).toBe('bulk');
		expect(apiFamilyOf('async', 'lead/capture')).toBe('async');
		expect(apiFamilyOf('asyncStatus', 'lead/status')).toBe('asyncStatus');
	});

	it("teaches a bulk 429's figure to bulk calls only", () => {
		const bulk = limiterFor('account', 'bulk', 25);
		bulk.throttled({ limit: 1, windowSeconds: 5 });

		expect(limiterFor('account', 'bulk', 25).accountLimit).toBe(1);
		expect(limiterFor('account', 'v2', 25).accountLimit).toBe(25);
		expect(limiterFor('account', 'async', 25).accountLimit).toBe(25);
		expect(limiterFor('other account', 'bulk', 25).accountLimit).toBe(25);
	});
});
