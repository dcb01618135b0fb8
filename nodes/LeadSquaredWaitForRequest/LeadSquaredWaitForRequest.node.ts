import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	requestIdField,
	requestTypeField,
	statusPathOption,
} from '../shared/descriptions/asyncRequest';
import { includeInputFieldsField } from '../shared/descriptions/inputFields';
import { waitForRequests } from './waitForRequest';

export class LeadSquaredWaitForRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared Wait for Request',
		name: 'leadSquaredWaitForRequest',
		icon: {
			light: 'file:../../icons/leadsquared.svg',
			dark: 'file:../../icons/leadsquared.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{ "check until finished, up to " + $parameter["maxWaitSeconds"] + " s" }}',
		description:
			'Check an async LeadSquared capture or update until LeadSquared reports it finished, then send it to Succeeded or Failed',
		defaults: { name: 'Wait for LeadSquared Request' },
		// Not an AI tool: one call can keep checking for up to 15 minutes, which no agent waits
		// for. n8n-workflow types this property as `true | {...}`, with no `false`, and n8n only
		// makes tools of nodes whose value is truthy, so "not a tool" is spelled `undefined`;
		// declaring it keeps the choice explicit (and satisfies node-usable-as-tool).
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Succeeded', 'Failed'],
		credentials: [{ name: 'leadSquaredApi', required: true }],
		hints: [
			{
				message:
					'This node keeps the execution running while it waits. For waits longer than a few minutes, loop instead: LeadSquared "Get Request Status", an If node on "done", and n8n\'s Wait node back to the status check.',
				type: 'info',
				location: 'outputPane',
				whenToDisplay: 'always',
			},
		],
		properties: [
			{
				displayName:
					"Checks the status of each item's async request until LeadSquared reports Success (first output) or FAILURE/ERROR (second output). Requests still queued after Max Wait also go to the second output, with timedOut = true. For waits longer than a few minutes, loop with n8n's Wait node instead.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			requestIdField,
			requestTypeField,
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 900 },
				default: 120,
				description:
					'How long to keep checking before sending the item to the Failed output as timed out',
			},
			includeInputFieldsField,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'First Check After (Seconds)',
						name: 'firstIntervalSeconds',
						type: 'number',
						typeOptions: { minValue: 0.1 },
						default: 2,
						description: 'Pause after the first check; each later pause is 1.5 times longer',
					},
					{
						displayName: 'Longest Pause Between Checks (Seconds)',
						name: 'maxIntervalSeconds',
						type: 'number',
						typeOptions: { minValue: 0.1 },
						default: 30,
					},
					statusPathOption,
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await waitForRequests.call(this);
	}
}
