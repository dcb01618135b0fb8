import { sleep } from 'n8n-workflow';

/**
 * Paces call starts so that no sliding window of `windowMs` holds more than `limit` of them.
 * LeadSquared counts calls per account, so one limiter is shared by every execution in this
 * n8n process that uses the same account (see `limiterFor`). Pacing instead of reacting to 429s
 * matters because LeadSquared sends no Retry-After: a 429 costs a whole window of waiting.
 */
export class RateLimiter {
	private starts: number[] = [];

	private pausedUntil = 0;

	private queue: Promise<void> = Promise.resolve();

	private learnedLimit: number | undefined;

	constructor(
		private configuredLimit: number,
		private windowMs: number,
		/** Share of the window added as spacing, to absorb jitter between our clock and LeadSquared's. */
		private readonly marginFraction: number,
		private readonly now: () => number = Date.now,
	) {}

	private get marginMs(): number {
		return Math.ceil(this.windowMs * this.marginFraction);
	}

	get limit(): number {
		return this.learnedLimit ?? this.configuredLimit;
	}

	get window(): number {
		return this.windowMs;
	}

	/** Applies the credential's setting; a limit LeadSquared reported wins until the setting changes. */
	configure(limit: number): void {
		if (limit !== this.configuredLimit) {
			this.configuredLimit = limit;
			this.learnedLimit = undefined;
		}
	}

	/** Resolves when the caller may start one call; callers are served first come, first served. */
	async acquire(signal?: AbortSignal): Promise<void> {
		const turn = this.queue.then(async () => await this.waitForSlot(signal));
		// A cancelled waiter must not block the ones behind it.
		this.queue = turn.catch(() => undefined);
		return await turn;
	}

	/**
	 * LeadSquared said "API calls exceeded the limit of N in S second(s)". Everything it counted
	 * is unknown to us, so pause the account for a full window and adopt its numbers.
	 */
	throttled(reportedLimit?: number, reportedWindowSeconds?: number): void {
		if (reportedLimit && reportedLimit > 0) this.learnedLimit = reportedLimit;
		if (reportedWindowSeconds && reportedWindowSeconds > 0) this.windowMs = reportedWindowSeconds * 1000;
		this.pausedUntil = Math.max(this.pausedUntil, this.now() + this.windowMs + this.marginMs);
	}

	private async waitForSlot(signal?: AbortSignal): Promise<void> {
		for (;;) {
			throwIfAborted(signal);
			const now = this.now();
			const span = this.windowMs + this.marginMs;
			while (this.starts.length > 0 && this.starts[0] <= now - span) this.starts.shift();
			const waitForWindow =
				this.starts.length >= this.limit ? this.starts[this.starts.length - this.limit] + span - now : 0;
			const wait = Math.max(waitForWindow, this.pausedUntil - now);
			if (wait <= 0) {
				this.starts.push(now);
				return;
			}
			await sleepUnlessAborted(wait, signal);
		}
	}
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

const limiters = new Map<string, RateLimiter>();

export const RATE_WINDOW_MS = 5000;
/** 2% of the window: 100 ms on LeadSquared's 5-second window. */
export const RATE_MARGIN_FRACTION = 0.02;

/** One limiter per account and host for the whole process. */
export function limiterFor(accountKey: string, limit: number): RateLimiter {
	let limiter = limiters.get(accountKey);
	if (!limiter) {
		limiter = new RateLimiter(limit, RATE_WINDOW_MS, RATE_MARGIN_FRACTION);
		limiters.set(accountKey, limiter);
	}
	limiter.configure(limit);
	return limiter;
}

/** Tests start from a clean process state. */
export function forgetAllLimiters(): void {
	limiters.clear();
}
