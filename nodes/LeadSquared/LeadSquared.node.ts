import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { resourceProperties, subtitle } from './actions/resources';
import { router } from './actions/router';
import {
	getActivityTypes,
	getCustomFieldSets,
	getLeadFields,
	getOpportunityTypes,
	getStaticLists,
	getTaskTypes,
	getUniqueLeadFields,
	getUsers,
} from './methods/loadOptions';
import {
	getActivityFieldMapping,
	getLeadFieldMapping,
	getOpportunityFieldMapping,
} from './methods/resourceMapping';

export class LeadSquared implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared',
		name: 'leadSquared',
		icon: {
			light: 'file:../../icons/leadsquared.svg',
			dark: 'file:../../icons/leadsquared.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle,
		description:
			'Find and capture leads, and log their activities, tasks, notes, opportunities and lists in LeadSquared',
		defaults: { name: 'LeadSquared' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leadSquaredApi', required: true }],
		properties: resourceProperties,
	};

	methods = {
		loadOptions: {
			getLeadFields,
			getCustomFieldSets,
			getUniqueLeadFields,
			getActivityTypes,
			getTaskTypes,
			getUsers,
			getStaticLists,
			getOpportunityTypes,
		},
		resourceMapping: { getLeadFieldMapping, getActivityFieldMapping, getOpportunityFieldMapping },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
