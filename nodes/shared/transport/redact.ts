import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const SECRET_FIELDS = ['accessKey', 'secretKey', 'asyncApiKey'] as const;

const REDACTED = '**hidden**';

/**
 * Every spelling of the credential's secrets that could end up in a message: raw, and encoded
 * the ways a URL or query string encodes them (LeadSquared access keys contain `$`).
 */
export function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	const spellings = new Set<string>();
	for (const field of SECRET_FIELDS) {
		const value = credentials[field];
		if (typeof value !== 'string' || value.length < 4) continue;
		spellings.add(value);
		spellings.add(encodeURIComponent(value));
		spellings.add(encodeURIComponent(value).replace(/%20/g, '+'));
		spellings.add(encodeURI(value));
	}
	// Longest first, so a secret that contains another is replaced whole.
	return [...spellings].sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets) result = result.split(secret).join(REDACTED);
	return result;
}

/** Redacts every string inside a JSON-like value (used for response bodies kept in errors). */
export function redactDeep<T>(value: T, secrets: string[]): T {
	if (typeof value === 'string') return redact(value, secrets) as T;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets)) as T;
	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) copy[key] = redactDeep(entry, secrets);
		return copy as T;
	}
	return value;
}
