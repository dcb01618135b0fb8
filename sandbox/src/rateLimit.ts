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
		while (this.accepted.length > 0 && this.accepted[0] <= at - this.windowMs) this.accepted.shift();
		if (this.limit > 0 && this.accepted.length >= this.limit) return false;
		this.accepted.push(at);
		this.maxInAnyWindow = Math.max(this.maxInAnyWindow, this.accepted.length);
		return true;
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
