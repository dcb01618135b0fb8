/**
 * Options of the endpoints added after options.ts was written. They live on the same options
 * object: withDefaults() keeps every key it is given, so POST /_sandbox/config and configure()
 * set them too without options.ts knowing about them.
 */
export interface ExtraOptions {
	/** LeadSquared enables Lead/Delete/ById only on request to support. */
	deleteApiEnabled: boolean;
}

export const EXTRA_DEFAULTS: ExtraOptions = { deleteApiEnabled: true };

export function extraOptions(options: object): ExtraOptions {
	const given = options as Partial<ExtraOptions>;
	return { deleteApiEnabled: given.deleteApiEnabled ?? EXTRA_DEFAULTS.deleteApiEnabled };
}
