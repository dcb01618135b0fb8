/** The dropdowns and field mappers filled from the account, as the editor loads them. */
import nock from 'nock';

import { LeadSquared } from '../../../nodes/LeadSquared/LeadSquared.node';
import { API_BASE, loadOptionsContext } from '../../harness/engine';
import { useNock } from '../../harness/http';
import {
	ADMIN,
	PRIYA,
	WEBINAR_LIST,
	replyActivityTypes,
	replyOpportunityTypes,
	replyTaskTypes,
	replyUsers,
	replyWebinarSetting,
} from '../../harness/account';

useNock();

const { loadOptions, resourceMapping } = new LeadSquared().methods;

it('lists activity types by name with their code as value', async () => {
	replyActivityTypes();

	const options = await loadOptions.getActivityTypes.call(
		loadOptionsContext({ resource: 'activity', operation: 'create' }),
	);

	expect(options).toEqual([
		{ name: 'Payment received', value: '202', description: 'Code 202' },
		{ name: 'Webinar attended', value: '201', description: 'Code 201' },
	]);
});

it("gives the activity mapper the chosen type's fields, with types, required marks and dropdown values", async () => {
	replyWebinarSetting();

	const { fields } = await resourceMapping.getActivityFieldMapping.call(
		loadOptionsContext({ resource: 'activity', operation: 'create', activityType: '201' }),
	);

	expect(fields.map((field) => [field.id, field.displayName, field.type, field.required])).toEqual([
		['mx_Custom_1', 'Webinar Name (mx_Custom_1)', 'string', true],
		['mx_Custom_2', 'Minutes Attended (mx_Custom_2)', 'number', false],
		['mx_Custom_3', 'Attended On (mx_Custom_3)', 'dateTime', false],
		['mx_Custom_4', 'Format (mx_Custom_4)', 'options', false],
	]);
	expect(fields[3].options).toEqual([
		{ name: 'Live', value: 'Live' },
		{ name: 'Recording', value: 'Recording' },
	]);
});

it('gives an empty activity mapper, without asking LeadSquared, until a type is chosen', async () => {
	const { fields } = await resourceMapping.getActivityFieldMapping.call(
		loadOptionsContext({ resource: 'activity', operation: 'create', activityType: '' }),
	);

	expect(fields).toEqual([]);
});

it('lists task types and active users only', async () => {
	replyTaskTypes();
	replyUsers();
	const context = loadOptionsContext({ resource: 'task', operation: 'create' });

	expect((await loadOptions.getTaskTypes.call(context)).map((option) => option.value)).toEqual([
		'Follow Up',
		'Meeting',
	]);
	expect(await loadOptions.getUsers.call(context)).toEqual([
		{
			name: 'Priya Sharma (priya.sharma@sandbox.example)',
			value: PRIYA.ID,
			description: 'Sales_User',
		},
		{
			name: 'Sandbox Admin (admin@sandbox.example)',
			value: ADMIN.ID,
			description: 'Administrator',
		},
	]);
});

it('lists static lists only, reading every page', async () => {
	const page = (n: number) =>
		Array.from({ length: 100 }, (_, i) => ({
			ListId: `00000000-0000-4000-8000-${String(n * 100 + i).padStart(12, '0')}`,
			ListName: `Dyn ${n}-${i}`,
			ListType: 'dynamic',
		}));
	nock(API_BASE)
		.get('/v2/LeadSegmentation.svc/Lists.Get')
		.query({ PageIndex: '1', PageSize: '100' })
		.reply(200, page(0));
	nock(API_BASE)
		.get('/v2/LeadSegmentation.svc/Lists.Get')
		.query({ PageIndex: '2', PageSize: '100' })
		.reply(200, [
			{
				ListId: WEBINAR_LIST,
				ListName: 'Webinar invitees',
				ListDescription: 'Monthly webinar',
				ListType: 'static',
			},
		]);

	const options = await loadOptions.getStaticLists.call(
		loadOptionsContext({ resource: 'list', operation: 'addLeads' }),
	);

	expect(options).toEqual([
		{ name: 'Webinar invitees', value: WEBINAR_LIST, description: 'Monthly webinar' },
	]);
});

it('lists opportunity types and gives the opportunity mapper their fields', async () => {
	replyOpportunityTypes();
	const context = loadOptionsContext({
		resource: 'opportunity',
		operation: 'capture',
		opportunityType: '12000',
	});

	expect(await loadOptions.getOpportunityTypes.call(context)).toEqual([
		{ name: 'Admission', value: '12000', description: 'Code 12000' },
	]);
	const { fields } = await resourceMapping.getOpportunityFieldMapping.call(context);
	expect(fields.map((field) => [field.id, field.type, field.required])).toEqual([
		['mx_Custom_1', 'string', true],
		['mx_Custom_2', 'number', false],
		['Status', 'options', false],
	]);
});

it("offers the account's active users for the lead mapper's Owner field", async () => {
	nock(API_BASE)
		.get('/v2/LeadManagement.svc/LeadsMetaData.Get')
		.reply(200, [
			{ SchemaName: 'EmailAddress', DisplayName: 'Email', DataType: 'Email' },
			{ SchemaName: 'OwnerId', DisplayName: 'Owner', DataType: 'ActiveUsers' },
		]);
	replyUsers();

	const { fields } = await resourceMapping.getLeadFieldMapping.call(
		loadOptionsContext({ resource: 'lead', operation: 'createOrUpdate' }),
	);

	const owner = fields.find((field) => field.id === 'OwnerId');
	expect(owner?.type).toBe('options');
	expect(owner?.options?.map((option) => option.value)).toEqual([PRIYA.ID, ADMIN.ID]);
});

it("offers active users' email addresses where the schema takes the owner by email (OwnerIdEmailAddress)", async () => {
	nock(API_BASE)
		.get('/v2/LeadManagement.svc/LeadsMetaData.Get')
		.reply(200, [{ SchemaName: 'OwnerIdEmailAddress', DisplayName: 'Owner', DataType: 'Text' }]);
	replyUsers();

	const { fields } = await resourceMapping.getLeadFieldMapping.call(
		loadOptionsContext({ resource: 'lead', operation: 'capture' }),
	);

	expect(fields[0]).toMatchObject({ id: 'OwnerIdEmailAddress', type: 'options' });
	expect(fields[0].options?.map((option) => option.value)).toEqual([
		PRIYA.EmailAddress,
		ADMIN.EmailAddress,
	]);
});
