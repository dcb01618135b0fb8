import type { CrmStore } from '../crm';
import type { ExtraOptions } from '../extraOptions';
import type { LeadStore } from '../leads';
import type { WebhookHub } from '../webhooks';

/** Which key check a route needs; LeadSquared's async status calls take only x-api-key. */
export type Access = 'keys' | 'keysAndApiKey' | 'apiKey';

export interface Call {
	query: URLSearchParams;
	body: unknown;
	rawBody: string;
}

export interface Route {
	access: Access;
	/** Bulk endpoints use `bulkRateLimit` when it is set, otherwise the sync limit. */
	limiter: 'sync' | 'bulk' | 'async' | 'asyncStatus';
	/** UserByAccessKey.Get answers on every regional host; everything else only on the home host. */
	anyHost?: boolean;
	handle(call: Call): unknown;
}

/** The v2 routes are all key-checked and share the sync limit, so they are written as plain handlers. */
export function v2Routes(handlers: Record<string, (call: Call) => unknown>): Record<string, Route> {
	return Object.fromEntries(
		Object.entries(handlers).map(([key, handle]) => [
			key,
			{ access: 'keys', limiter: 'sync', handle },
		]),
	);
}

/** Admin endpoints answer 200 with what the handler returns. */
export type AdminHandler = (body: unknown, query: URLSearchParams) => unknown;

/** What the route modules work on; `extra` is read per call because configure() replaces the options. */
export interface SandboxContext {
	store: LeadStore;
	crm: CrmStore;
	webhooks: WebhookHub;
	extra(): ExtraOptions;
}
