import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as lead from './actions/lead';
import { getCustomFieldSets, getLeadFields } from './methods/loadOptions';
import { getLeadFieldMapping } from './methods/resourceMapping';
import { router } from './actions/router';

export class LeadSquared implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared',
		name: 'leadSquared',
		icon: { light: 'file:../../icons/leadsquared.svg', dark: 'file:../../icons/leadsquared.dark.svg' },
		group: ['transform'],
		version: 1,
		// The operation's label as the dropdown shows it, not its internal value.
		subtitle:
			'={{ ({ createOrUpdate: "Create or Update", update: "Update", bulkUpdate: "Bulk Update", capture: "Capture", captureAsync: "Capture (Async)", updateAsync: "Update (Async)", getRequestStatus: "Get Request Status" })[$parameter["operation"]] ?? $parameter["operation"] }}',
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

	methods = {
		loadOptions: { getLeadFields, getCustomFieldSets },
		resourceMapping: { getLeadFieldMapping },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
