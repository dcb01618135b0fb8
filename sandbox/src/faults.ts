import type { FaultOptions } from './options';
import { seededRandom } from './seededRandom';

export type FaultKind =
	| 'throttle'
	| 'error500'
	| 'html500'
	| 'reset'
	| 'malformed'
	| 'slow'
	| 'lostResponse';

const KINDS: Array<[FaultKind, keyof FaultOptions]> = [
	['throttle', 'share429'],
	['error500', 'share500'],
	['html500', 'shareHtml500'],
	['reset', 'shareReset'],
	['malformed', 'shareMalformed'],
	['slow', 'shareSlow'],
	['lostResponse', 'shareLostResponse'],
];

/** Decides, call by call, which fault (if any) to inject. */
export class FaultPicker {
	private random: () => number;

	readonly injected: Record<FaultKind, number> = {
		throttle: 0,
		error500: 0,
		html500: 0,
		reset: 0,
		malformed: 0,
		slow: 0,
		lostResponse: 0,
	};

	constructor(private options: FaultOptions) {
		this.random = seededRandom(options.seed);
	}

	configure(options: FaultOptions): void {
		if (options.seed !== this.options.seed) this.random = seededRandom(options.seed);
		this.options = options;
	}

	pick(): FaultKind | undefined {
		const roll = this.random();
		let threshold = 0;
		for (const [kind, share] of KINDS) {
			threshold += Number(this.options[share]) || 0;
			if (roll < threshold) {
				this.injected[kind]++;
				return kind;
			}
		}
		return undefined;
	}

	/** From arrival to the rate limit's count. */
	countDelay(): number {
		return this.jittered(this.options.countDelayMs, this.options.countDelayJitterMs);
	}

	/** From the count to the answer. */
	latency(): number {
		return this.jittered(this.options.latencyMs, this.options.latencyJitterMs);
	}

	private jittered(base: number, jitter: number): number {
		return (Number(base) || 0) + (jitter > 0 ? this.random() * jitter : 0);
	}

	get slowMs(): number {
		return this.options.slowMs;
	}

	/** Back to the first fault of the seed, with zero counts: a reset sandbox repeats its run. */
	reset(): void {
		this.random = seededRandom(this.options.seed);
		for (const kind of Object.keys(this.injected) as FaultKind[]) this.injected[kind] = 0;
	}
}
