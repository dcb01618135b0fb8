import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { rawValuesOption } from '../LeadSquared/actions/common.descriptions';
import { flattenRecord } from '../shared/records';
import { newChanges, windowFor, type ChangeType, type PollState } from './cursor';
import { latestLead, leadsModifiedBetween, type ModifiedLead } from './recentlyModified';

const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Lead Created',
		value: 'leadCreated',
		description: 'Only leads new since the last check',
	},
	{
		name: 'Lead Created or Updated',
		value: 'leadCreatedOrUpdated',
		description: 'Every change; each item says which in ChangeType',
	},
	{
		name: 'Lead Updated',
		value: 'leadUpdated',
		description: 'Only changes to leads that existed before',
	},
];

/**
 * A separate node from the webhook trigger: n8n runs `poll` in place of passing a webhook's
 * data through when a node has both, and adds Poll Times to every polling node.
 */
export class LeadSquaredPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared Polling Trigger',
		name: 'leadSquaredPollingTrigger',
		icon: {
			light: 'file:../../icons/leadsquared.svg',
			dark: 'file:../../icons/leadsquared.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: `={{ (${JSON.stringify(Object.fromEntries(EVENT_OPTIONS.map((option) => [option.value, option.name])))})[$parameter["event"]] }}`,
		description:
			'Starts the workflow when leads are created or changed in LeadSquared, by checking at regular times; needs no admin keys',
		defaults: { name: 'LeadSquared Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leadSquaredApi', required: true }],
		properties: [
			{
				displayName:
					'Checks LeadSquared for leads changed since the last check (Leads.RecentlyModified). Works with any user\'s API keys; the first check after activation only notes the time. For instant starts with admin keys, use "LeadSquared Trigger".',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'leadCreatedOrUpdated',
				options: EVENT_OPTIONS,
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

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const rawValues = this.getNodeParameter('options.rawValues', false) as boolean;
		const now = new Date();

		if (this.getMode() === 'manual') {
			const latest = await latestLead(this, now);
			if (!latest) return null;
			return [
				this.helpers.returnJsonArray([
					itemOf(latest, latest.createdOn === latest.modifiedOn ? 'created' : 'updated', rawValues),
				]),
			];
		}

		const state = this.getWorkflowStaticData('node') as PollState;
		const window = windowFor(state, now);
		if (!window) {
			// Activation starts the clock: nothing from before it is news.
			Object.assign(state, {
				startedAt: now.toISOString(),
				lastPolledAt: now.toISOString(),
				seen: {},
			});
			return null;
		}
		const leads = await leadsModifiedBetween(this, window.from, window.to);
		const { changes, next } = newChanges(leads, state, window);
		Object.assign(state, next);

		const wanted = wantedChangeTypes(this.getNodeParameter('event') as string);
		const items = changes
			.filter(({ type }) => wanted.includes(type))
			.map(({ change, type }) => itemOf(change, type, rawValues));
		return items.length > 0 ? [this.helpers.returnJsonArray(items)] : null;
	}
}

function wantedChangeTypes(event: string): ChangeType[] {
	if (event === 'leadCreated') return ['created'];
	if (event === 'leadUpdated') return ['updated'];
	return ['created', 'updated'];
}

function itemOf({ lead }: ModifiedLead, type: ChangeType, rawValues: boolean): IDataObject {
	return { ...flattenRecord(lead, { rawValues }), ChangeType: type };
}
