/**
 * LeadSquared's per-account limit as a sliding window: at most `limit` accepted calls in any
 * `windowMs`. It also remembers the most calls it ever held in one window, which benchmarks
 * use to show the budget was used fully and never exceeded.
 */
export class SlidingWindowLimit {
	private accepted: number[] = [];

	maxInAnyWindow = 0;

	constructor(
		public limit: number,
		public windowMs: number,
	) {}

	/** Records the call and returns true, or returns false when it would exceed the limit. */
	tryAccept(at = Date.now()): boolean {
		while (this.accepted.length > 0 && this.accepted[0] <= at - this.windowMs)
			this.accepted.shift();
		if (this.limit > 0 && this.accepted.length >= this.limit) return false;
		this.accepted.push(at);
		this.maxInAnyWindow = Math.max(this.maxInAnyWindow, this.accepted.length);
		return true;
	}

	/** Milliseconds until the oldest accepted call leaves the window (0 when there is room). */
	msUntilRoom(at = Date.now()): number {
		if (this.limit <= 0 || this.accepted.length < this.limit) return 0;
		return Math.max(0, this.accepted[this.accepted.length - this.limit] + this.windowMs - at);
	}

	reset(): void {
		this.accepted = [];
		this.maxInAnyWindow = 0;
	}

	/** LeadSquared's wording, e.g. "API calls exceeded the limit of 25 in 5 second(s)". */
	message(): string {
		const seconds = Number((this.windowMs / 1000).toFixed(3));
		return `API calls exceeded the limit of ${this.limit} in ${seconds} second(s)`;
	}
}

/**
 * Accepted calls per UTC day. LeadSquared documents the caps but not when the count resets nor
 * the wording of the refusal: midnight UTC and "API calls exceeded the daily limit of N" are
 * this sandbox's guesses, the same ones the node recognises.
 */
export class DailyLimit {
	private day = -1;

	private count = 0;

	constructor(public limit: number) {}

	tryAccept(at = Date.now()): boolean {
		const day = Math.floor(at / DAY_MS);
		if (day !== this.day) {
			this.day = day;
			this.count = 0;
		}
		if (this.limit > 0 && this.count >= this.limit) return false;
		this.count++;
		return true;
	}

	msUntilReset(at = Date.now()): number {
		return (Math.floor(at / DAY_MS) + 1) * DAY_MS - at;
	}

	reset(): void {
		this.count = 0;
	}

	message(): string {
		return `API calls exceeded the daily limit of ${this.limit}`;
	}
}

const DAY_MS = 24 * 60 * 60 * 1000;
