import { dotNetDate, lsqDateTime } from './dates';
import type { Lead } from './leads';
import { invalidInput } from './shapes';

/** A field of an activity or opportunity type, as GetActivitySetting describes it. */
export interface CustomField {
	SchemaName: string;
	DisplayName: string;
	DataType: 'String' | 'Number' | 'DateTime' | 'Dropdown';
	IsMandatory: boolean;
	Options?: string[];
}

export interface User {
	ID: string;
	FirstName: string;
	LastName: string;
	EmailAddress: string;
	Role: string;
	/** 0 active, 1 inactive. */
	StatusCode: 0 | 1;
}

export interface ActivityType {
	ActivityEvent: number;
	ActivityEventName: string;
	Id: string;
	Score: number;
	Fields: CustomField[];
}

export interface TaskType {
	Id: string;
	Name: string;
	/** 0 appointment, 1 to-do. */
	Category: 0 | 1;
	Color: string;
}

export interface OpportunityType {
	OpportunityEventCode: number;
	Name: string;
	Fields: CustomField[];
}

export interface ListSeed {
	ListId: string;
	ListName: string;
	ListDescription: string;
	ListType: 'static' | 'dynamic';
}

const field = (
	SchemaName: string,
	DisplayName: string,
	DataType: CustomField['DataType'],
	extra: Partial<CustomField> = {},
): CustomField => ({
	SchemaName,
	DisplayName,
	DataType,
	IsMandatory: false,
	...extra,
});

/** The API user: the same id and email UserByAccessKey.Get answers with. */
export const API_USER_ID = '6a0b1c2d-0000-4000-8000-00000000a11c';

/** The sandbox account's configuration: what a sales team's LeadSquared admin has set up. */
export const ACCOUNT = {
	users: [
		{
			ID: API_USER_ID,
			FirstName: 'Sandbox',
			LastName: 'Admin',
			EmailAddress: 'admin@sandbox.example',
			Role: 'Administrator',
			StatusCode: 0,
		},
		{
			ID: '6a0b1c2d-0000-4000-8000-0000000005a1',
			FirstName: 'Priya',
			LastName: 'Sharma',
			EmailAddress: 'priya.sharma@sandbox.example',
			Role: 'Sales_User',
			StatusCode: 0,
		},
		{
			ID: '6a0b1c2d-0000-4000-8000-0000000001a0',
			FirstName: 'Ravi',
			LastName: 'Kumar',
			EmailAddress: 'ravi.kumar@sandbox.example',
			Role: 'Sales_User',
			StatusCode: 1,
		},
	] satisfies User[] as User[],
	activityTypes: [
		{
			ActivityEvent: 201,
			ActivityEventName: 'Webinar attended',
			Id: '7c1d0a20-0000-4000-8000-000000000201',
			Score: 5,
			Fields: [
				field('mx_Custom_1', 'Webinar Name', 'String', { IsMandatory: true }),
				field('mx_Custom_2', 'Minutes Attended', 'Number'),
				field('mx_Custom_3', 'Attended On', 'DateTime'),
			],
		},
		{
			ActivityEvent: 202,
			ActivityEventName: 'Payment received',
			Id: '7c1d0a20-0000-4000-8000-000000000202',
			Score: 20,
			Fields: [
				field('mx_Custom_1', 'Amount', 'Number', { IsMandatory: true }),
				field('mx_Custom_2', 'Payment Mode', 'Dropdown', {
					Options: ['Card', 'UPI', 'Bank Transfer'],
				}),
				field('mx_Custom_3', 'Reference', 'String'),
			],
		},
		{
			// Posted by the "new lead: welcome it" example when the LeadSquared Trigger fires.
			ActivityEvent: 203,
			ActivityEventName: 'Welcome sent',
			Id: '7c1d0a20-0000-4000-8000-000000000203',
			Score: 1,
			Fields: [
				field('mx_Custom_1', 'Channel', 'Dropdown', { Options: ['Email', 'WhatsApp', 'Call'] }),
			],
		},
	] satisfies ActivityType[] as ActivityType[],
	taskTypes: [
		{ Id: '8d2e1b30-0000-4000-8000-000000000001', Name: 'Meeting', Category: 0, Color: '#F8BBD0' },
		{
			Id: '8d2e1b30-0000-4000-8000-000000000002',
			Name: 'Phone Call',
			Category: 0,
			Color: '#BBDEFB',
		},
		{
			Id: '8d2e1b30-0000-4000-8000-000000000003',
			Name: 'Follow Up',
			Category: 1,
			Color: '#C8E6C9',
		},
	] satisfies TaskType[] as TaskType[],
	opportunityTypes: [
		{
			OpportunityEventCode: 12000,
			Name: 'Admission',
			Fields: [
				field('mx_Custom_1', 'Opportunity Name', 'String', { IsMandatory: true }),
				field('mx_Custom_2', 'Amount', 'Number'),
				field('Status', 'Status', 'Dropdown', { Options: ['Open', 'Won', 'Lost'] }),
			],
		},
		{
			OpportunityEventCode: 12001,
			Name: 'Loan',
			Fields: [
				field('mx_Custom_1', 'Opportunity Name', 'String', { IsMandatory: true }),
				field('mx_Custom_2', 'Loan Amount', 'Number'),
				field('Status', 'Status', 'Dropdown', { Options: ['Open', 'Won', 'Lost'] }),
			],
		},
	] satisfies OpportunityType[] as OpportunityType[],
	lists: [
		{
			ListId: '9e3f2c40-0000-4000-8000-000000000001',
			ListName: 'Webinar invitees',
			ListDescription: 'Leads invited to the monthly webinar',
			ListType: 'static',
		},
		{
			ListId: '9e3f2c40-0000-4000-8000-000000000002',
			ListName: 'VIP customers',
			ListDescription: '',
			ListType: 'static',
		},
		{
			ListId: '9e3f2c40-0000-4000-8000-000000000003',
			ListName: 'All Leads',
			ListDescription: 'All leads you have access to',
			ListType: 'dynamic',
		},
	] satisfies ListSeed[] as ListSeed[],
	/** When the account's types were set up; answered in /Date()/ form. */
	configuredOn: dotNetDate(Date.UTC(2017, 7, 17, 17, 48, 11)),
};

const FIRST_NAMES = [
	'Asha',
	'Vikram',
	'Meera',
	'Arjun',
	'Kavya',
	'Rohan',
	'Neha',
	'Siddharth',
	'Ananya',
	'Karan',
	'Isha',
	'Dev',
];
const LAST_NAMES = [
	'Iyer',
	'Mehta',
	'Nair',
	'Reddy',
	'Gupta',
	'Shah',
	'Menon',
	'Das',
	'Bose',
	'Kapoor',
	'Rao',
];
const CITIES = ['Pune', 'Mumbai', 'Bengaluru', 'Delhi', 'Chennai'];
const STAGES = ['Prospect', 'Opportunity', 'Customer'];
const SOURCES = ['Website', 'Referral', 'Webinar', 'Paid Search'];
const MINUTE = 60_000;

/**
 * Leads for paging and search tests: varied fields, unique emails and phones per prefix, and
 * ModifiedOn one minute apart ending now, so date-range reads have something to range over.
 */
export function generateLeads(count: unknown, prefix: unknown, now = Date.now()): Lead[] {
	const total = Number(count);
	if (!Number.isInteger(total) || total < 1 || total > 100_000)
		invalidInput('count must be a whole number from 1 to 100000');
	const name = typeof prefix === 'string' && prefix !== '' ? prefix : 'lead';
	// Phones differ between prefixes too, so two generated batches do not clash on the unique Phone.
	const area =
		100 +
		([...name].reduce((hash, character) => (hash * 31 + character.charCodeAt(0)) >>> 0, 7) % 900);
	return Array.from({ length: total }, (_, index) => {
		const n = index + 1;
		const modified = now - (total - n) * MINUTE;
		return {
			FirstName: FIRST_NAMES[n % FIRST_NAMES.length],
			LastName: LAST_NAMES[n % LAST_NAMES.length],
			EmailAddress: `${name}-${n}@example.com`,
			Phone: `+91-${area}${String(n).padStart(7, '0')}`,
			mx_City: CITIES[n % CITIES.length],
			ProspectStage: STAGES[n % STAGES.length],
			Source: SOURCES[n % SOURCES.length],
			mx_Budget: String((n * 7919) % 100_000),
			CreatedOn: lsqDateTime(modified - (n % 30) * 24 * 60 * MINUTE),
			ModifiedOn: lsqDateTime(modified),
		};
	});
}
