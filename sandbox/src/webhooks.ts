import type { CrmEvent, CrmStore } from './crm';
import { crmShapes } from './crmShapes';
import { lsqSeconds } from './dates';
import type { ExtraOptions } from './extraOptions';
import { LsqError, type LeadChange, type LeadStore } from './leads';
import {
	descending,
	guid,
	invalidInput,
	missing,
	newId,
	pageByIndex,
	record,
	text,
} from './shapes';

/** WebhookEvent codes (Create/Update) with the names Retrieve uses for them. */
export const WEBHOOK_EVENTS: Record<number, [name: string, label: string]> = {
	1: ['Landing_Page_submission', 'Landing Page Submission'],
	2: ['LeadActivity_Post_Create', 'Lead Activity Creation'],
	3: ['Lead_Post_Create', 'Lead Creation'],
	4: ['Lead_Owner_Change', 'Lead Owner Change'],
	5: ['Lead_Post_Stage_Change', 'Lead Stage Change'],
	6: ['Lead_Post_Update', 'Lead Update'],
	7: ['Task_Create', 'Task Creation'],
	8: ['Task_Reminder', 'Task Reminder'],
	9: ['Lead_Score_Change', 'Lead Score Change'],
	15: ['LeadActivity_Post_Update', 'Lead Activity Update'],
	16: ['Task_Complete', 'Task Complete'],
	17: ['Task_Update', 'Task Update'],
	26: ['Lead_Field_Change', 'Lead Field Update'],
	31: ['Opportunity_Post_Create', 'Opportunity Creation'],
	32: ['Opportunity_Post_Update', 'Opportunity Update'],
	33: ['OpportunityField_Post_Update', 'Opportunity Field Update'],
	34: ['OpportunityStage_Post_Update', 'Opportunity Stage Update'],
	35: ['Opportunity_Post_Delete', 'Opportunity Delete'],
};

const CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'text/plain'];
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;

interface Header {
	Key: string;
	Value: string;
}

export interface Webhook {
	WebhookId: string;
	Description: string;
	URL: string;
	Method: 'POST';
	ContentType: string;
	WebhookEvent: number;
	IsSpecificLandingPage: boolean;
	NotifyOnFailure: boolean;
	WebhookProperties: unknown;
	CustomHeaders: Header[];
	/** 0 enabled, 1 disabled by hand, 2 disabled after failed deliveries. */
	StatusCode: 0 | 1 | 2;
	CreatedOn: number;
	ModifiedOn: number;
	stats: {
		handshake: string;
		attempts: number;
		delivered: number;
		failedDeliveries: number;
		consecutiveFailures: number;
		lastError: string | null;
	};
	pending: unknown[];
}

/**
 * LeadSquared's webhooks for a trigger node to register: events from writes made through the
 * API are POSTed to each enabled webhook's URL with its custom headers, activities batched,
 * failed deliveries retried with backoff, and a webhook that keeps failing disabled. Only
 * loopback URLs are accepted, so the sandbox never posts data anywhere else.
 */
export class WebhookHub {
	private webhooks = new Map<string, Webhook>();

	private readonly timers = new Set<NodeJS.Timeout>();

	private stopping = new AbortController();

	constructor(
		store: LeadStore,
		crm: CrmStore,
		private readonly settings: () => ExtraOptions,
	) {
		const shape = crmShapes(crm, store);
		store.subscribe((change) => this.onLead(change));
		crm.subscribe((event) => this.onCrm(event, shape));
	}

	all(): Webhook[] {
		return [...this.webhooks.values()];
	}

	/** Forgets every webhook and stops deliveries under way, so nothing arrives after a reset or close. */
	reset(): void {
		this.stopping.abort();
		this.stopping = new AbortController();
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.webhooks.clear();
	}

	create(body: unknown): string {
		const { webhookLimit } = this.settings();
		if (this.webhooks.size >= webhookLimit) {
			invalidInput(
				`You have reached the maximum number of webhooks (${webhookLimit}) allowed for your plan`,
			);
		}
		const now = Date.now();
		const webhook: Webhook = {
			WebhookId: newId(),
			Description: '',
			URL: '',
			Method: 'POST',
			ContentType: 'application/json',
			WebhookEvent: 0,
			IsSpecificLandingPage: false,
			NotifyOnFailure: false,
			WebhookProperties: null,
			CustomHeaders: [],
			StatusCode: 0,
			CreatedOn: now,
			ModifiedOn: now,
			stats: {
				handshake: 'pending',
				attempts: 0,
				delivered: 0,
				failedDeliveries: 0,
				consecutiveFailures: 0,
				lastError: null,
			},
			pending: [],
		};
		this.apply(webhook, record(body), true);
		this.webhooks.set(webhook.WebhookId, webhook);
		this.handshake(webhook);
		return webhook.WebhookId;
	}

	update(body: unknown): void {
		const input = record(body);
		const webhook = this.get(input.WebhookId);
		const url = webhook.URL;
		this.apply(webhook, input, false);
		if (input.StatusCode !== undefined) {
			const status = Number(input.StatusCode);
			if (status !== 0 && status !== 1)
				invalidInput('StatusCode can be set to 0 (enabled) or 1 (disabled)');
			webhook.StatusCode = status;
			if (status === 0) webhook.stats.consecutiveFailures = 0;
		}
		webhook.ModifiedOn = Date.now();
		if (webhook.URL !== url) this.handshake(webhook);
	}

	delete(id: unknown): void {
		const webhook = this.get(id);
		this.webhooks.delete(webhook.WebhookId);
	}

	retrieve(body: unknown) {
		const input = record(body);
		const parameter = record(input.Parameter);
		const event = text(parameter.WebhookEvent);
		const search = text(parameter.SearchText).trim().toLowerCase();
		const found = this.all()
			.filter(
				(hook) =>
					!event ||
					String(hook.WebhookEvent) === event ||
					WEBHOOK_EVENTS[hook.WebhookEvent][0].toLowerCase() === event.toLowerCase(),
			)
			.filter(
				(hook) =>
					parameter.StatusCode === undefined ||
					parameter.StatusCode === null ||
					parameter.StatusCode === '' ||
					hook.StatusCode === Number(parameter.StatusCode),
			)
			.filter(
				(hook) =>
					!parameter.WebhookId || hook.WebhookId === text(parameter.WebhookId).toLowerCase(),
			)
			.filter(
				(hook) =>
					!search ||
					`${hook.Description} ${WEBHOOK_EVENTS[hook.WebhookEvent][1]}`
						.toLowerCase()
						.includes(search),
			)
			.sort((a, b) =>
				descending(input.Sorting, true) ? b.ModifiedOn - a.ModifiedOn : a.ModifiedOn - b.ModifiedOn,
			);
		const page = pageByIndex(found, input.Paging, { size: 25, max: 100 });
		return { RecordCount: page.total, Response: page.items.map(describe) };
	}

	private get(id: unknown): Webhook {
		const webhook = this.webhooks.get(guid(id, 'WebhookId'));
		if (!webhook) throw new LsqError('MXInvalidEntityException', 'Webhook does not exist');
		return webhook;
	}

	/** Create and Update take the same fields; Create needs URL and WebhookEvent. */
	private apply(webhook: Webhook, input: Record<string, unknown>, creating: boolean): void {
		if (creating || input.URL !== undefined) webhook.URL = loopbackUrl(input.URL);
		if (creating || input.WebhookEvent !== undefined) {
			const code = Number(input.WebhookEvent);
			if (!WEBHOOK_EVENTS[code])
				invalidInput(`Invalid WebhookEvent ${text(input.WebhookEvent) || '(empty)'}`);
			webhook.WebhookEvent = code;
		}
		if (input.Method !== undefined && text(input.Method).toUpperCase() !== 'POST')
			invalidInput('Method must be POST');
		if (input.ContentType !== undefined) {
			if (!CONTENT_TYPES.includes(text(input.ContentType)))
				invalidInput(
					`Invalid ContentType ${text(input.ContentType)}: use ${CONTENT_TYPES.join(', ')}`,
				);
			webhook.ContentType = text(input.ContentType);
		}
		if (input.CustomHeaders !== undefined && input.CustomHeaders !== null) {
			if (!Array.isArray(input.CustomHeaders))
				invalidInput('CustomHeaders must be an array of Key and Value pairs');
			webhook.CustomHeaders = input.CustomHeaders.map((header) => {
				const { Key, Value } = record(header);
				if (!text(Key)) missing('Each custom header needs a Key');
				return { Key: text(Key), Value: text(Value) };
			});
		}
		if (input.Description !== undefined) webhook.Description = text(input.Description);
		if (input.IsSpecificLandingPage !== undefined)
			webhook.IsSpecificLandingPage = Boolean(input.IsSpecificLandingPage);
		if (input.NotifyOnFailure !== undefined)
			webhook.NotifyOnFailure = Boolean(input.NotifyOnFailure);
		if (input.WebhookProperties !== undefined) webhook.WebhookProperties = input.WebhookProperties;
	}

	/** LeadSquared's best practices ask webhook URLs to answer HEAD "handshakes"; the result is only recorded. */
	private handshake(webhook: Webhook): void {
		fetch(webhook.URL, { method: 'HEAD', headers: this.headers(webhook), signal: this.signal() })
			.then(
				(response) => (webhook.stats.handshake = response.ok ? 'ok' : `HTTP ${response.status}`),
			)
			.catch((error: Error) => (webhook.stats.handshake = `failed: ${error.message}`));
	}

	private onLead({ kind, lead, before }: LeadChange): void {
		const payload = structuredClone(lead);
		if (kind === 'create') return this.emit(3, payload);
		const changed = Object.keys({ ...lead, ...before }).filter(
			(name) =>
				name !== 'ModifiedOn' && JSON.stringify(lead[name]) !== JSON.stringify(before?.[name]),
		);
		this.emit(6, payload);
		if (changed.length > 0) this.emit(26, payload);
		if (changed.includes('ProspectStage')) this.emit(5, payload);
		if (changed.includes('OwnerIdEmailAddress')) this.emit(4, payload);
	}

	private onCrm(event: CrmEvent, shape: ReturnType<typeof crmShapes>): void {
		if (event.kind === 'activity') this.emit(2, shape.activity(event.activity), true);
		else if (event.kind === 'task')
			this.emit(7, {
				...shape.task(event.task),
				RelatedEntity: event.task.RelatedEntity,
				RelatedEntityId: event.task.RelatedEntityId,
				TaskType: event.task.TaskType,
			});
		else this.emit(31, shape.opportunity(event.opportunity, ''));
	}

	private emit(code: number, payload: unknown, batched = false): void {
		for (const webhook of this.webhooks.values()) {
			if (webhook.StatusCode !== 0 || webhook.WebhookEvent !== code) continue;
			if (!batched) {
				void this.deliver(webhook, payload);
				continue;
			}
			webhook.pending.push(payload);
			if (webhook.pending.length === 1)
				this.later(
					this.settings().webhookBatchMs,
					() => void this.deliver(webhook, webhook.pending.splice(0)),
				);
		}
	}

	private async deliver(webhook: Webhook, payload: unknown): Promise<void> {
		const { webhookAttempts, webhookRetryDelayMs, webhookDisableAfter, webhookTimeoutMs } =
			this.settings();
		const stopping = this.stopping.signal;
		const { stats } = webhook;
		for (let attempt = 1; attempt <= webhookAttempts; attempt++) {
			stats.attempts++;
			try {
				const response = await fetch(webhook.URL, {
					method: 'POST',
					headers: { 'Content-Type': webhook.ContentType, ...this.headers(webhook) },
					body: encode(webhook.ContentType, payload),
					signal: AbortSignal.any([stopping, AbortSignal.timeout(webhookTimeoutMs)]),
				});
				await response.arrayBuffer();
				if (response.ok) {
					stats.delivered++;
					stats.consecutiveFailures = 0;
					return;
				}
				stats.lastError = `HTTP ${response.status}`;
			} catch (error) {
				if (stopping.aborted) return;
				stats.lastError = (error as Error).message;
			}
			if (attempt < webhookAttempts)
				await new Promise<void>((resolve) =>
					this.later(webhookRetryDelayMs * 2 ** (attempt - 1), resolve),
				);
			if (stopping.aborted) return;
		}
		stats.failedDeliveries++;
		stats.consecutiveFailures++;
		if (stats.consecutiveFailures >= webhookDisableAfter && webhook.StatusCode === 0)
			webhook.StatusCode = 2;
	}

	private headers(webhook: Webhook): Record<string, string> {
		return Object.fromEntries(webhook.CustomHeaders.map(({ Key, Value }) => [Key, Value]));
	}

	private signal(): AbortSignal {
		return AbortSignal.any([
			this.stopping.signal,
			AbortSignal.timeout(this.settings().webhookTimeoutMs),
		]);
	}

	private later(ms: number, run: () => void): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			run();
		}, ms);
		this.timers.add(timer);
	}
}

function loopbackUrl(value: unknown): string {
	const given = text(value).trim();
	if (!given) missing('URL is mandatory');
	let url: URL;
	try {
		url = new URL(given);
	} catch {
		invalidInput(`Invalid URL '${given}'`);
	}
	if (!/^https?:$/.test(url.protocol)) invalidInput(`Invalid URL '${given}': use http or https`);
	if (!LOOPBACK.test(url.hostname))
		invalidInput(
			`The sandbox delivers webhooks to loopback URLs only (127.0.0.1, localhost, [::1]), not '${url.hostname}'`,
		);
	return url.toString();
}

/** JSON as is; form posts carry flat fields (nested values as JSON, a batch as data=[...]); text/plain the JSON text. */
function encode(contentType: string, payload: unknown): string {
	if (contentType !== 'application/x-www-form-urlencoded') return JSON.stringify(payload);
	const entries: Array<[string, unknown]> = Array.isArray(payload)
		? [['data', payload]]
		: Object.entries(record(payload));
	return new URLSearchParams(
		entries.map(([key, value]): [string, string] => [
			key,
			value !== null && typeof value === 'object' ? JSON.stringify(value) : text(value),
		]),
	).toString();
}

/** Retrieve's entry for a webhook. */
function describe(webhook: Webhook) {
	const [EventCode, EventName] = WEBHOOK_EVENTS[webhook.WebhookEvent];
	return {
		WebhookId: webhook.WebhookId,
		EventName,
		EventCode,
		WebhookEvent: webhook.WebhookEvent,
		Description: webhook.Description,
		URL: webhook.URL,
		Method: webhook.Method,
		ContentType: webhook.ContentType,
		IsSpecificLandingPage: webhook.IsSpecificLandingPage,
		NotifyOnFailure: webhook.NotifyOnFailure,
		WebhookProperties: webhook.WebhookProperties,
		CustomHeaders: webhook.CustomHeaders,
		StatusCode: webhook.StatusCode,
		CreatedOn: lsqSeconds(webhook.CreatedOn),
		ModifiedOn: lsqSeconds(webhook.ModifiedOn),
	};
}
