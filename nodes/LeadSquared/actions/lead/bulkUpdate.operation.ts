import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mapPool, runPool } from '../../../shared/concurrency';
import type { ItemOutcome, PreparedItem } from '../../../shared/itemRunner';
import { messageOf } from '../../../shared/responses';
import { callConcurrency, leadSquaredRequest, type ApiRequest } from '../../../shared/transport';
import { invalidInput } from '../../../shared/validation';
import { toAttribute } from '../../helpers/leadFields';
import {
	fieldNamePicker,
	leadIdsField,
	optionsCollection,
	readLeadIds,
} from '../common.descriptions';
import { defineOperation, type OperationResult } from '../define';

/** LeadSquared's documented maximum of lead IDs per Bulk Update call. */
const BULK_UPDATE_MAX_LEADS = 50;

const properties: INodeProperties[] = [
	{
		...leadIdsField,
		description:
			'Any number of lead IDs, separated by commas, spaces or new lines, or a list from an expression. They are sent in calls of 50, as LeadSquared requires.',
	},
	{ ...fieldNamePicker('Field Name or ID', 'getLeadFields'), required: true },
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		description: 'The value to set. Leave empty to clear the field.',
	},
	optionsCollection([
		{
			displayName: 'Combine Items Into Shared Calls',
			name: 'mergeItems',
			type: 'boolean',
			default: false,
			description:
				'Whether items that set the same field to the same value share calls of 50 lead IDs instead of each making its own. Much faster when many items carry one or a few lead IDs each.',
		},
		{
			displayName: 'Lead Type',
			name: 'leadType',
			type: 'string',
			default: '',
			placeholder: 'e.g. OT_1',
			description:
				'With Object Types enabled, also move the leads to this lead type. LeadSquared allows changing it from OT_0 only once.',
		},
	]),
];

interface BulkUpdate {
	leadIds: string[];
	attribute: string;
	value: string;
	leadType?: string;
}

function prepare(this: IExecuteFunctions, itemIndex: number): BulkUpdate {
	const leadIds = readLeadIds.call(this, itemIndex);
	const { Attribute, Value } = toAttribute.call(
		this,
		itemIndex,
		'Field Name',
		this.getNodeParameter('attribute', itemIndex),
		this.getNodeParameter('value', itemIndex, ''),
	);
	const leadType = String(this.getNodeParameter('options.leadType', itemIndex, '') ?? '').trim();
	if (leadType !== '' && !/^OT_\d+$/.test(leadType)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Lead Type',
			`"${leadType}" is not a lead type`,
			'Lead types look like OT_0, OT_1, OT_2.',
		);
	}
	return { leadIds, attribute: Attribute, value: Value, ...(leadType ? { leadType } : {}) };
}

async function execute(
	this: IExecuteFunctions,
	update: BulkUpdate,
	itemIndex: number,
): Promise<IDataObject> {
	const chunks = chunk(update.leadIds, BULK_UPDATE_MAX_LEADS);
	// Chunks go out side by side; the rate limiter still decides the pace.
	const responses = await mapPool(
		chunks,
		await callConcurrency.call(this),
		async (leadIds) => await leadSquaredRequest.call(this, bulkRequest(update, leadIds), itemIndex),
	);
	const affectedRows = responses.reduce((sum, response) => sum + affectedRowsOf(response), 0);
	return { ...settingOf(update), ...countsOf(update, affectedRows), calls: chunks.length };
}

/**
 * With "Combine Items Into Shared Calls": items that set the same field to the same value are
 * pooled, their lead IDs sent in calls of 50, and each item reports the calls it shared. An
 * item fails if any call carrying one of its lead IDs failed.
 */
async function executeAll(
	this: IExecuteFunctions,
	items: Array<PreparedItem<BulkUpdate>>,
): Promise<Array<ItemOutcome<OperationResult>> | undefined> {
	if (
		items.length === 0 ||
		!(this.getNodeParameter('options.mergeItems', items[0].itemIndex, false) as boolean)
	) {
		return undefined;
	}
	const calls: Array<{ update: BulkUpdate; leadIds: string[]; owners: number[] }> = [];
	const callsOfItem = new Map<number, number[]>();
	for (const group of groupBySetting(items)) {
		const ownersOf = new Map<string, number[]>();
		for (const { itemIndex, prepared } of group) {
			for (const id of prepared.leadIds) appendTo(ownersOf, id, itemIndex);
		}
		for (const leadIds of chunk([...ownersOf.keys()], BULK_UPDATE_MAX_LEADS)) {
			const owners = [...new Set(leadIds.flatMap((id) => ownersOf.get(id) ?? []))];
			for (const owner of owners) appendTo(callsOfItem, owner, calls.length);
			calls.push({ update: group[0].prepared, leadIds, owners });
		}
	}

	const results: Array<{ affectedRows: number } | { error: Error }> = new Array(calls.length);
	const continueOnFail = this.continueOnFail();
	await runPool(
		calls.length,
		await callConcurrency.call(this),
		async (position) => {
			const { update, leadIds, owners } = calls[position];
			try {
				results[position] = {
					affectedRows: affectedRowsOf(
						await leadSquaredRequest.call(this, bulkRequest(update, leadIds), owners[0]),
					),
				};
			} catch (error) {
				results[position] = { error };
			}
		},
		() => !continueOnFail && results.some((result) => result && 'error' in result),
	);

	return items.map(({ itemIndex, prepared }) => {
		const mine = (callsOfItem.get(itemIndex) ?? []).map((position) => results[position]);
		const failed = mine.find((result) => result === undefined || 'error' in result);
		if (failed !== undefined || mine.length === 0) {
			return {
				itemIndex,
				error:
					failed && 'error' in failed
						? failed.error
						: new Error('Not sent: an earlier call failed'),
			};
		}
		// Shared calls report rows for every item in them, so an item's own count is unknown.
		return {
			itemIndex,
			result: {
				...settingOf(prepared),
				sharedCalls: mine.length,
				sharedCallsAffectedRows: mine.reduce(
					(sum, result) => sum + ('affectedRows' in result ? result.affectedRows : 0),
					0,
				),
			},
		};
	});
}

function settingOf(update: BulkUpdate): IDataObject {
	return {
		leadCount: update.leadIds.length,
		attribute: update.attribute,
		value: update.value,
		...(update.leadType ? { leadType: update.leadType } : {}),
	};
}

/** LeadSquared only counts the rows it changed, so say how many IDs it left alone, and why that happens. */
function countsOf(update: BulkUpdate, affectedRows: number): IDataObject {
	const notUpdated = Math.max(0, update.leadIds.length - affectedRows);
	if (notUpdated === 0) return { affectedRows, notUpdated };
	return {
		affectedRows,
		notUpdated,
		note: `LeadSquared updated ${affectedRows} of ${update.leadIds.length} leads. A lead is left out when its ID does not exist in this account (deleted, merged, or from another account).`,
	};
}

function affectedRowsOf(response: Awaited<ReturnType<typeof leadSquaredRequest>>): number {
	return Number(messageOf(response).AffectedRows) || 0;
}

function groupBySetting(
	items: Array<PreparedItem<BulkUpdate>>,
): Array<Array<PreparedItem<BulkUpdate>>> {
	const groups = new Map<string, Array<PreparedItem<BulkUpdate>>>();
	for (const item of items) {
		appendTo(
			groups,
			JSON.stringify([item.prepared.attribute, item.prepared.value, item.prepared.leadType ?? '']),
			item,
		);
	}
	return [...groups.values()];
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function bulkRequest(update: BulkUpdate, leadIds: string[]): ApiRequest {
	return {
		api: 'v2',
		method: 'POST',
		path: 'LeadManagement.svc/Lead/Bulk/Update',
		body: {
			LeadIds: leadIds,
			LeadFields: { Attribute: update.attribute, Value: update.value },
			...(update.leadType ? { Attribute: 'LeadType', Value: update.leadType } : {}),
		},
		idempotent: false,
	};
}

function chunk<T>(values: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < values.length; start += size)
		chunks.push(values.slice(start, start + size));
	return chunks;
}

export const bulkUpdate = defineOperation({
	name: 'Bulk Update',
	description: 'Set one field to the same value on many leads',
	action: 'Bulk update leads',
	properties,
	prepare,
	execute,
	executeAll,
});
