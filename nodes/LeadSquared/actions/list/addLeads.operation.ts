import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { leadSquaredRequest, type ResponseBody } from '../../../shared/transport';
import { readListId } from '../../helpers/accountChecks';
import { staticListField } from './fields';
import { leadIdsField, readLeadIds } from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [staticListField, leadIdsField];

/**
 * The most lead IDs sent in one AddLeadsToStaticList call. LeadSquared documents no cap for this
 * endpoint; its bulk lead endpoints take a few hundred at most, so larger sets go in several calls.
 */
export const ADD_LEADS_CHUNK = 100;

interface PreparedAdd {
	listId: string;
	leadIds: string[];
}

export const addLeads = defineOperation({
	name: 'Add Leads',
	description: 'Add leads to a static list',
	action: 'Add leads to a list',
	properties,
	prepare(this: IExecuteFunctions, itemIndex: number): PreparedAdd {
		return { listId: readListId.call(this, itemIndex), leadIds: readLeadIds.call(this, itemIndex) };
	},
	async execute(this: IExecuteFunctions, { listId, leadIds }: PreparedAdd, itemIndex: number) {
		const responses: ResponseBody[] = [];
		for (let start = 0; start < leadIds.length; start += ADD_LEADS_CHUNK) {
			const chunk = leadIds.slice(start, start + ADD_LEADS_CHUNK);
			try {
				responses.push(
					await leadSquaredRequest.call(
						this,
						{
							api: 'v2',
							method: 'POST',
							path: 'LeadSegmentation.svc/AddLeadsToStaticList',
							body: { listId, leadIds: chunk },
							idempotent: false,
						},
						itemIndex,
					),
				);
			} catch (error) {
				// The transport's error is kept; it only gains which leads earlier calls already added,
				// so the user re-sends the rest and not the whole item.
				const failure =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
				if (start > 0) {
					const done = `Leads 1 to ${start} of ${leadIds.length} were added before this call failed; the rest were not sent.`;
					failure.description = failure.description ? `${failure.description} ${done}` : done;
				}
				throw failure;
			}
		}
		return { listId, leadsSent: leadIds.length, calls: responses.length, responses };
	},
});
