import type { IExecuteFunctions } from 'n8n-workflow';

import { unpackKeyValueData } from '../../../shared/records';
import { readActivityTypeFilter } from '../../helpers/accountChecks';
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

const RETRIEVE_ACTIVITIES: LeadListEndpoint = {
	path: 'ProspectActivity.svc/Retrieve',
	paging: 'offset',
	recordKeys: ['ProspectActivities'],
};

interface PreparedQuery extends LeadListQuery {
	activityEvent?: number;
}

export const getMany = defineOperation({
	name: 'Get Many',
	description: "List a lead's activities",
	action: 'Get many activities of a lead',
	properties: leadListFields([
		accountPicker('Activity Type Name or ID', 'activityType', 'getActivityTypes', {
			description:
				'Only activities of this type; leave empty for every type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		}),
	]),
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedQuery> {
		const query = readLeadListQuery.call(this, itemIndex);
		const type = await readActivityTypeFilter.call(this, itemIndex, 'activityType');
		return { ...query, activityEvent: type?.code };
	},
	async execute(this: IExecuteFunctions, query: PreparedQuery, itemIndex: number) {
		const parameter =
			query.activityEvent === undefined ? undefined : { ActivityEvent: query.activityEvent };
		return await readListRecords.call(
			this,
			leadListRequest(RETRIEVE_ACTIVITIES, query.leadId, { parameter }),
			itemIndex,
			query,
			unpackKeyValueData,
		);
	},
});
