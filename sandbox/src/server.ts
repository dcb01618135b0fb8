import { existsSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

import { AsyncQueue, type JobKind } from './asyncQueue';
import { FaultPicker } from './faults';
import { DEFAULT_FIELDS, describeField } from './fields';
import { LeadStore, LsqError, type CaptureBehavior, type Lead } from './leads';
import { DEFAULT_OPTIONS, withDefaults, type PartialOptions, type SandboxOptions } from './options';
import { DailyLimit, SlidingWindowLimit } from './rateLimit';
import { CrmStore } from './crm';
import { extraOptions } from './extraOptions';
import { adminRoutes } from './routes/admin';
import { crmRoutes } from './routes/crm';
import { leadReadRoutes } from './routes/leadReads';
import { opportunityTypeRoutes } from './routes/opportunityTypes';
import { webhookRoutes } from './routes/webhooks';
import type { Route } from './routes/types';
import { WebhookHub } from './webhooks';

export type { SandboxOptions, PartialOptions } from './options';

export interface SandboxStats {
	calls: number;
	callsByPath: Record<string, number>;
	throttled: number;
	/** Refused because the daily cap was spent (also counted in `throttled`). */
	dailyCapRefusals: number;
	faults: Record<string, number>;
	maxCallsInAnyWindow: number;
	maxBulkCallsInAnyWindow: number;
	/** When the rate limit counted the first and the last accepted API call (epoch ms). */
	firstCountedAt?: number;
	lastCountedAt?: number;
	writesApplied: number;
	pendingAsyncJobs: number;
}

export interface Sandbox {
	url: string;
	port: number;
	options: SandboxOptions;
	close(): Promise<void>;
	configure(changes: PartialOptions): void;
	reset(): void;
	leads(): Lead[];
	stats(): SandboxStats;
	calls(): CallRecord[];
}

/** One API call as the sandbox saw it, for benchmarks that look at timing per caller. */
export interface CallRecord {
	path: string;
	arrivedAt: number;
	/** When the rate limit counted (or refused) it. */
	countedAt: number;
	status: number;
	/** The lead's email address when the body carries one, so callers can tag their calls. */
	email?: string;
}

/** Enough for any benchmark here; older records are dropped so a long demo stays small. */
const MAX_CALL_RECORDS = 200_000;

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export async function startSandbox(changes: PartialOptions = {}): Promise<Sandbox> {
	let options = withDefaults(DEFAULT_OPTIONS, changes);
	const limits = {
		sync: new SlidingWindowLimit(options.rateLimit, options.rateWindowMs),
		bulk: new SlidingWindowLimit(options.bulkRateLimit, options.bulkRateWindowMs),
		async: new SlidingWindowLimit(options.rateLimit, options.rateWindowMs),
		// Status checks are a service of their own beside the async submits (the node gives them
		// a budget of their own too), so polling never eats into the submit budget.
		asyncStatus: new SlidingWindowLimit(options.rateLimit, options.rateWindowMs),
	};
	const daily = new DailyLimit(options.dailyLimit);
	let callLog: CallRecord[] = [];
	const faults = new FaultPicker(options.faults);
	const queue = new AsyncQueue(options.asyncDelayMs);
	const persistence = new Persistence(options.dataFile);
	const store = new LeadStore(DEFAULT_FIELDS, () => persistence.schedule(() => store.all()));
	store.load(persistence.load());
	const counters = {
		calls: 0,
		throttled: 0,
		dailyCapRefusals: 0,
		callsByPath: {} as Record<string, number>,
		firstCountedAt: undefined as number | undefined,
		lastCountedAt: undefined as number | undefined,
	};
	let address = '';

	const success = (message: unknown) => ({ Status: 'Success', Message: message });
	const routes: Record<string, Route> = {
		'GET /v2/Authentication.svc/UserByAccessKey.Get': {
			access: 'keys',
			limiter: 'sync',
			anyHost: true,
			handle: () => ({
				Id: '6a0b1c2d-0000-4000-8000-00000000a11c',
				Name: 'Sandbox Admin',
				EmailAddress: 'admin@sandbox.example',
				Role: 'Administrator',
				TimeZone: 'UTC',
				OrgId: '1',
				OrgShortCode: 'sandbox',
				OrgDisplayName: 'Sandbox Org',
				DefaultCountryCode: '+91',
				LSQCommonServiceURLs: {
					api: options.homeHost ?? address,
					app: options.homeHost ?? address,
					tracking: options.homeHost ?? address,
				},
			}),
		},
		'GET /v2/LeadManagement.svc/LeadsMetaData.Get': {
			access: 'keys',
			limiter: 'sync',
			handle: ({ query }) => {
				const withOptionSets = query.get('excludeOptionSets') !== '1';
				const schemaName = query.get('schemaName');
				return DEFAULT_FIELDS.filter((field) => !schemaName || field.SchemaName === schemaName).map(
					(field) => describeField(field, withOptionSets),
				);
			},
		},
		'POST /v2/LeadManagement.svc/Lead.Create': {
			access: 'keys',
			limiter: 'sync',
			handle: ({ body }) => success({ Id: store.create(store.parse(body).values) }),
		},
		'POST /v2/LeadManagement.svc/Lead.CreateOrUpdate': {
			access: 'keys',
			limiter: 'sync',
			handle: ({ body }) =>
				success({ Id: store.createOrUpdate(store.parse(body)).id, AffectedRows: 1 }),
		},
		'POST /v2/LeadManagement.svc/Lead.Update': {
			access: 'keys',
			limiter: 'sync',
			handle: ({ body, query }) =>
				success({
					AffectedRows: store.update(query.get('leadId') ?? undefined, store.parse(body).values),
				}),
		},
		'POST /v2/LeadManagement.svc/Lead.Capture': {
			access: 'keys',
			limiter: 'sync',
			handle: ({ body, query }) => success(capture(body, query)),
		},
		'POST /v2/LeadManagement.svc/Lead/Bulk/Update': {
			access: 'keys',
			limiter: 'bulk',
			handle: ({ body }) => success({ AffectedRows: store.bulkUpdate(body) }),
		},
		'GET /v2/LeadManagement.svc/Leads.GetById': {
			access: 'keys',
			limiter: 'sync',
			handle: ({ query }) => {
				const lead = store.get(query.get('id') ?? '');
				return lead ? [lead] : [];
			},
		},
		'GET /v2/LeadManagement.svc/Leads.GetByEmailaddress': {
			access: 'keys',
			limiter: 'sync',
			handle: ({ query }) => {
				const lead = store.findBy('EmailAddress', query.get('emailaddress') ?? '');
				return lead ? [lead] : [];
			},
		},
		'POST /lead/capture': {
			access: 'keysAndApiKey',
			limiter: 'async',
			handle: ({ body, query, rawBody }) => {
				store.parse(body); // malformed payloads are refused at once, as the sync API would
				return accepted(queue.submit('capture', rawBody, () => success(capture(body, query))));
			},
		},
		'POST /lead/update': {
			access: 'keysAndApiKey',
			limiter: 'async',
			handle: ({ body, query, rawBody }) => {
				if (!Array.isArray(body))
					throw new LsqError(
						'MXInvalidInputException',
						'Request body must be an array of Attribute and Value pairs',
					);
				const leadId = query.get('leadId') ?? undefined;
				return accepted(
					queue.submit('update', rawBody, () =>
						success({ AffectedRows: store.update(leadId, store.parse(body).values) }),
					),
				);
			},
		},
		'GET /lead/status': {
			access: 'apiKey',
			limiter: 'asyncStatus',
			handle: ({ query }) => jobStatus('capture', query),
		},
		'GET /lead/update/status': {
			access: 'apiKey',
			limiter: 'asyncStatus',
			handle: ({ query }) => jobStatus('update', query),
		},
	};

	const crm = new CrmStore(store);
	const webhooks = new WebhookHub(store, crm, () => extraOptions(options));
	const context = { store, crm, webhooks, extra: () => extraOptions(options) };
	Object.assign(
		routes,
		leadReadRoutes(context),
		crmRoutes(context),
		webhookRoutes(context),
		opportunityTypeRoutes(),
	);
	const admin = adminRoutes(context);

	function capture(body: unknown, query: URLSearchParams) {
		const parsed = store.parse(body);
		const prospectId = parsed.values.get('ProspectID');
		const behavior = (query.get('LeadUpdateBehavior') ?? undefined) as CaptureBehavior;
		const { id, created } = store.capture(
			parsed,
			typeof prospectId === 'string' && prospectId ? prospectId : undefined,
			behavior,
		);
		return { Id: id, RelatedId: id, IsCreated: created, AffectedRows: 1 };
	}

	function accepted(requestId: string) {
		return {
			Status: 'Request accepted. Please use below request id to check the status',
			RequestID: requestId,
		};
	}

	function jobStatus(kind: JobKind, query: URLSearchParams) {
		const status = queue.status(kind, query.get('RequestID') ?? query.get('RequestId') ?? '');
		if (!status) throw new LsqError('MXInvalidInputException', 'Request not found', 404);
		return status;
	}

	function hasKeys(req: IncomingMessage, query: URLSearchParams): boolean {
		const access = req.headers['x-lsq-accesskey'] ?? query.get('accessKey');
		const secret = req.headers['x-lsq-secretkey'] ?? query.get('secretKey');
		return access === options.accessKey && secret === options.secretKey;
	}

	function authorised(route: Route, req: IncomingMessage, query: URLSearchParams): boolean {
		const apiKeyOk = req.headers['x-api-key'] === options.apiKey;
		if (route.access === 'apiKey') return apiKeyOk;
		if (route.access === 'keysAndApiKey') return apiKeyOk && hasKeys(req, query);
		return hasKeys(req, query);
	}

	async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
		const route = routes[`${req.method} ${url.pathname}`];
		const rawBody = await readBody(req);
		if (!route)
			return send(
				res,
				404,
				lsqError(
					'MXInvalidInputException',
					'The API could not be found. Please check the API signature.',
				),
			);
		const wrongHost = options.homeHost && !route.anyHost && req.headers.host !== options.homeHost;
		if (!authorised(route, req, url.searchParams) || wrongHost) {
			return send(
				res,
				401,
				lsqError(
					'MXUnAuthorizedAccessException',
					'The API call was made with invalid access credentials.',
				),
			);
		}
		const arrivedAt = Date.now();
		const countDelay = faults.countDelay();
		if (countDelay > 0) await sleep(countDelay);
		const countedAt = Date.now();
		const record = (status: number) => {
			if (callLog.length >= MAX_CALL_RECORDS) callLog = callLog.slice(MAX_CALL_RECORDS / 2);
			callLog.push({ path: url.pathname, arrivedAt, countedAt, status, email: emailIn(rawBody) });
		};
		const limit =
			route.limiter === 'bulk' && options.bulkRateLimit <= 0 ? limits.sync : limits[route.limiter];
		if (!daily.tryAccept(countedAt)) {
			counters.throttled++;
			counters.dailyCapRefusals++;
			record(options.throttleStatus);
			return send(
				res,
				options.throttleStatus,
				lsqError('MXAPIRateLimitExceededException', daily.message()),
				retryAfterHeader(daily.msUntilReset(countedAt)),
			);
		}
		if (!limit.tryAccept(countedAt)) {
			counters.throttled++;
			record(options.throttleStatus);
			return send(
				res,
				options.throttleStatus,
				lsqError('MXAPIRateLimitExceededException', limit.message()),
				retryAfterHeader(limit.msUntilRoom(countedAt)),
			);
		}
		counters.calls++;
		counters.callsByPath[url.pathname] = (counters.callsByPath[url.pathname] ?? 0) + 1;
		counters.firstCountedAt ??= countedAt;
		counters.lastCountedAt = countedAt;
		record(200);

		let clientGone = false;
		res.on('close', () => {
			if (!res.writableFinished) clientGone = true;
		});
		const fault = faults.pick();
		const latency = faults.latency();
		if (latency > 0) await sleep(latency);

		switch (fault) {
			case 'throttle':
				return send(
					res,
					options.throttleStatus,
					lsqError('MXAPIRateLimitExceededException', limit.message()),
				);
			case 'error500':
				return send(res, 500, {
					Status: 'Error',
					ExceptionType: 'System.Exception',
					ExceptionMessage: 'An unexpected error occurred',
				});
			case 'html500':
				res.writeHead(500, { 'Content-Type': 'text/html' });
				return void res.end('<html><body><h1>500 Internal Server Error</h1></body></html>');
			case 'reset':
				return void req.socket.destroy();
			case 'malformed':
				res.writeHead(200, { 'Content-Type': 'application/json' });
				return void res.end('{"Status":"Success","Message":{"Id":');
			case 'slow':
				await sleep(faults.slowMs);
				if (clientGone) return; // the client gave up: LeadSquared never processed it
				break;
			default:
				break;
		}

		let body: unknown;
		if (rawBody.trim() !== '') {
			try {
				body = JSON.parse(rawBody);
			} catch {
				return send(
					res,
					400,
					lsqError(
						'MXInvalidInputException',
						'Unexpected character encountered while parsing value. The request body is not valid JSON.',
					),
				);
			}
		}
		try {
			const result = route.handle({ query: url.searchParams, body, rawBody });
			if (fault === 'lostResponse') return void req.socket.destroy();
			send(res, 200, result);
		} catch (error) {
			if (!(error instanceof LsqError)) throw error;
			send(res, error.status, lsqError(error.exceptionType, error.message));
		}
	}

	/** A Retry-After header for a throttled answer, when the sandbox is told to send one. */
	function retryAfterHeader(waitMs: number): Record<string, string> {
		if (options.retryAfter === 'seconds')
			return { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) };
		if (options.retryAfter === 'httpDate')
			return { 'Retry-After': new Date(Date.now() + waitMs + 999).toUTCString() };
		return {};
	}

	function configure(partial: PartialOptions): void {
		options = withDefaults(options, partial);
		limits.sync.limit = limits.async.limit = limits.asyncStatus.limit = options.rateLimit;
		limits.sync.windowMs =
			limits.async.windowMs =
			limits.asyncStatus.windowMs =
				options.rateWindowMs;
		limits.bulk.limit = options.bulkRateLimit;
		limits.bulk.windowMs = options.bulkRateWindowMs;
		daily.limit = options.dailyLimit;
		faults.configure(options.faults);
		queue.delayMs = options.asyncDelayMs;
	}

	function reset(): void {
		store.clear();
		crm.reset();
		webhooks.reset();
		queue.clear();
		limits.sync.reset();
		limits.bulk.reset();
		limits.async.reset();
		limits.asyncStatus.reset();
		daily.reset();
		faults.reset();
		callLog = [];
		counters.calls = 0;
		counters.throttled = 0;
		counters.dailyCapRefusals = 0;
		counters.callsByPath = {};
		counters.firstCountedAt = undefined;
		counters.lastCountedAt = undefined;
		persistence.schedule(() => store.all());
	}

	function stats(): SandboxStats {
		return {
			calls: counters.calls,
			callsByPath: { ...counters.callsByPath },
			throttled: counters.throttled,
			dailyCapRefusals: counters.dailyCapRefusals,
			faults: { ...faults.injected },
			maxCallsInAnyWindow: Math.max(
				limits.sync.maxInAnyWindow,
				limits.async.maxInAnyWindow,
				limits.asyncStatus.maxInAnyWindow,
			),
			maxBulkCallsInAnyWindow: limits.bulk.maxInAnyWindow,
			firstCountedAt: counters.firstCountedAt,
			lastCountedAt: counters.lastCountedAt,
			writesApplied: store.writesApplied,
			pendingAsyncJobs: queue.pending(),
		};
	}

	async function handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
		const raw = await readBody(req);
		const body = raw ? JSON.parse(raw) : undefined;
		switch (`${req.method} ${url.pathname}`) {
			case 'GET /_sandbox/leads':
				return send(res, 200, store.all());
			case 'POST /_sandbox/reset':
				reset();
				return send(res, 200, { ok: true });
			case 'GET /_sandbox/stats':
				return send(res, 200, stats());
			case 'GET /_sandbox/calls':
				return send(res, 200, callLog);
			case 'GET /_sandbox/config':
				return send(res, 200, {
					...options,
					accessKey: undefined,
					secretKey: undefined,
					apiKey: undefined,
				});
			case 'POST /_sandbox/config':
				configure(body ?? {});
				return send(res, 200, { ok: true });
			case 'POST /_sandbox/seed': {
				const ids = (Array.isArray(body) ? body : []).map((values: Record<string, unknown>) =>
					store.create(
						store.parse(Object.entries(values).map(([Attribute, Value]) => ({ Attribute, Value })))
							.values,
					),
				);
				return send(res, 200, { ids });
			}
			default: {
				const handler = admin[`${req.method} ${url.pathname}`];
				if (!handler) return send(res, 404, { error: 'unknown admin endpoint' });
				try {
					return send(res, 200, handler(body, url.searchParams));
				} catch (error) {
					if (!(error instanceof LsqError)) throw error;
					return send(res, error.status, lsqError(error.exceptionType, error.message));
				}
			}
		}
	}

	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const handler = url.pathname.startsWith('/_sandbox/') ? handleAdmin : handleApi;
		handler(req, res, url).catch((error: Error) => {
			if (!res.headersSent)
				send(res, 500, {
					Status: 'Error',
					ExceptionType: 'System.Exception',
					ExceptionMessage: error.message,
				});
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	address = `${options.host}:${port}`;

	return {
		url: `http://${address}`,
		port,
		get options() {
			return options;
		},
		async close() {
			queue.clear();
			webhooks.reset();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			persistence.flush(() => store.all());
		},
		configure,
		reset,
		leads: () => store.all(),
		stats,
		calls: () => [...callLog],
	};
}

function lsqError(exceptionType: string, message: string) {
	return { Status: 'Error', ExceptionType: exceptionType, ExceptionMessage: message };
}

function send(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	if (res.destroyed) return;
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
	res.end(JSON.stringify(body));
}

/** The EmailAddress attribute of a lead body, if the call carries one. */
function emailIn(rawBody: string): string | undefined {
	const match = /"Attribute"\s*:\s*"EmailAddress"\s*,\s*"Value"\s*:\s*"([^"]*)"/i.exec(rawBody);
	return match?.[1];
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

/** Optional JSON file of leads, written atomically a moment after changes settle. */
class Persistence {
	private timer: NodeJS.Timeout | undefined;

	constructor(private readonly file: string | undefined) {}

	load(): Lead[] {
		if (!this.file || !existsSync(this.file)) return [];
		return JSON.parse(readFileSync(this.file, 'utf8')) as Lead[];
	}

	schedule(snapshot: () => Lead[]): void {
		if (!this.file || this.timer) return;
		this.timer = setTimeout(() => this.flush(snapshot), 200);
	}

	flush(snapshot: () => Lead[]): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		if (!this.file) return;
		const temporary = `${this.file}.tmp`;
		writeFileSync(temporary, JSON.stringify(snapshot(), null, 2));
		renameSync(temporary, this.file);
	}
}
