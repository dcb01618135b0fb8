import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The LeadSquared webhook events the trigger offers, with LeadSquared's event codes
 * (Webhook.svc `WebhookEvent`). Landing page submissions, score changes, task reminders and
 * opportunity deletes exist too but are left out until someone asks for them.
 */
export const WEBHOOK_EVENTS = {
	activityCreated: {
		name: 'Activity Created',
		code: 2,
		description: 'An activity of the chosen type is posted on a lead',
	},
	activityUpdated: {
		name: 'Activity Updated',
		code: 15,
		description: 'An activity of the chosen type is changed',
	},
	leadCreated: { name: 'Lead Created', code: 3, description: 'A new lead is created' },
	leadFieldUpdated: {
		name: 'Lead Field Updated',
		code: 26,
		description: 'The chosen lead field changes',
	},
	leadOwnerChanged: {
		name: 'Lead Owner Changed',
		code: 4,
		description: 'A lead is assigned to another owner',
	},
	leadStageChanged: {
		name: 'Lead Stage Changed',
		code: 5,
		description: 'A lead moves to another stage',
	},
	leadUpdated: { name: 'Lead Updated', code: 6, description: 'Any field of a lead changes' },
	opportunityCreated: {
		name: 'Opportunity Created',
		code: 31,
		description: 'A new opportunity is created',
	},
	opportunityStageChanged: {
		name: 'Opportunity Stage Changed',
		code: 34,
		description: 'An opportunity moves to another stage',
	},
	opportunityUpdated: {
		name: 'Opportunity Updated',
		code: 32,
		description: 'Any field of an opportunity changes',
	},
	taskCompleted: { name: 'Task Completed', code: 16, description: 'A task is marked complete' },
	taskCreated: { name: 'Task Created', code: 7, description: 'A new task is created' },
} as const;

export type WebhookEventName = keyof typeof WEBHOOK_EVENTS;

/** Events that need an activity type, and the one that needs a lead field. */
export const ACTIVITY_EVENTS: WebhookEventName[] = ['activityCreated', 'activityUpdated'];
export const FIELD_EVENTS: WebhookEventName[] = ['leadFieldUpdated'];

export const eventOptions: INodePropertyOptions[] = Object.entries(WEBHOOK_EVENTS).map(
	([value, event]) => ({
		name: event.name,
		value,
		description: event.description,
	}),
);

export function isWebhookEvent(value: unknown): value is WebhookEventName {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(WEBHOOK_EVENTS, value);
}

/** The canvas subtitle: the chosen event's label ("Lead Created"), not its internal value. */
export const eventSubtitle = `={{ (${JSON.stringify(
	Object.fromEntries(Object.entries(WEBHOOK_EVENTS).map(([value, event]) => [value, event.name])),
)})[$parameter["event"]] }}`;
