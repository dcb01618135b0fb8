/**
 * Replies for the account metadata the sales-day resources read (activity types and their
 * fields, task types, users, lists, opportunity types), shaped like the sandbox's and
 * LeadSquared's answers. Each sets up exactly one reply: the node reads each once per run.
 */
import nock from 'nock';

import { API_BASE, TEST_CREDENTIALS } from './engine';

export const V2_AUTH = {
	reqheaders: {
		'x-lsq-accesskey': TEST_CREDENTIALS.accessKey,
		'x-lsq-secretkey': TEST_CREDENTIALS.secretKey,
	},
	badheaders: ['x-api-key', 'x-n8n-leadsquared-auth'],
};

export const LEAD_ID = 'ce7d56da-7864-495e-9c09-3da7e034aac4';
export const OTHER_LEAD_ID = '11111111-1111-4111-8111-111111111111';
export const PRIYA = {
	ID: '6a0b1c2d-0000-4000-8000-0000000005a1',
	FirstName: 'Priya',
	LastName: 'Sharma',
	EmailAddress: 'priya.sharma@sandbox.example',
	Role: 'Sales_User',
	StatusCode: 0,
};
export const RAVI = {
	ID: '6a0b1c2d-0000-4000-8000-0000000001a0',
	FirstName: 'Ravi',
	LastName: 'Kumar',
	EmailAddress: 'ravi.kumar@sandbox.example',
	Role: 'Sales_User',
	StatusCode: 1,
};
export const ADMIN = {
	ID: '6a0b1c2d-0000-4000-8000-00000000a11c',
	FirstName: 'Sandbox',
	LastName: 'Admin',
	EmailAddress: 'admin@sandbox.example',
	Role: 'Administrator',
	StatusCode: 0,
};
export const WEBINAR_LIST = '9e3f2c40-0000-4000-8000-000000000001';

export const v2 = () => nock(API_BASE, V2_AUTH);

export function replyActivityTypes() {
	return v2()
		.get('/v2/ProspectActivity.svc/ActivityTypes.Get')
		.reply(200, [
			{ ActivityEvent: 201, ActivityEventName: 'Webinar attended', Score: 5 },
			{ ActivityEvent: 202, ActivityEventName: 'Payment received', Score: 20 },
		]);
}

/** The "Webinar attended" type's fields, as GetActivitySetting answers (options as OptionSet text). */
export function replyWebinarSetting() {
	return v2()
		.get('/v2/ProspectActivity.svc/CustomActivity/GetActivitySetting')
		.query({ code: '201' })
		.reply(200, {
			ID: '7c1d0a20-0000-4000-8000-000000000201',
			Name: 'Webinar attended',
			Fields: [
				{
					SchemaName: 'mx_Custom_1',
					DisplayName: 'Webinar Name',
					DataType: 'String',
					IsMandatory: true,
					OptionSet: '',
				},
				{
					SchemaName: 'mx_Custom_2',
					DisplayName: 'Minutes Attended',
					DataType: 'Number',
					IsMandatory: false,
					OptionSet: '',
				},
				{
					SchemaName: 'mx_Custom_3',
					DisplayName: 'Attended On',
					DataType: 'DateTime',
					IsMandatory: false,
					OptionSet: '',
				},
				{
					SchemaName: 'mx_Custom_4',
					DisplayName: 'Format',
					DataType: 'Dropdown',
					IsMandatory: false,
					OptionSet: JSON.stringify([
						{ Text: 'Live', Value: 'Live', Order: 0 },
						{ Text: 'Recording', Value: 'Recording', Order: 1 },
					]),
				},
			],
		});
}

export function replyTaskTypes() {
	return v2()
		.get('/v2/Task.svc/RetrieveTaskType')
		.reply(200, [
			{ Id: '8d2e1b30-0000-4000-8000-000000000001', Name: 'Meeting', Category: 0 },
			{ Id: '8d2e1b30-0000-4000-8000-000000000003', Name: 'Follow Up', Category: 1 },
		]);
}

export function replyUsers() {
	return v2().get('/v2/UserManagement.svc/Users.Get').reply(200, [ADMIN, PRIYA, RAVI]);
}

export function replyOpportunityTypes() {
	return v2()
		.get('/v2/OpportunityManagement.svc/GetOpportunityTypes')
		.reply(200, [
			{
				OpportunityEventCode: 12000,
				Name: 'Admission',
				Fields: [
					{
						SchemaName: 'mx_Custom_1',
						DisplayName: 'Opportunity Name',
						DataType: 'String',
						IsMandatory: true,
					},
					{
						SchemaName: 'mx_Custom_2',
						DisplayName: 'Amount',
						DataType: 'Number',
						IsMandatory: false,
					},
					{
						SchemaName: 'Status',
						DisplayName: 'Status',
						DataType: 'Dropdown',
						IsMandatory: false,
						OptionSet: '[{"Text":"Open","Value":"Open"},{"Text":"Won","Value":"Won"}]',
					},
				],
			},
		]);
}

/** A resource mapper value as the editor saves it for "Map Each Field Below". */
export const mapped = (value: Record<string, unknown>) => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	schema: [],
});
