/**
 * LeadSquared's regional hosts. Each account lives in one region and every v2 call must go to
 * that region's host; the wrong one answers 401 exactly like a wrong key, which is why the
 * credential offers a list (and Custom, for hosts added after this list and for the sandbox).
 */
export interface HostOption {
	name: string;
	value: string;
	description?: string;
}

export const CUSTOM_HOST = 'custom';
export const AUTO_DETECT_HOST = 'auto';

/** UserByAccessKey.Get answers here for accounts of every region and names the account's host. */
export const DISCOVERY_BASE_URL = 'https://api.leadsquared.com';

export const API_HOSTS: HostOption[] = [
	{
		name: 'Singapore',
		value: 'https://api.leadsquared.com',
		description: 'Host: api.leadsquared.com',
	},
	{
		name: 'United States',
		value: 'https://api-us11.leadsquared.com',
		description: 'Host: api-us11.leadsquared.com',
	},
	{
		name: 'India (Mumbai)',
		value: 'https://api-in21.leadsquared.com',
		description: 'Host: api-in21.leadsquared.com',
	},
	{
		name: 'India (Hyderabad)',
		value: 'https://api-in22.leadsquared.com',
		description: 'Host: api-in22.leadsquared.com',
	},
	{
		name: 'Ireland',
		value: 'https://api-ir31.leadsquared.com',
		description: 'Host: api-ir31.leadsquared.com',
	},
	{
		name: 'Canada',
		value: 'https://api-ca12.leadsquared.com',
		description: 'Host: api-ca12.leadsquared.com',
	},
	{
		name: 'Middle East',
		value: 'https://api-me61.leadsquared.com',
		description:
			"Host: api-me61.leadsquared.com (seen in third-party integrations, not yet in LeadSquared's own host list)",
	},
];

// Only these three async hosts are documented; other regions must use Custom.
export const ASYNC_API_HOSTS: HostOption[] = [
	{
		name: 'Singapore',
		value: 'https://asyncapi.leadsquared.com',
		description: 'Host: asyncapi.leadsquared.com',
	},
	{
		name: 'United States',
		value: 'https://asyncapi-us11.leadsquared.com',
		description: 'Host: asyncapi-us11.leadsquared.com',
	},
	{
		name: 'India',
		value: 'https://asyncapi-in21.leadsquared.com',
		description: 'Host: asyncapi-in21.leadsquared.com',
	},
];

/** The region's display name for a bare host such as `api-in21.leadsquared.com`, if known. */
export function regionNameForHost(host: string): string | undefined {
	const bare = host
		.replace(/^https?:\/\//, '')
		.replace(/\/+$/, '')
		.toLowerCase();
	const option = API_HOSTS.find((candidate) => candidate.value === `https://${bare}`);
	return option ? `${option.name} (${bare})` : undefined;
}

/** Accepts `api.example.com`, `https://api.example.com/` or `http://127.0.0.1:8787` alike. */
export function normaliseBaseUrl(value: string): string {
	const trimmed = value.trim().replace(/\/+$/, '');
	if (trimmed === '') return '';
	return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** The documented async host for a sync host's region, e.g. api-in21 -> asyncapi-in21. */
export function asyncBaseUrlFor(apiBaseUrl: string): string | undefined {
	const match = /^https:\/\/api(-[a-z]+\d+)?\.leadsquared\.com$/i.exec(apiBaseUrl);
	if (!match) return undefined;
	const candidate = `https://asyncapi${match[1] ?? ''}.leadsquared.com`.toLowerCase();
	return ASYNC_API_HOSTS.some((option) => option.value === candidate) ? candidate : undefined;
}
