/** Shared by every benchmark, the engine one and the real-n8n ones, so all report the same share. */
export const WINDOW_S = 5;

/**
 * Successful calls as a share of what the limit allows in the same time: a full window's worth
 * at the start, then `limit` per window (the most any client can get past a sliding window).
 */
export function budgetShare(succeeded: number, limit: number, elapsedMs: number): number {
	return succeeded / (limit * (1 + elapsedMs / 1000 / WINDOW_S));
}
