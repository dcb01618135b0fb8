import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { mapPool } from '../../../shared/concurrency';
import { leadSquaredRequest } from '../../../shared/transport';
import { invalidInput, requireGuid } from '../../../shared/validation';
import { toAttribute } from '../../helpers/leadFields';
import { messageOf } from '../sendAndShape';

/** LeadSquared's documented maximum of lead IDs per Bulk Update call. */
export const BULK_UPDATE_MAX_LEADS = 50;

// Chunks of one item go out side by side; the rate limiter still decides the pace.
const CHUNK_CONCURRENCY = 8;

const properties: INodeProperties[] = [
	{
		displayName: 'Lead IDs',
		name: 'leadIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8e1f2c3a-…, 95e9618d-…',
		description:
			'Any number of lead IDs, separated by commas, spaces or new lines, or a list from an expression. They are sent in calls of 50, as LeadSquared requires.',
	},
	{
		displayName: 'Field Name',
		name: 'attribute',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. mx_City',
		description: 'Schema name of the one field to set on every lead',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		description: 'The value to set. Leave empty to clear the field.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Lead Type',
				name: 'leadType',
				type: 'string',
				default: '',
				placeholder: 'e.g. OT_1',
				description:
					'With Object Types enabled, also move the leads to this lead type. LeadSquared allows changing it from OT_0 only once.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['bulkUpdate'] } }, properties);

export interface BulkUpdate {
	leadIds: string[];
	attribute: string;
	value: string;
	leadType?: string;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): BulkUpdate {
	const node = this.getNode();
	const raw = this.getNodeParameter('leadIds', itemIndex) as unknown;
	const parts = Array.isArray(raw) ? raw : String(raw ?? '').split(/[\s,;]+/);
	const leadIds = [
		...new Set(
			parts
				.filter((part) => !(typeof part === 'string' && part.trim() === ''))
				.map((part, position) => requireGuid(node, itemIndex, `Lead IDs, entry ${position}`, part, 'lead ID')),
		),
	];
	if (leadIds.length === 0) throw invalidInput(node, itemIndex, 'Lead IDs', 'no lead IDs given');

	const { Attribute, Value } = toAttribute.call(
		this,
		itemIndex,
		'Field Name',
		this.getNodeParameter('attribute', itemIndex),
		this.getNodeParameter('value', itemIndex, ''),
	);
	const leadType = String(this.getNodeParameter('options.leadType', itemIndex, '') ?? '').trim();
	if (leadType !== '' && !/^OT_\d+$/.test(leadType)) {
		throw invalidInput(node, itemIndex, 'Lead Type', `"${leadType}" is not a lead type`, 'Lead types look like OT_0, OT_1, OT_2.');
	}
	return { leadIds, attribute: Attribute, value: Value, ...(leadType ? { leadType } : {}) };
}

export async function execute(this: IExecuteFunctions, update: BulkUpdate, itemIndex: number): Promise<IDataObject> {
	const chunks = chunk(update.leadIds, BULK_UPDATE_MAX_LEADS);
	const responses = await mapPool(chunks, CHUNK_CONCURRENCY, async (leadIds) =>
		await leadSquaredRequest.call<IExecuteFunctions, [ReturnType<typeof bulkRequest>, number], Promise<IDataObject>>(
			this,
			bulkRequest(update, leadIds),
			itemIndex,
		),
	);
	const affectedRows = responses.reduce((sum, response) => sum + (Number(messageOf(response).AffectedRows) || 0), 0);
	return {
		leadCount: update.leadIds.length,
		affectedRows,
		calls: chunks.length,
		attribute: update.attribute,
		value: update.value,
		...(update.leadType ? { leadType: update.leadType } : {}),
	};
}

export function bulkRequest(update: BulkUpdate, leadIds: string[]) {
	return {
		api: 'v2' as const,
		method: 'POST' as const,
		path: 'LeadManagement.svc/Lead/Bulk/Update',
		body: {
			LeadIds: leadIds,
			LeadFields: { Attribute: update.attribute, Value: update.value },
			...(update.leadType ? { Attribute: 'LeadType', Value: update.leadType } : {}),
		},
		idempotent: false,
	};
}

export function chunk<T>(values: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
	return chunks;
}
