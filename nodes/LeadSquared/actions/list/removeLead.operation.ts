import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadSquaredRequest } from '../../../shared/transport';
import { readListId } from '../../helpers/accountChecks';
import { staticListField } from './fields';
import { leadIdField, readLeadId } from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [staticListField, leadIdField];

interface PreparedRemove {
	listId: string;
	leadId: string;
}

export const removeLead = defineOperation({
	name: 'Remove Lead',
	description: 'Remove a lead from a static list',
	action: 'Remove a lead from a list',
	properties,
	prepare(this: IExecuteFunctions, itemIndex: number): PreparedRemove {
		return { listId: readListId.call(this, itemIndex), leadId: readLeadId.call(this, itemIndex) };
	},
	async execute(this: IExecuteFunctions, { listId, leadId }: PreparedRemove, itemIndex: number) {
		// LeadSquared documents this write as a GET; it is still never re-sent after an unclear failure.
		const response = await leadSquaredRequest.call(
			this,
			{
				api: 'v2',
				method: 'GET',
				path: 'LeadSegmentation.svc/RemoveLeadFromStaticList',
				qs: { ListId: listId, LeadID: leadId },
				idempotent: false,
			},
			itemIndex,
		);
		return { listId, leadId, response };
	},
});
