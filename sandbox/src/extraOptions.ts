/**
 * Options of the endpoints added after options.ts was written. They live on the same options
 * object: withDefaults() keeps every key it is given, so POST /_sandbox/config and configure()
 * set them too without options.ts knowing about them.
 */
export interface ExtraOptions {
	/** LeadSquared enables Lead/Delete/ById only on request to support. */
	deleteApiEnabled: boolean;
	/** Activities created within this window go to a webhook as one array (LeadSquared: about a minute). */
	webhookBatchMs: number;
	/** Tries per delivery, the first included. */
	webhookAttempts: number;
	/** Wait before the second try; doubled before each further one. */
	webhookRetryDelayMs: number;
	/** Failed deliveries in a row after which a webhook is disabled (StatusCode 2). */
	webhookDisableAfter: number;
	webhookTimeoutMs: number;
	/** Webhooks an account may have; LeadSquared's plans allow 3 (Pro) or 30 (Super). */
	webhookLimit: number;
}

export const EXTRA_DEFAULTS: ExtraOptions = {
	deleteApiEnabled: true,
	webhookBatchMs: 1000,
	webhookAttempts: 3,
	webhookRetryDelayMs: 200,
	webhookDisableAfter: 3,
	webhookTimeoutMs: 5000,
	webhookLimit: 30,
};

export function extraOptions(options: object): ExtraOptions {
	const given = options as Partial<ExtraOptions>;
	return Object.fromEntries(
		Object.entries(EXTRA_DEFAULTS).map(([key, fallback]) => [
			key,
			given[key as keyof ExtraOptions] ?? fallback,
		]),
	) as unknown as ExtraOptions;
}
