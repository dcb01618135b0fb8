import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadSquaredRequestPages, type ListRequest } from '../../../shared/transport';
import { leadIdsField, optionsCollection, readLeadIds } from '../common.descriptions';
import { defineOperation } from '../define';
import { leadItems, leadPages, leadReadOptions, readLeadRead, type LeadRead } from './leadReads';

/** LeadSquared's documented maximum of lead IDs per Leads/Retrieve/ByIds call. */
const MAX_IDS = 10000;

/**
 * Undocumented for this endpoint; 1000 is the largest page LeadSquared's other lead reads
 * accept, so the answer is read in pages of that size, counted by RecordCount.
 */
const PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	{
		...leadIdsField,
		description: `Up to ${MAX_IDS.toLocaleString('en-US')} lead IDs, separated by commas, spaces or new lines, or a list from an expression`,
	},
	optionsCollection(leadReadOptions),
];

interface ByIds extends LeadRead {
	list: ListRequest;
}

function prepare(this: IExecuteFunctions, itemIndex: number): ByIds {
	const leadIds = readLeadIds.call(this, itemIndex, MAX_IDS);
	const read = readLeadRead.call(this, itemIndex);
	return {
		...read,
		list: leadPages(
			'Leads/Retrieve/ByIds',
			PAGE_SIZE,
			{ SearchParameters: { LeadIds: leadIds } },
			read,
		),
	};
}

async function execute(this: IExecuteFunctions, byIds: ByIds, itemIndex: number) {
	return leadItems(
		await leadSquaredRequestPages.call(
			this,
			byIds.list,
			{ returnAll: true, limit: Infinity },
			itemIndex,
		),
		byIds,
	);
}

export const getManyByIds = defineOperation({
	name: 'Get Many by IDs',
	description: 'Get the leads with the given lead IDs, up to 10,000 per item',
	action: 'Get many leads by ID',
	properties,
	prepare,
	execute,
});
