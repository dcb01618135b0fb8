import type { Sandbox } from '../../sandbox/src/server';

export const KEYS = {
	accessKey: 'u$rsandbox0access0key',
	secretKey: 'sandbox-secret-key',
	apiKey: 'sandbox-async-api-key',
};

export const V2_HEADERS = { 'x-LSQ-AccessKey': KEYS.accessKey, 'x-LSQ-SecretKey': KEYS.secretKey };

// Tests read the sandbox's answers loosely: each knows the shape it asked for. One alias keeps
// the single lint exception where the formatter cannot move it away from its line.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export interface Answer {
	status: number;
	body: Loose;
	text: string;
	headers: Headers;
}

/** Small fetch wrapper: JSON in, status + parsed body out. */
export async function call(
	sandbox: Sandbox,
	method: 'GET' | 'POST',
	path: string,
	{
		body,
		headers = V2_HEADERS,
		raw,
	}: { body?: unknown; headers?: Record<string, string>; raw?: string } = {},
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

export const fields = (values: Record<string, string>) =>
	Object.entries(values).map(([Attribute, Value]) => ({ Attribute, Value }));

export const asyncQuery = `accessKey=${encodeURIComponent(KEYS.accessKey)}&secretKey=${KEYS.secretKey}`;

/** Admin calls take no keys and are not rate limited. */
export async function admin(
	sandbox: Sandbox,
	method: 'GET' | 'POST',
	path: string,
	body?: unknown,
): Promise<Loose> {
	const response = await fetch(`${sandbox.url}/_sandbox/${path}`, {
		method,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return await response.json();
}

/** Leads straight into the store; returns their ids in order. */
export async function seed(
	sandbox: Sandbox,
	leads: Array<Record<string, string>>,
): Promise<string[]> {
	return (await admin(sandbox, 'POST', 'seed', leads)).ids;
}

export const MX_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;
