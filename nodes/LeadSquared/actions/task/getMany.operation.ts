import type { IExecuteFunctions } from 'n8n-workflow';

import {
	leadListFields,
	leadListRequest,
	readLeadListQuery,
	readListRecords,
	type LeadListEndpoint,
	type LeadListQuery,
} from '../listRecords';
import { defineOperation } from '../define';

// Documented as a GET under LeadManagement.svc; it may answer with every task at once, which the
// pager takes as the last page.
const RETRIEVE_TASKS: LeadListEndpoint = {
	path: 'LeadManagement.svc/RetrieveTaskByLeadId',
	method: 'GET',
	paging: 'offset',
	recordKeys: ['TaskList', 'Tasks'],
};

export const getMany = defineOperation({
	name: 'Get Many',
	description: 'List the tasks related to a lead',
	action: 'Get many tasks of a lead',
	properties: leadListFields(),
	prepare(this: IExecuteFunctions, itemIndex: number): LeadListQuery {
		return readLeadListQuery.call(this, itemIndex);
	},
	async execute(this: IExecuteFunctions, query: LeadListQuery, itemIndex: number) {
		return await readListRecords.call(
			this,
			leadListRequest(RETRIEVE_TASKS, query.leadId),
			itemIndex,
			query,
		);
	},
});
