import {
	NodeConnectionTypes,
	NodeOperationError,
	randomString,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { accountPicker, rawValuesOption } from '../LeadSquared/actions/common.descriptions';
import { getActivityTypes, getLeadFields } from '../LeadSquared/methods/loadOptions';
import { eventItems, eventsOf, secretMatches } from './delivery';
import {
	ACTIVITY_EVENTS,
	FIELD_EVENTS,
	eventOptions,
	eventSubtitle,
	isWebhookEvent,
	type WebhookEventName,
} from './events';
import {
	ENABLED,
	DELIVERY_CHECK_HEADER,
	createWebhook,
	deleteWebhook,
	findWebhook,
	type WebhookSpec,
} from './registration';

/** LeadSquared disables webhooks whose calls fail repeatedly, so every genuine delivery gets this. */
const ACCEPTED = { Status: 'Success' };

/** What the node keeps between activation and deactivation, in the workflow's static data. */
interface Registration {
	webhookId?: string;
	secret?: string;
	/** The URL and settings the webhook was created for; a change means creating it anew. */
	registeredFor?: string;
}

export class LeadSquaredTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared Trigger',
		name: 'leadSquaredTrigger',
		icon: {
			light: 'file:../../icons/leadsquared.svg',
			dark: 'file:../../icons/leadsquared.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle,
		description:
			'Starts the workflow when a lead, activity, task or opportunity changes in LeadSquared',
		defaults: { name: 'LeadSquared Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leadSquaredApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
			// LeadSquared checks a URL with HEAD when a webhook is saved.
			{ name: 'setup', httpMethod: 'HEAD', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					'Activating the workflow registers a webhook in LeadSquared, which needs an administrator\'s API keys. Plans limit webhooks (3 on Pro, 30 on Super) and each active workflow with this trigger uses one. Without admin keys, use "LeadSquared Polling Trigger".',
				name: 'webhookNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				required: true,
				default: 'leadCreated',
				options: eventOptions,
			},
			{
				displayName: 'Lead Field Name or ID',
				name: 'fieldName',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getLeadFields' },
				required: true,
				default: '',
				description:
					'The field whose changes start the workflow. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { event: FIELD_EVENTS } },
			},
			{
				...accountPicker('Activity Type Name or ID', 'activityType', 'getActivityTypes', {
					description:
						'Only activities of this type start the workflow; leave empty for every type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				}),
				displayOptions: { show: { event: ACTIVITY_EVENTS } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [rawValuesOption],
			},
		],
	};

	methods = { loadOptions: { getActivityTypes, getLeadFields } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				if (!registration.webhookId) return false;
				const spec = readSpec(this, '');
				if (registration.registeredFor !== fingerprintOf(spec)) return false;
				const webhook = await findWebhook(this, registration.webhookId);
				// Missing, or disabled by LeadSquared after failed deliveries: `create` replaces it,
				// deleting the old one first in case it is only missing from Retrieve's answer.
				return webhook !== undefined && webhook.statusCode === ENABLED && webhook.url === spec.url;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				const spec = readSpec(this, randomString(40));
				// The earlier webhook (disabled, or for other settings) goes first: plans allow only a few.
				if (registration.webhookId) await deleteWebhook(this, registration.webhookId);
				forget(registration);
				registration.webhookId = await createWebhook(this, spec);
				registration.secret = spec.secret;
				registration.registeredFor = fingerprintOf(spec);
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				if (registration.webhookId) await deleteWebhook(this, registration.webhookId);
				forget(registration);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getWebhookName() === 'setup') return { webhookResponse: ACCEPTED };

		const registration = this.getWorkflowStaticData('node') as Registration;
		if (
			!secretMatches(this.getHeaderData()[DELIVERY_CHECK_HEADER.toLowerCase()], registration.secret)
		) {
			this.getResponseObject().status(401).json({ Status: 'Error', Message: 'Unauthorized' });
			return { noWebhookResponse: true };
		}

		const event = this.getNodeParameter('event') as string;
		const activityType = ACTIVITY_EVENTS.includes(event as WebhookEventName)
			? (activityTypeCode(this.getNodeParameter('activityType', '')) ?? 0)
			: 0;
		const items = eventItems(eventsOf(this.getBodyData()), {
			rawValues: this.getNodeParameter('options.rawValues', false) as boolean,
			activityType,
		});
		if (items.length === 0) return { webhookResponse: ACCEPTED };
		return { webhookResponse: ACCEPTED, workflowData: [this.helpers.returnJsonArray(items)] };
	}
}

/** The node's settings as a registration; problems are reported before anything is sent. */
function readSpec(context: IHookFunctions, secret: string): WebhookSpec {
	const event = context.getNodeParameter('event') as unknown;
	if (!isWebhookEvent(event)) {
		throw new NodeOperationError(
			context.getNode(),
			`Event: "${String(event)}" is not an event this node knows`,
			{
				description: 'Choose an event from the list.',
			},
		);
	}
	const fieldName = FIELD_EVENTS.includes(event)
		? String(context.getNodeParameter('fieldName', '') ?? '').trim()
		: '';
	if (FIELD_EVENTS.includes(event) && fieldName === '') {
		throw new NodeOperationError(context.getNode(), 'Lead Field Name or ID: is empty', {
			description: 'Choose the lead field whose changes should start the workflow.',
		});
	}
	const activityType = ACTIVITY_EVENTS.includes(event)
		? activityTypeCode(context.getNodeParameter('activityType', ''))
		: 0;
	if (activityType === undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`Activity Type Name or ID: ${JSON.stringify(context.getNodeParameter('activityType', ''))} is not an activity type's code`,
			{
				description:
					'Choose the activity type from the list, or give its code (ActivityEvent, such as 201); leave it empty for every type.',
			},
		);
	}
	const url = context.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(context.getNode(), 'n8n did not give this trigger a webhook URL');
	return { url, event, activityType, fieldName, secret };
}

/** The type's code (ActivityEvent) from the dropdown or an expression; 0 for every type. */
function activityTypeCode(value: unknown): number | undefined {
	if (value === '' || value === null || value === undefined) return 0;
	const code = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof code === 'number' && Number.isInteger(code) && code >= 0 ? code : undefined;
}

function fingerprintOf(spec: WebhookSpec): string {
	return JSON.stringify([spec.url, spec.event, spec.activityType, spec.fieldName]);
}

function forget(registration: Registration): void {
	delete registration.webhookId;
	delete registration.secret;
	delete registration.registeredFor;
}
