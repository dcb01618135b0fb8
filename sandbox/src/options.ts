/** Everything the sandbox can be told; every field has a default so `startSandbox()` just works. */
export interface FaultOptions {
	/**
	 * Between a call's arrival and the moment the rate limit counts it (plus up to the jitter):
	 * a client cannot know where in a call's life LeadSquared counts it.
	 */
	countDelayMs: number;
	countDelayJitterMs: number;
	/** Between the count and the answer (plus up to the jitter). */
	latencyMs: number;
	latencyJitterMs: number;
	/** Probabilities (0..1) per API call. All but lostResponse replace processing: the call has no effect. */
	share429: number;
	share500: number;
	shareHtml500: number;
	shareReset: number;
	shareMalformed: number;
	shareSlow: number;
	slowMs: number;
	/** Processes the write, then drops the connection: the one ambiguous fault. */
	shareLostResponse: number;
	seed: number;
}

export interface SandboxOptions {
	host: string;
	port: number;
	accessKey: string;
	secretKey: string;
	apiKey: string;
	/** Calls accepted per window, per API (sync calls, async submits and async status checks each count separately). 0 disables the limit. */
	rateLimit: number;
	rateWindowMs: number;
	/**
	 * Bulk endpoints' own budget (LeadSquared's rate-limit page: 1, or 5 to 10, per 5 s).
	 * 0: bulk calls count against `rateLimit` like other sync calls.
	 */
	bulkRateLimit: number;
	bulkRateWindowMs: number;
	/** Accepted API calls per UTC day (10,000 on Pro, 100,000 on Super). 0: no daily cap. */
	dailyLimit: number;
	/** Status code of throttled calls: 429, or 403 as some accounts get. */
	throttleStatus: 429 | 403;
	/** LeadSquared documents no Retry-After; this adds one to throttled answers to test clients. */
	retryAfter: 'none' | 'seconds' | 'httpDate';
	/** How long an async job stays In-Queue. */
	asyncDelayMs: number;
	/** When set, calls to any other Host header get 401 (except UserByAccessKey.Get): a wrong region. */
	homeHost?: string;
	dataFile?: string;
	faults: FaultOptions;
}

export const DEFAULT_FAULTS: FaultOptions = {
	countDelayMs: 0,
	countDelayJitterMs: 0,
	latencyMs: 0,
	latencyJitterMs: 0,
	share429: 0,
	share500: 0,
	shareHtml500: 0,
	shareReset: 0,
	shareMalformed: 0,
	shareSlow: 0,
	slowMs: 2000,
	shareLostResponse: 0,
	seed: 1,
};

export const DEFAULT_OPTIONS: SandboxOptions = {
	host: '127.0.0.1',
	port: 8787,
	// A `$` like real access keys, so URL-encoding mistakes show up against the sandbox too.
	accessKey: 'u$rsandbox0access0key',
	secretKey: 'sandbox-secret-key',
	apiKey: 'sandbox-async-api-key',
	rateLimit: 25,
	rateWindowMs: 5000,
	bulkRateLimit: 0,
	bulkRateWindowMs: 5000,
	dailyLimit: 0,
	throttleStatus: 429,
	retryAfter: 'none',
	asyncDelayMs: 3000,
	faults: DEFAULT_FAULTS,
};

export type PartialOptions = Partial<Omit<SandboxOptions, 'faults'>> & {
	faults?: Partial<FaultOptions>;
};

export function withDefaults(base: SandboxOptions, changes: PartialOptions): SandboxOptions {
	return { ...base, ...changes, faults: { ...base.faults, ...(changes.faults ?? {}) } };
}
