import type { INodeProperties } from 'n8n-workflow';

import { accountPicker } from '../common.descriptions';

/** The static list that Add Leads and Remove Lead change. */
export const staticListField: INodeProperties = accountPicker(
	'List Name or ID',
	'listId',
	'getStaticLists',
	{ required: true },
);
