import type { Sandbox } from '../../sandbox/src/server';

export const KEYS = { accessKey: 'u$rsandbox0access0key', secretKey: 'sandbox-secret-key', apiKey: 'sandbox-async-api-key' };

export const V2_HEADERS = { 'x-LSQ-AccessKey': KEYS.accessKey, 'x-LSQ-SecretKey': KEYS.secretKey };

export interface Answer {
	status: number;
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	text: string;
	headers: Headers;
}

/** Small fetch wrapper: JSON in, status + parsed body out. */
export async function call(
	sandbox: Sandbox,
	method: 'GET' | 'POST',
	path: string,
	{ body, headers = V2_HEADERS, raw }: { body?: unknown; headers?: Record<string, string>; raw?: string } = {},
): Promise<Answer> {
	const response = await fetch(`${sandbox.url}${path}`, {
		method,
		headers: { 'Content-Type': 'application/json', ...headers },
		body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
	});
	const text = await response.text();
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	return { status: response.status, body: parsed, text, headers: response.headers };
}

export const fields = (values: Record<string, string>) => Object.entries(values).map(([Attribute, Value]) => ({ Attribute, Value }));

export const asyncQuery = `accessKey=${encodeURIComponent(KEYS.accessKey)}&secretKey=${KEYS.secretKey}`;
