import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import * as lead from './lead';

export const description: INodeTypeDescription = {
	displayName: 'LeadSquared',
	name: 'leadSquared',
	icon: { light: 'file:../../icons/leadsquared.svg', dark: 'file:../../icons/leadsquared.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description: 'Create, update and capture leads in LeadSquared',
	defaults: { name: 'LeadSquared' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'leadSquaredApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [{ name: 'Lead', value: 'lead' }],
			default: 'lead',
		},
		...lead.description,
	],
};
