import type { IExecuteFunctions } from 'n8n-workflow';

import { readOpportunityType } from '../../helpers/accountChecks';
import {
	leadListFields,
	leadListRequest,
	readLeadListQuery,
	readListRecords,
	type LeadListEndpoint,
	type LeadListQuery,
} from '../listRecords';
import { accountPicker } from '../common.descriptions';
import { defineOperation } from '../define';

const OPPORTUNITIES_OF_LEAD: LeadListEndpoint = {
	path: 'OpportunityManagement.svc/GetOpportunitiesOfLead',
	paging: 'pageIndex',
	recordKeys: ['List', 'Opportunities'],
};

interface PreparedQuery extends LeadListQuery {
	opportunityType: number;
}

export const getMany = defineOperation({
	name: 'Get Many',
	description: "List a lead's opportunities of one type",
	action: 'Get many opportunities of a lead',
	properties: leadListFields([
		accountPicker('Opportunity Type Name or ID', 'opportunityType', 'getOpportunityTypes', {
			required: true,
		}),
	]),
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedQuery> {
		const query = readLeadListQuery.call(this, itemIndex);
		return { ...query, opportunityType: (await readOpportunityType.call(this, itemIndex)).code };
	},
	async execute(this: IExecuteFunctions, query: PreparedQuery, itemIndex: number) {
		const request = leadListRequest(OPPORTUNITIES_OF_LEAD, query.leadId, {
			query: { opportunityType: query.opportunityType },
		});
		return await readListRecords.call(this, request, itemIndex, query);
	},
});
