import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordCountOf, recordsOf } from '../../../shared/responses';
import { readOptionalText } from '../../helpers/accountChecks';
import { readListRecords, readListSettings, type ListSettings } from '../listRecords';
import { LISTS_PAGE_SIZE } from '../../methods/accountMetadata';
import { optionsCollection, rawValuesOption, returnAllFields } from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	...returnAllFields,
	optionsCollection([
		{
			displayName: 'List Type',
			name: 'listType',
			type: 'options',
			options: [
				{ name: 'All', value: '' },
				{ name: 'Dynamic', value: '1', description: 'Lists whose members follow a saved search' },
				{
					name: 'Refreshable',
					value: '2',
					description: 'Dynamic lists that LeadSquared refreshes on a schedule',
				},
				{
					name: 'Static',
					value: '0',
					description: 'Lists that leads are added to and removed from',
				},
			],
			default: '',
			description: "LeadSquared's ListType: 0 static, 1 dynamic, 2 refreshable",
		},
		{
			displayName: 'Search Text',
			name: 'searchText',
			type: 'string',
			default: '',
			description: 'Only lists whose name contains this text',
		},
		rawValuesOption,
	]),
];

interface PreparedQuery extends ListSettings {
	filter: IDataObject;
}

export const getMany = defineOperation({
	name: 'Get Many',
	description: "List the account's lead lists",
	action: 'Get many lists',
	properties,
	prepare(this: IExecuteFunctions, itemIndex: number): PreparedQuery {
		const listType = readOptionalText.call(this, itemIndex, 'options.listType', 'List Type');
		const searchText = readOptionalText.call(this, itemIndex, 'options.searchText', 'Search Text');
		return {
			...readListSettings.call(this, itemIndex),
			filter: {
				...(listType ? { ListType: listType } : {}),
				...(searchText ? { SearchText: searchText } : {}),
			},
		};
	},
	async execute(this: IExecuteFunctions, query: PreparedQuery, itemIndex: number) {
		return await readListRecords.call(
			this,
			{
				paging: 'pageIndex',
				maxPageSize: LISTS_PAGE_SIZE,
				request: (page) => ({
					api: 'v2',
					method: 'GET',
					path: 'LeadSegmentation.svc/Lists.Get',
					qs: { ...query.filter, ...page },
					idempotent: true,
				}),
				records: (body) => recordsOf(body, 'Lists'),
				total: recordCountOf,
			},
			itemIndex,
			query,
		);
	},
});
