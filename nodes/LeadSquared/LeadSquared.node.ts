import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { resourceProperties, subtitle } from './actions/resources';
import { router } from './actions/router';
import { getCustomFieldSets, getLeadFields } from './methods/loadOptions';
import { getLeadFieldMapping } from './methods/resourceMapping';

export class LeadSquared implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared',
		name: 'leadSquared',
		icon: { light: 'file:../../icons/leadsquared.svg', dark: 'file:../../icons/leadsquared.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description: 'Find, create, update and capture leads in LeadSquared',
		defaults: { name: 'LeadSquared' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leadSquaredApi', required: true }],
		properties: resourceProperties,
	};

	methods = {
		loadOptions: { getLeadFields, getCustomFieldSets },
		resourceMapping: { getLeadFieldMapping },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
