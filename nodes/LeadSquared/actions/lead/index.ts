import type { INodeProperties } from 'n8n-workflow';

import * as bulkUpdate from './bulkUpdate.operation';
import * as capture from './capture.operation';
import * as captureAsync from './captureAsync.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as getRequestStatus from './getRequestStatus.operation';
import * as update from './update.operation';
import * as updateAsync from './updateAsync.operation';

export { bulkUpdate, capture, captureAsync, createOrUpdate, getRequestStatus, update, updateAsync };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'Bulk Update',
				value: 'bulkUpdate',
				description: 'Set one field to the same value on many leads',
				action: 'Bulk update leads',
			},
			{
				name: 'Capture',
				value: 'capture',
				description: 'Create a lead, or update the one that matches, with LeadSquared\'s capture rules',
				action: 'Capture a lead',
			},
			{
				name: 'Capture (Async)',
				value: 'captureAsync',
				description: 'Queue a lead capture and get a request ID to check later',
				action: 'Capture a lead asynchronously',
			},
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				description: 'Update the lead that matches the email address or phone, or create it',
				action: 'Create or update a lead',
			},
			{
				name: 'Get Request Status',
				value: 'getRequestStatus',
				description: 'Check whether a queued (async) capture or update has finished',
				action: 'Get the status of an async request',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change fields of one lead, found by its lead ID',
				action: 'Update a lead',
			},
			{
				name: 'Update (Async)',
				value: 'updateAsync',
				description: 'Queue an update of one lead and get a request ID to check later',
				action: 'Update a lead asynchronously',
			},
		],
		default: 'createOrUpdate',
	},
	...createOrUpdate.description,
	...update.description,
	...bulkUpdate.description,
	...capture.description,
	...captureAsync.description,
	...updateAsync.description,
	...getRequestStatus.description,
];
