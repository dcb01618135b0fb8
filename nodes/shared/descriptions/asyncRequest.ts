import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_STATUS_PATHS } from '../requestStatus';

/** Fields that identify an async request; used by Get Request Status and the Wait for Request node. */
export const requestIdField: INodeProperties = {
	displayName: 'Request ID',
	name: 'requestId',
	type: 'string',
	required: true,
	default: '={{ $json.requestId }}',
	description: 'The RequestID returned by Capture (Async) or Update (Async)',
};

export const requestTypeField: INodeProperties = {
	displayName: 'Request Type',
	name: 'requestType',
	type: 'options',
	options: [
		{
			name: 'From Input Item',
			value: 'fromInput',
			description:
				'Use the requestType ("capture" or "update") that Capture (Async) and Update (Async) output',
		},
		{ name: 'Lead Capture', value: 'capture' },
		{ name: 'Lead Update', value: 'update' },
	],
	default: 'fromInput',
	description: 'LeadSquared has a separate status endpoint for each kind of async request',
};

export const statusPathOption: INodeProperties = {
	displayName: 'Status Path',
	name: 'statusPath',
	type: 'string',
	default: '',
	placeholder: DEFAULT_STATUS_PATHS.update,
	description: `Overrides the status endpoint path on the async host. LeadSquared does not fully document it; by default this package uses ${DEFAULT_STATUS_PATHS.capture} for captures and ${DEFAULT_STATUS_PATHS.update} for updates.`,
};
