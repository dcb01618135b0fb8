/**
 * Several processes sharing one LeadSquared account, simulated on a virtual clock with the real
 * RateLimiter: each process (a queue-mode worker) runs its own limiter, with no coordination,
 * and pushes its items through it 25 at a time, retrying a 429 after a window as the transport
 * does. The stand-in counts accepted calls in a sliding window, as the sandbox does.
 *
 * It exists to compare pacing rules quickly and repeatably (seeded, many runs in seconds), and
 * prints each case beside the same processes given fixed equal shares, which is what perfect
 * coordination would achieve. The figures that count are the real ones from `npm run bench`
 * and `npm run bench:queue`; this shows how rules behave in cases those do not run.
 *   usage: npm run bench:sharing          (BENCH_SHARING_RUNS=20 seeded runs per case)
 */
import { RateLimiter, type Clock } from '../nodes/shared/transport/rateLimiter';
import { budgetShare, WINDOW_S } from './budget';
import { seededRandom } from '../sandbox/src/seededRandom';

const LIMIT = 25;
const WINDOW_MS = WINDOW_S * 1000;
const ITEMS = 300;
const IN_FLIGHT = 25;

/** Timers fire in time order; between them, every promise continuation runs. */
class VirtualClock implements Clock {
	time = 0;

	private timers: Array<{ at: number; order: number; resolve: () => void }> = [];

	private created = 0;

	constructor(readonly random: () => number) {}

	now = () => this.time;

	sleep = async (ms: number) =>
		await new Promise<void>((resolve) =>
			this.timers.push({ at: this.time + Math.max(0, ms), order: this.created++, resolve }),
		);

	async runUntilIdle(): Promise<void> {
		for (;;) {
			await new Promise<void>((resolve) => setImmediate(resolve));
			if (this.timers.length === 0) return;
			let next = 0;
			for (let index = 1; index < this.timers.length; index++) {
				const [a, b] = [this.timers[index], this.timers[next]];
				if (a.at < b.at || (a.at === b.at && a.order < b.order)) next = index;
			}
			const [due] = this.timers.splice(next, 1);
			this.time = Math.max(this.time, due.at);
			due.resolve();
		}
	}
}

interface Scenario {
	name: string;
	/** When each process starts its execution, ms. */
	starts: number[];
}

interface Outcome {
	share: number;
	throttledFraction: number;
	/** The longest time any execution went without an accepted call, in windows. */
	longestWait: number;
	/** From the first execution to finish to the last, in windows. */
	finishSpread: number;
}

/**
 * Delays as the real benchmarks see them: n8n's own time from the limiter's grant to the request
 * leaving (10-110 ms, mostly short), counted 0-150 ms after arrival, answered 50-300 ms later.
 * With these, one process here gets about the share one real n8n process gets.
 */
async function simulate(
	scenario: Scenario,
	seed: number,
	limiterFor: (process: number, clock: Clock) => RateLimiter,
): Promise<Outcome> {
	const random = seededRandom(seed);
	const clock = new VirtualClock(random);
	const window: number[] = [];
	const calls: Array<{ process: number; countedAt: number; accepted: boolean }> = [];

	async function send(process: number): Promise<boolean> {
		await clock.sleep(10 + random() ** 2 * 100);
		await clock.sleep(random() * 150);
		const now = clock.now();
		while (window.length > 0 && window[0] <= now - WINDOW_MS) window.shift();
		const accepted = window.length < LIMIT;
		if (accepted) window.push(now);
		calls.push({ process, countedAt: now, accepted });
		await clock.sleep(50 + random() * 250);
		return accepted;
	}

	async function execution(process: number, startAt: number): Promise<void> {
		await clock.sleep(startAt);
		const limiter = limiterFor(process, clock);
		let started = 0;
		const worker = async () => {
			while (started < ITEMS) {
				started++;
				for (let attempt = 0; ; attempt++) {
					const slot = await limiter.acquire(undefined, attempt > 0);
					const accepted = await send(process);
					slot.release(clock.now(), { throttled: !accepted });
					if (accepted) break;
					limiter.throttled({ limit: LIMIT, windowSeconds: WINDOW_S });
					await clock.sleep(limiter.window);
				}
			}
		};
		await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
	}

	const done = Promise.all(
		scenario.starts.map(async (start, index) => await execution(index, start)),
	);
	await clock.runUntilIdle();
	await done;

	const accepted = calls.filter((call) => call.accepted);
	const times = accepted.map((call) => call.countedAt);
	let longestWait = 0;
	const finishes = scenario.starts.map((start, process) => {
		const mine = accepted.filter((call) => call.process === process).map((call) => call.countedAt);
		let previous = start;
		for (const at of mine) {
			longestWait = Math.max(longestWait, at - previous);
			previous = at;
		}
		return previous;
	});
	return {
		share: budgetShare(accepted.length, LIMIT, Math.max(...times) - Math.min(...times)),
		throttledFraction: (calls.length - accepted.length) / calls.length,
		longestWait: longestWait / WINDOW_MS,
		finishSpread: (Math.max(...finishes) - Math.min(...finishes)) / WINDOW_MS,
	};
}

function spread(values: number[], format: (value: number) => string): string {
	const sorted = [...values].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)];
	return `${format(sorted[0])} / ${format(median)} / ${format(sorted[sorted.length - 1])}`;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const windows = (value: number) => value.toFixed(1);

/** Fixed equal shares that add up to the limit: what perfect coordination would give. */
function coordinated(processes: number) {
	return (process: number, clock: Clock) =>
		new RateLimiter(Math.floor(LIMIT / processes) + (process < LIMIT % processes ? 1 : 0), clock);
}

async function main() {
	const runs = Number(process.env.BENCH_SHARING_RUNS ?? 20);
	const scenarios: Scenario[] = [
		{ name: '1 process', starts: [0] },
		{ name: '2 processes, started together', starts: [0, 0] },
		{ name: '3 processes, started together', starts: [0, 0, 0] },
		{ name: '5 processes, started together', starts: [0, 0, 0, 0, 0] },
		{ name: '2 processes, the 2nd 20 s later', starts: [0, 20_000] },
		{ name: '3 processes, 10 s apart', starts: [0, 10_000, 20_000] },
	];
	console.log(
		`\n## Sharing one account, simulated: ${ITEMS} items per process, ${LIMIT} calls per ${WINDOW_S} s, ${runs} seeded runs per case (min / median / max)\n`,
	);
	console.log(
		'| case | share of budget | with perfect coordination | 429s of calls | longest wait for an accepted call, windows | first to last execution finishing, windows |',
	);
	console.log('|---|---|---|---|---|---|');
	for (const scenario of scenarios) {
		const shared: Outcome[] = [];
		const ideal: Outcome[] = [];
		const together = scenario.starts.every((start) => start === 0);
		for (let seed = 1; seed <= runs; seed++) {
			shared.push(await simulate(scenario, seed, (_, clock) => new RateLimiter(LIMIT, clock)));
			if (together) ideal.push(await simulate(scenario, seed, coordinated(scenario.starts.length)));
		}
		console.log(
			`| ${scenario.name} | ${spread(
				shared.map((outcome) => outcome.share),
				percent,
			)} | ${
				together
					? spread(
							ideal.map((outcome) => outcome.share),
							percent,
						)
					: 'n/a'
			} | ${spread(
				shared.map((outcome) => outcome.throttledFraction),
				percent,
			)} | ${spread(
				shared.map((outcome) => outcome.longestWait),
				windows,
			)} | ${spread(
				shared.map((outcome) => outcome.finishSpread),
				windows,
			)} |`,
		);
	}
}

void main();
