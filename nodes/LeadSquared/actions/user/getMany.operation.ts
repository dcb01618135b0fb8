import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flattenRecord } from '../../../shared/records';
import { recordsOf } from '../../../shared/responses';
import { leadSquaredRequest } from '../../../shared/transport';
import { readListSettings, type ListSettings } from '../listRecords';
import { toUser } from '../../methods/accountMetadata';
import { optionsCollection, rawValuesOption, returnAllFields } from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	...returnAllFields,
	optionsCollection([
		{
			displayName: 'Include Inactive Users',
			name: 'includeInactive',
			type: 'boolean',
			default: false,
			description: 'Whether to also return deactivated users',
		},
		rawValuesOption,
	]),
];

interface PreparedQuery extends ListSettings {
	includeInactive: boolean;
}

export const getMany = defineOperation({
	name: 'Get Many',
	description: "List the account's users, active ones only unless asked",
	action: 'Get many users',
	properties,
	prepare(this: IExecuteFunctions, itemIndex: number): PreparedQuery {
		return {
			...readListSettings.call(this, itemIndex),
			includeInactive: this.getNodeParameter(
				'options.includeInactive',
				itemIndex,
				false,
			) as boolean,
		};
	},
	async execute(this: IExecuteFunctions, query: PreparedQuery, itemIndex: number) {
		// Users.Get answers with every user at once; Limit is applied here.
		const body = await leadSquaredRequest.call(
			this,
			{ api: 'v2', method: 'GET', path: 'UserManagement.svc/Users.Get', idempotent: true },
			itemIndex,
		);
		return recordsOf(body, 'Users')
			.filter((record) => query.includeInactive || toUser(record).active)
			.slice(0, query.pageLimit.limit)
			.map((record) => flattenRecord(record, { rawValues: query.rawValues }));
	},
});
