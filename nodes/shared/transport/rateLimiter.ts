import { sleep } from 'n8n-workflow';

import { processCache } from '../processCache';

/**
 * Paces one account's calls to one LeadSquared API family so that this process alone can never
 * cause a 429, and so that several processes sharing the account settle on shares of it.
 *
 * Why reservations and not call starts: LeadSquared counts a call at some moment between the
 * moment we send it and the moment its answer arrives, and we cannot see which. So each call
 * holds a slot from its start until its answer plus a window; at most `limit` slots are held at
 * once. If `limit + 1` calls were ever counted inside one window, all their slots would have
 * been held at the latest of their starts, which the rule forbids. Conversely, for calls known
 * only by [start, answer], any schedule that starts a call while `limit` slots are held can be
 * counted `limit + 1` times in one window, so no pacing that knows only start and answer
 * times can safely do better: throughput is `limit` per (window + latency).
 *
 * Other processes (queue-mode workers, other n8n instances, other integrations using the same
 * keys) spend the same budget unseen; a 429 while this process kept to its own pace is their
 * footprint. What a 429 does not say is who grew: a process that adds a call takes the room that
 * another's next call was about to use, and that other process gets the 429. So a 429 costs the
 * process that gets it little, unless it held more than half of the window, which is more than
 * its fair part whatever the number of sharers (see `shrinkShare`). Shares grow back slowly while
 * others may still be there and fast once a few windows have passed without a 429 (see
 * `growShare`). The figures behind these choices come from `npm run bench:queue` (real n8n
 * workers) and `benchmarks/sharingSimulation.ts` (the same limiter on a virtual clock).
 */
export class RateLimiter {
	private readonly slots: Slot[] = [];

	private readonly waiters: Waiter[] = [];

	private pumping = false;

	private wake: (() => void) | undefined;

	private pausedUntil = 0;

	private windowMs: number;

	/** The per-window figure from LeadSquared's own 429 message; it may only lower the pace. */
	private reportedLimit: number | undefined;

	/** This process's share of the account's budget, in calls per window; unlimited until a 429. */
	private share = Number.POSITIVE_INFINITY;

	private lastDecreaseAt = Number.NEGATIVE_INFINITY;

	/** Increases since the last decrease. */
	private quietSteps = 0;

	private nextIncreaseAt = 0;

	/**
	 * After idling, the calls of the current stage of the first burst, until they are all
	 * answered. Processes started together (queue-mode workers given executions at once) know
	 * nothing of each other yet: if each sent its whole budget at once, half of all those calls
	 * would be refused with two processes, two thirds with three. Sent in steps (40% of the
	 * budget, then 70%, then all), a 429 among one step's answers holds the next steps back, and
	 * only the calls of one step can be refused.
	 */
	private firstBurst: Slot[] | undefined = [];

	/** Which of `firstBurstStages` the first burst has reached. */
	private firstBurstStage = 0;

	constructor(
		/** The credential's Rate Limit, calls per RATE_WINDOW_MS: a ceiling nothing may raise. */
		private ceilingPer5Seconds: number,
		private readonly clock: Clock = SYSTEM_CLOCK,
		private readonly tuning: Tuning = DEFAULT_TUNING,
	) {
		this.windowMs = RATE_WINDOW_MS;
	}

	get window(): number {
		return this.windowMs;
	}

	/** The most calls the user's setting allows per window of the current length (at least one). */
	private get ceiling(): number {
		return Math.max(1, Math.floor((this.ceilingPer5Seconds * this.windowMs) / RATE_WINDOW_MS));
	}

	/** The most calls LeadSquared and the user allow per window, before sharing. */
	get accountLimit(): number {
		return Math.min(this.ceiling, this.reportedLimit ?? Number.POSITIVE_INFINITY);
	}

	/** Slots this process may hold at once: its share of the account's budget. */
	get limit(): number {
		this.growShare();
		return Math.max(1, Math.min(this.accountLimit, Math.floor(this.share)));
	}

	/** The limit, or part of it while the first burst after idling is awaited. */
	private slotsAllowedNow(): number {
		const limit = this.limit;
		const burst = this.firstBurst;
		if (!burst) return limit;
		const stages = this.tuning.firstBurstStages;
		if (burst.length > 0 && burst.every((slot) => slot.answeredAt !== undefined)) {
			this.firstBurstStage++;
			this.firstBurst = [];
		}
		if (this.firstBurstStage >= stages.length) {
			this.firstBurst = undefined;
			return limit;
		}
		return Math.max(1, Math.ceil(limit * stages[this.firstBurstStage]));
	}

	/** Applies the credential's setting; a changed setting also forgets what LeadSquared reported. */
	configure(ceilingPer5Seconds: number): void {
		if (ceilingPer5Seconds === this.ceilingPer5Seconds) return;
		this.ceilingPer5Seconds = ceilingPer5Seconds;
		this.reportedLimit = undefined;
		this.windowMs = RATE_WINDOW_MS;
		this.share = Number.POSITIVE_INFINITY;
		this.kick();
	}

	/**
	 * Resolves with a slot when the caller may send one call. Retries are served before fresh
	 * calls, so an item that was throttled is not overtaken by every newer item and starved;
	 * otherwise callers are served in arrival order.
	 */
	async acquire(signal?: AbortSignal, isRetry = false): Promise<Slot> {
		throwIfAborted(signal);
		return await new Promise<Slot>((resolve, reject) => {
			const waiter: Waiter = { priority: isRetry ? 1 : 0, resolve, reject };
			if (signal) {
				const onAbort = () => {
					this.removeWaiter(waiter);
					reject(new Error('The execution was cancelled'));
					this.kick();
				};
				signal.addEventListener('abort', onAbort, { once: true });
				waiter.detach = () => signal.removeEventListener('abort', onAbort);
			}
			const position = this.waiters.findIndex((other) => other.priority < waiter.priority);
			this.waiters.splice(position === -1 ? this.waiters.length : position, 0, waiter);
			this.kick();
			void this.pump();
		});
	}

	/**
	 * LeadSquared throttled a call of this family. `limit` and `windowSeconds` come from its
	 * message ("exceeded the limit of N in S second(s)"), `retryAfterMs` from a Retry-After
	 * header. A report may lower the pace below the setting; nothing raises it above.
	 */
	throttled(report: ThrottleReport = {}): void {
		const now = this.clock.now();
		const limitBefore = this.limit;
		const windowBefore = this.windowMs;
		if (report.windowSeconds && report.windowSeconds > 0)
			this.windowMs = report.windowSeconds * 1000;
		if (report.limit && report.limit > 0) this.reportedLimit = report.limit;

		// Only when our pace allowed more than LeadSquared's figure, and we did send that many,
		// is the 429 our own doing; the lower figure then fixes it. Otherwise someone else spent
		// the budget. Calls still in flight may yet be counted, so they count until answered.
		const ownPace = (limitBefore * this.windowMs) / windowBefore;
		const ownCalls = this.callsCountedSince(now - this.windowMs);
		const causedByOwnPace =
			this.reportedLimit !== undefined &&
			ownPace > this.reportedLimit &&
			ownCalls >= this.reportedLimit;
		if (!causedByOwnPace) this.shrinkShare(now, ownPace, ownCalls);

		if (report.retryAfterMs !== undefined && report.retryAfterMs > 0) {
			this.pausedUntil = Math.max(this.pausedUntil, now + report.retryAfterMs);
		}
		this.nextIncreaseAt = Math.max(
			this.nextIncreaseAt,
			now + this.windowMs * this.tuning.firstIncreaseWindows + this.increaseInterval(),
		);
		this.firstBurst = undefined;
		this.kick();
	}

	/**
	 * Someone else spent part of the window when LeadSquared refused. One burst can bring
	 * several 429s at once; they are one signal, not many.
	 * - A process that held more than half of the full window had more than its part however many
	 *   share the account: it steps down to half.
	 * - Any other process was most likely squeezed by one that grew: it gives back between half
	 *   a call and a call, at random, so a lasting excess drains from all sharers without
	 *   anyone being cut deep for another's growth.
	 * - The first 429 since this process started (or idled) is different: it has no share yet,
	 *   and takes what it actually had in the window.
	 */
	private shrinkShare(now: number, ownPace: number, ownCalls: number): void {
		if (now - this.lastDecreaseAt < this.windowMs) return;
		this.lastDecreaseAt = now;
		this.quietSteps = 0;
		const pace = Math.min(ownPace, this.share);
		const half = this.accountLimit / 2;
		const random = this.clock.random();
		let share: number;
		if (ownCalls > half) share = Math.min(pace, half * (1 - this.tuning.decreaseJitter * random));
		else if (!Number.isFinite(this.share)) share = Math.min(pace, ownCalls + 1);
		else share = this.share - this.tuning.smallerStepBack * (0.5 + 0.5 * random);
		this.share = Math.max(1, share);
	}

	private callsCountedSince(since: number): number {
		return this.slots.filter(
			(slot) => !slot.throttled && (slot.answeredAt === undefined || slot.answeredAt > since),
		).length;
	}

	/**
	 * One more call per quiet period (one to two windows at random, the first one a window
	 * later), so sharers that were throttled together do not grow and burst in lockstep. After
	 * two quiet steps the others have probably finished, and a process left alone at a small
	 * share would waste most of the budget for as long again: the step then doubles each time.
	 */
	private growShare(): void {
		if (!Number.isFinite(this.share)) return;
		const now = this.clock.now();
		while (now >= this.nextIncreaseAt && Number.isFinite(this.share)) {
			this.quietSteps++;
			const beyond = this.quietSteps - this.tuning.accelerateAfterSteps;
			this.share += beyond > 0 ? 2 ** beyond : 1;
			if (this.share >= this.accountLimit) this.share = Number.POSITIVE_INFINITY;
			this.nextIncreaseAt += this.increaseInterval();
		}
	}

	private increaseInterval(): number {
		return (
			this.windowMs *
			(this.tuning.increasePeriodWindows + this.tuning.increaseJitter * this.clock.random())
		);
	}

	private removeWaiter(waiter: Waiter): void {
		const index = this.waiters.indexOf(waiter);
		if (index !== -1) this.waiters.splice(index, 1);
	}

	/**
	 * A refused call's slot is held up to half a window longer, at random. Without that, the
	 * retry of a process whose calls arrive just after the window filled comes back to the same
	 * spot a window later and is refused again, window after window, while others get through.
	 */
	private onRelease(slot: Slot): void {
		if (slot.throttled)
			slot.extraHoldMs = this.tuning.refusedHoldJitter * this.windowMs * this.clock.random();
		this.kick();
	}

	/** Wakes the pump early: a slot was released, a waiter came or went, or the pace changed. */
	private kick(): void {
		const wake = this.wake;
		this.wake = undefined;
		wake?.();
	}

	private async pump(): Promise<void> {
		if (this.pumping) return;
		this.pumping = true;
		try {
			while (this.waiters.length > 0) {
				const wait = this.waitBeforeNextSlot();
				if (wait <= 0) {
					const waiter = this.waiters.shift() as Waiter;
					waiter.detach?.();
					const slot = new Slot(this.clock.now(), (released) => this.onRelease(released));
					this.slots.push(slot);
					this.firstBurst?.push(slot);
					waiter.resolve(slot);
					continue;
				}
				const woken = new Promise<void>((resolve) => (this.wake = resolve));
				await Promise.race(Number.isFinite(wait) ? [this.clock.sleep(wait), woken] : [woken]);
				this.wake = undefined;
			}
		} finally {
			this.pumping = false;
		}
	}

	/** Milliseconds until a slot frees up; Infinity while it depends on calls still in flight. */
	private waitBeforeNextSlot(): number {
		const now = this.clock.now();
		const hold = this.windowMs + Math.ceil(this.windowMs * this.tuning.marginFraction);
		for (let index = this.slots.length - 1; index >= 0; index--) {
			const slot = this.slots[index];
			if (slot.answeredAt !== undefined && slot.answeredAt + hold + slot.extraHoldMs <= now)
				this.slots.splice(index, 1);
		}
		if (this.slots.length === 0 && !this.firstBurst) {
			this.firstBurst = [];
			this.firstBurstStage = 0;
		}
		const pause = this.pausedUntil - now;
		const excess = this.slots.length - this.slotsAllowedNow() + 1;
		if (excess <= 0) return pause;
		const freeTimes = this.slots
			.filter((slot) => slot.answeredAt !== undefined)
			.map((slot) => (slot.answeredAt as number) + hold + slot.extraHoldMs)
			.sort((a, b) => a - b);
		// The share may grow before any slot frees up.
		const growth = Number.isFinite(this.share)
			? this.nextIncreaseAt - now
			: Number.POSITIVE_INFINITY;
		if (freeTimes.length < excess) return Math.max(pause, growth);
		return Math.max(pause, Math.min(growth, freeTimes[excess - 1] - now));
	}
}

/** One call's claim on the budget, from its start until its answer plus a window. */
export class Slot {
	answeredAt: number | undefined;

	/** LeadSquared answered 429: the call was refused, so it did not use this process's share. */
	throttled = false;

	/** Held this much longer than a window after the answer (refused calls only). */
	extraHoldMs = 0;

	constructor(
		readonly startedAt: number,
		private readonly onRelease: (slot: Slot) => void,
	) {}

	/**
	 * The call is over. A call that was never sent passes `sent: false` and frees the slot at
	 * once; anything that reached LeadSquared (a 429 included: it may count rejected calls) stays
	 * counted for a window after its answer.
	 */
	release(answeredAt: number, how: { sent?: boolean; throttled?: boolean } = {}): void {
		if (this.answeredAt !== undefined) return;
		this.answeredAt = how.sent === false ? Number.NEGATIVE_INFINITY : answeredAt;
		this.throttled = how.throttled === true;
		this.onRelease(this);
	}
}

export interface ThrottleReport {
	limit?: number;
	windowSeconds?: number;
	retryAfterMs?: number;
}

/** Time and randomness, injectable so tests run on a fake clock. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
	random(): number;
}

export const SYSTEM_CLOCK: Clock = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(ms),
	random: Math.random,
};

export interface Tuning {
	/** Share of the window added to every hold, for a server whose window is slightly longer than stated. */
	marginFraction: number;
	/** After idling, the parts of its budget a limiter allows, each once the calls before are answered. */
	firstBurstStages: number[];
	/** On a 429, a process holding at most half of the window gives back up to this many calls. */
	smallerStepBack: number;
	/** One holding more than half steps down to half, less up to this part of it at random. */
	decreaseJitter: number;
	/** A refused call's slot is held up to this part of a window longer, at random. */
	refusedHoldJitter: number;
	/** After a 429, growth waits this many windows more than a usual quiet period. */
	firstIncreaseWindows: number;
	/** One call more per this many windows, each period plus up to `increaseJitter` of a window. */
	increasePeriodWindows: number;
	increaseJitter: number;
	/** Increases without a 429 after which the step doubles each time. */
	accelerateAfterSteps: number;
}

export const DEFAULT_TUNING: Tuning = {
	marginFraction: 0.01,
	firstBurstStages: [0.4, 0.7],
	smallerStepBack: 1,
	decreaseJitter: 0.05,
	refusedHoldJitter: 0.5,
	firstIncreaseWindows: 1,
	increasePeriodWindows: 1,
	increaseJitter: 1,
	accelerateAfterSteps: 2,
};

interface Waiter {
	/** Retries 1, fresh calls 0; within a priority, waiters keep their order of arrival. */
	priority: number;
	resolve(slot: Slot): void;
	reject(error: Error): void;
	detach?: () => void;
}

function throwIfAborted(signal?: AbortSignal): void {
	if (signal?.aborted) throw new Error('The execution was cancelled');
}

/** `sleep` ignores abort signals on n8n 1.x, so race it against the signal ourselves. */
export async function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
	if (!signal) return await sleep(ms);
	throwIfAborted(signal);
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([sleep(ms), aborted]);
	} finally {
		if (onAbort) signal.removeEventListener('abort', onAbort);
	}
	throwIfAborted(signal);
}

/** LeadSquared's documented window: limits are stated "per 5 seconds". */
export const RATE_WINDOW_MS = 5000;

/**
 * Which budget a call spends. LeadSquared's rate-limit page gives bulk APIs their own, lower
 * budget; the async API's submits and status checks are separate services. Each family learns
 * its own figure from its own 429s, so a bulk 429 never slows ordinary calls.
 */
export type ApiFamily = 'v2' | 'bulk' | 'async' | 'asyncStatus';

export function apiFamilyOf(api: 'v2' | 'async' | 'asyncStatus', path: string): ApiFamily {
	if (api === 'v2' && /bulk/i.test(path)) return 'bulk';
	return api;
}

const limiters = processCache<string, RateLimiter>();

/** One limiter per account, host and API family for the whole process. */
export function limiterFor(
	accountKey: string,
	family: ApiFamily,
	ceilingPer5Seconds: number,
): RateLimiter {
	const key = `${accountKey}|${family}`;
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new RateLimiter(ceilingPer5Seconds);
		limiters.set(key, limiter);
	}
	limiter.configure(ceilingPer5Seconds);
	return limiter;
}

export interface DailyCap {
	message: string;
	statusCode: number;
	resetAt: number;
	resetSource: 'retryAfter' | 'inferredMidnightUtc';
}

/** Spent daily caps per account: until the reset, every call would be refused, so none is sent. */
const dailyCaps = processCache<string, DailyCap>();

export function spentDailyCap(accountKey: string, now: number): DailyCap | undefined {
	const cap = dailyCaps.get(accountKey);
	if (cap && cap.resetAt <= now) dailyCaps.delete(accountKey);
	return cap && cap.resetAt > now ? cap : undefined;
}

export function recordSpentDailyCap(accountKey: string, cap: DailyCap): void {
	dailyCaps.set(accountKey, cap);
}
