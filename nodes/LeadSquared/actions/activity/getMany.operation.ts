import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isObject } from '../../../shared/responses';

import { readActivityTypeFilter } from '../../helpers/accountChecks';
import { leadListFields, leadListRequest, readLeadListQuery, readListRecords, type LeadListEndpoint, type LeadListQuery } from '../../helpers/listRecords';
import { accountPicker } from '../common.descriptions';
import { defineOperation } from '../define';

const RETRIEVE_ACTIVITIES: LeadListEndpoint = { path: 'ProspectActivity.svc/Retrieve', paging: 'offset', recordKeys: ['ProspectActivities'] };

interface PreparedQuery extends LeadListQuery {
	activityEvent?: number;
}

export const getMany = defineOperation({
	name: 'Get Many',
	description: 'List a lead\'s activities',
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
		const parameter = query.activityEvent === undefined ? undefined : { ActivityEvent: query.activityEvent };
		return await readListRecords.call(this, leadListRequest(RETRIEVE_ACTIVITIES, query.leadId, { parameter }), itemIndex, query, unpackData);
	},
});

/**
 * Retrieve lists an activity's note and own fields as `Data: [{ Key, Value }]`; they become
 * ordinary properties (`mx_Custom_1`, `ActivityEvent_Note`, ...) so a workflow maps them directly.
 */
function unpackData(record: IDataObject): IDataObject {
	const { Data: data, ...rest } = record;
	if (!Array.isArray(data)) return record;
	const pairs = data.filter((entry): entry is IDataObject => isObject(entry) && typeof entry.Key === 'string');
	return { ...rest, ...Object.fromEntries(pairs.map((entry) => [entry.Key as string, entry.Value])) };
}
