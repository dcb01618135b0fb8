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

const RETRIEVE_NOTE: LeadListEndpoint = {
	path: 'LeadManagement.svc/RetrieveNote',
	paging: 'pageIndex',
	recordKeys: ['Notes', 'List'],
};

export const getMany = defineOperation({
	name: 'Get Many',
	description: "List a lead's notes",
	action: 'Get many notes of a lead',
	properties: leadListFields(),
	prepare(this: IExecuteFunctions, itemIndex: number): LeadListQuery {
		return readLeadListQuery.call(this, itemIndex);
	},
	async execute(this: IExecuteFunctions, query: LeadListQuery, itemIndex: number) {
		return await readListRecords.call(
			this,
			leadListRequest(RETRIEVE_NOTE, query.leadId),
			itemIndex,
			query,
		);
	},
});
