/**
 * A sales team's day against the sandbox account: its users and types, activities, tasks,
 * notes, opportunities and static lists, with LeadSquared's shapes, paging and refusals.
 */
import { startSandbox, type Sandbox } from '../../sandbox/src/server';
import { admin, call, seed } from './client';

let sandbox: Sandbox;
let leadId: string;

beforeEach(async () => {
	sandbox = await startSandbox({ port: 0, rateLimit: 0 });
	[leadId] = await seed(sandbox, [
		{ FirstName: 'Ana', LastName: 'Rao', EmailAddress: 'ana@b.co', Phone: '9000000001' },
	]);
});
afterEach(async () => {
	await sandbox.close();
});

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WEBINAR_LIST = '9e3f2c40-0000-4000-8000-000000000001';
const ALL_LEADS_LIST = '9e3f2c40-0000-4000-8000-000000000003';
const post = async (path: string, body: unknown) => await call(sandbox, 'POST', path, { body });
const get = async (path: string) => await call(sandbox, 'GET', path);
const mxError = (ExceptionType: string, ExceptionMessage: string | RegExp) => ({
	Status: 'Error',
	ExceptionType,
	ExceptionMessage:
		typeof ExceptionMessage === 'string'
			? ExceptionMessage
			: expect.stringMatching(ExceptionMessage),
});

describe('the account', () => {
	it('lists three users, one inactive', async () => {
		const users = (await get('/v2/UserManagement.svc/Users.Get')).body;

		expect(users).toHaveLength(3);
		expect(users[0]).toEqual({
			ID: '6a0b1c2d-0000-4000-8000-00000000a11c',
			FirstName: 'Sandbox',
			LastName: 'Admin',
			EmailAddress: 'admin@sandbox.example',
			Role: 'Administrator',
			StatusCode: 0,
			MemberOfGroups: [],
			Tag: null,
			IsPhoneCallAgent: false,
		});
		expect(users.filter((user: { StatusCode: number }) => user.StatusCode === 1)).toHaveLength(1);
	});

	it('lists activity types by code, each with its own fields', async () => {
		const types = (await get('/v2/ProspectActivity.svc/ActivityTypes.Get')).body;
		const webinar = await get(
			'/v2/ProspectActivity.svc/CustomActivity/GetActivitySetting?code=201',
		);
		const unknown = await get(
			'/v2/ProspectActivity.svc/CustomActivity/GetActivitySetting?code=999',
		);

		expect(types).toEqual([
			expect.objectContaining({
				ActivityEvent: 201,
				ActivityEventName: 'Webinar attended',
				CreatedOn: expect.stringMatching(/^\/Date\(\d+\+0000\)\/$/),
			}),
			expect.objectContaining({ ActivityEvent: 202, ActivityEventName: 'Payment received' }),
			expect.objectContaining({ ActivityEvent: 203, ActivityEventName: 'Welcome sent' }),
		]);
		expect(webinar.body).toMatchObject({
			Name: 'Webinar attended',
			DisplayName: 'Webinar attended',
			ID: expect.stringMatching(GUID),
		});
		expect(webinar.body.Fields[0]).toEqual({
			SchemaName: 'mx_Custom_1',
			DisplayName: 'Webinar Name',
			Value: null,
			DataType: 'String',
			IsMandatory: true,
			ShowInForm: true,
			Sequence: 1,
			OptionSet: '',
		});
		expect(webinar.body.Fields.map((field: { DataType: string }) => field.DataType)).toEqual([
			'String',
			'Number',
			'DateTime',
		]);
		expect(unknown.body).toEqual(
			mxError(
				'MXInvalidInputException',
				'Invalid ActivityEvent 999: no activity type has this code',
			),
		);
	});

	it('lists task types, filtered by ColumnName and ColumnValue', async () => {
		const all = (await get('/v2/Task.svc/RetrieveTaskType')).body;
		const todos = (await get('/v2/Task.svc/RetrieveTaskType?ColumnName=Category&ColumnValue=1'))
			.body;

		expect(all.map((type: { Name: string }) => type.Name)).toEqual([
			'Meeting',
			'Phone Call',
			'Follow Up',
		]);
		expect(todos).toEqual([
			expect.objectContaining({
				Name: 'Follow Up',
				Category: 1,
				Id: expect.stringMatching(GUID),
				CreatedOn: expect.stringMatching(/^\/Date\(/),
			}),
		]);
	});

	it('lists lists by type and name, on either documented path', async () => {
		const all = (await get('/v2/LeadManagement.svc/Lists.Get')).body;
		const statics = (await get('/v2/LeadSegmentation.svc/Lists.Get?ListType=0')).body;
		const named = (await get('/v2/LeadSegmentation.svc/Lists.Get?SearchText=vip')).body;
		const page2 = (await get('/v2/LeadSegmentation.svc/Lists.Get?PageIndex=2')).body;

		expect(all).toHaveLength(3);
		expect(all[2]).toEqual({
			ListId: ALL_LEADS_LIST,
			ListName: 'All Leads',
			ListDescription: 'All leads you have access to',
			ListType: 'dynamic',
			MemberCount: 1,
		});
		expect(statics.map((list: { ListName: string }) => list.ListName)).toEqual([
			'Webinar invitees',
			'VIP customers',
		]);
		expect(named).toEqual([
			expect.objectContaining({ ListName: 'VIP customers', ListType: 'static', MemberCount: 0 }),
		]);
		expect(page2).toEqual([]);
	});
});

describe('activities', () => {
	const ACTIVITY = '/v2/ProspectActivity.svc';
	const webinar = (extra: Record<string, unknown> = {}) => ({
		RelatedProspectId: leadId,
		ActivityEvent: 201,
		ActivityNote: 'Joined late',
		ActivityDateTime: '2024-03-01 10:00:00',
		Fields: [
			{ SchemaName: 'mx_Custom_1', Value: 'Pricing 101' },
			{ SchemaName: 'mx_Custom_2', Value: '45' },
		],
		...extra,
	});
	const retrieve = async (body: unknown, lead = leadId) =>
		await post(`${ACTIVITY}/Retrieve?leadId=${lead}`, body);

	it('posts an activity and answers Message.Id', async () => {
		const answer = await post(`${ACTIVITY}/Create`, webinar());

		expect(answer.body).toEqual({
			Status: 'Success',
			Message: { Id: expect.stringMatching(GUID) },
		});
		expect(await admin(sandbox, 'GET', 'activities')).toEqual([
			expect.objectContaining({
				Id: answer.body.Message.Id,
				RelatedProspectId: leadId,
				EventCode: 201,
				ActivityNote: 'Joined late',
				Fields: { mx_Custom_1: 'Pricing 101', mx_Custom_2: '45' },
			}),
		]);
	});

	it('posts by the lead email, creating the lead when no lead has it', async () => {
		const existing = await post(
			`${ACTIVITY}/Create`,
			webinar({ RelatedProspectId: undefined, EmailAddress: 'ANA@b.co' }),
		);
		const created = await post(
			`${ACTIVITY}/Create`,
			webinar({ RelatedProspectId: undefined, EmailAddress: 'new@b.co', FirstName: 'Nia' }),
		);

		expect(existing.status).toBe(200);
		expect(created.status).toBe(200);
		const activities = await admin(sandbox, 'GET', 'activities');
		expect(activities[0].RelatedProspectId).toBe(leadId);
		expect(
			sandbox.leads().find((lead) => lead.ProspectID === activities[1].RelatedProspectId),
		).toMatchObject({ EmailAddress: 'new@b.co', FirstName: 'Nia' });
	});

	it('refuses an unknown lead, type or field, a missing mandatory field and a value of the wrong kind', async () => {
		const refusals = await Promise.all([
			post(`${ACTIVITY}/Create`, webinar({ RelatedProspectId: UNKNOWN })),
			post(`${ACTIVITY}/Create`, webinar({ ActivityEvent: 999 })),
			post(
				`${ACTIVITY}/Create`,
				webinar({
					Fields: [
						{ SchemaName: 'mx_Custom_1', Value: 'x' },
						{ SchemaName: 'mx_Custom_9', Value: 'x' },
					],
				}),
			),
			post(`${ACTIVITY}/Create`, webinar({ Fields: [{ SchemaName: 'mx_Custom_2', Value: '45' }] })),
			post(
				`${ACTIVITY}/Create`,
				webinar({
					Fields: [
						{ SchemaName: 'mx_Custom_1', Value: 'x' },
						{ SchemaName: 'mx_Custom_2', Value: 'lots' },
					],
				}),
			),
		]);

		expect(refusals.map((answer) => answer.status)).toEqual([500, 500, 500, 500, 500]);
		expect(refusals.map((answer) => answer.body)).toEqual([
			mxError('MXInvalidEntityReferenceException', 'Lead not found'),
			mxError(
				'MXInvalidInputException',
				'Invalid ActivityEvent 999: no activity type has this code',
			),
			mxError('MXInvalidActivityFieldsException', "Field name : 'mx_Custom_9' does not exist"),
			mxError(
				'MXInvalidActivityFieldsException',
				"Field name : 'mx_Custom_1' of datatype : 'String' is mandatory.",
			),
			mxError(
				'MXInvalidActivityFieldsException',
				"Field name : 'mx_Custom_2' of datatype : 'Number' has an invalid value 'lots'.",
			),
		]);
		expect(await admin(sandbox, 'GET', 'activities')).toEqual([]);
	});

	it('retrieves newest first, 25 by default, paged by Offset and RowCount, filtered by ActivityEvent', async () => {
		for (let day = 1; day <= 30; day++) {
			await post(
				`${ACTIVITY}/Create`,
				webinar({
					ActivityDateTime: `2024-03-${String(day).padStart(2, '0')} 09:00:00`,
					ActivityNote: `day ${day}`,
				}),
			);
		}
		await post(`${ACTIVITY}/Create`, {
			RelatedProspectId: leadId,
			ActivityEvent: 202,
			Fields: [
				{ SchemaName: 'mx_Custom_1', Value: '1999' },
				{ SchemaName: 'mx_Custom_2', Value: 'upi' },
			],
		});
		const notes = (answer: {
			body: { ProspectActivities: Array<{ Data: Array<{ Key: string; Value: string }> }> };
		}) =>
			answer.body.ProspectActivities.map(
				(activity) => activity.Data.find((entry) => entry.Key === 'ActivityEvent_Note')?.Value,
			);

		const all = await retrieve({});
		const pages = await Promise.all(
			[0, 12, 24].map(
				async (Offset) =>
					await retrieve({ Parameter: { ActivityEvent: 201 }, Paging: { Offset, RowCount: 12 } }),
			),
		);

		expect(all.body.RecordCount).toBe(31);
		expect(all.body.ProspectActivities).toHaveLength(25);
		expect(all.body.ProspectActivities[0]).toMatchObject({
			EventCode: 202,
			EventName: 'Payment received',
			Id: expect.stringMatching(GUID),
			CreatedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
		});
		expect(pages.map((page) => page.body.RecordCount)).toEqual([30, 30, 30]);
		expect(pages.flatMap(notes)).toEqual(Array.from({ length: 30 }, (_, n) => `day ${30 - n}`));
		expect((await retrieve({}, UNKNOWN)).body).toEqual({ RecordCount: 0, ProspectActivities: [] });
		expect((await retrieve({ Paging: { Offset: 0, RowCount: 1001 } })).body.ExceptionMessage).toBe(
			'Invalid Input! Parameter Name: RowCount can not be more than 1000',
		);
	});
});

describe('tasks', () => {
	const task = (extra: Record<string, unknown> = {}) => ({
		Name: 'Call back',
		Description: 'About pricing',
		RelatedEntity: 1,
		RelatedEntityId: leadId,
		DueDate: '2024-04-01 10:30:00',
		Reminder: 15,
		NotifyBy: '1100',
		OwnerEmailAddress: 'priya.sharma@sandbox.example',
		TaskType: { Name: 'Phone Call' },
		...extra,
	});

	it('creates a task for a lead and lists it by lead', async () => {
		const created = await post('/v2/Task.svc/Create', task());
		const listed = await get(`/v2/LeadManagement.svc/RetrieveTaskByLeadId?leadId=${leadId}`);

		expect(created.body).toEqual({
			Status: 'Success',
			Message: { Id: expect.stringMatching(GUID) },
		});
		expect(listed.body).toEqual({
			RecordCount: 1,
			TaskList: [
				{
					TaskID: created.body.Message.Id,
					Name: 'Call back',
					Description: 'About pricing',
					DueDate: '2024-04-01 10:30:00',
					CreatedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
					OwnerID: '6a0b1c2d-0000-4000-8000-0000000005a1',
					OwnerName: 'Priya Sharma',
					CreatedBy: '6a0b1c2d-0000-4000-8000-00000000a11c',
					CreatedByName: 'Sandbox Admin',
					Status: 'Pending',
					Reminder: '15',
				},
			],
		});
	});

	it('refuses an empty name, unknown or inactive owner, unknown type or lead', async () => {
		const refusals = await Promise.all([
			post('/v2/Task.svc/Create', task({ Name: ' ' })),
			post('/v2/Task.svc/Create', task({ OwnerEmailAddress: 'nobody@sandbox.example' })),
			post('/v2/Task.svc/Create', task({ OwnerEmailAddress: 'ravi.kumar@sandbox.example' })),
			post('/v2/Task.svc/Create', task({ TaskType: { Name: 'Dance' } })),
			post('/v2/Task.svc/Create', task({ RelatedEntityId: UNKNOWN })),
		]);

		expect(refusals.map((answer) => answer.body)).toEqual([
			mxError('MXMandatoryAttributeMissingException', 'Task Name is mandatory'),
			mxError('MXInvalidInputException', "Task owner 'nobody@sandbox.example' does not exist"),
			mxError(
				'MXInvalidInputException',
				"Task owner 'ravi.kumar@sandbox.example' is not an active user",
			),
			mxError('MXInvalidInputException', "Task type 'Dance' does not exist"),
			mxError('MXInvalidEntityException', 'Lead does not exist in the system'),
		]);
		expect(await admin(sandbox, 'GET', 'tasks')).toEqual([]);
	});

	it('attaches tasks to an opportunity or to nothing, owned by the API user when no owner is given', async () => {
		const capture = await post('/v2/OpportunityManagement.svc/Capture', {
			LeadDetails: [{ Attribute: 'EmailAddress', Value: 'ana@b.co' }],
			Opportunity: {
				OpportunityEventCode: 12000,
				Fields: [{ SchemaName: 'mx_Custom_1', Value: 'MBA 2025' }],
			},
		});

		const onOpportunity = await post(
			'/v2/Task.svc/Create',
			task({
				RelatedEntity: 5,
				RelatedEntityId: capture.body.CreatedOpportunityId,
				OwnerEmailAddress: undefined,
			}),
		);
		const loose = await post(
			'/v2/Task.svc/Create',
			task({ RelatedEntity: 0, RelatedEntityId: '' }),
		);

		expect([onOpportunity.status, loose.status]).toEqual([200, 200]);
		expect(await admin(sandbox, 'GET', 'tasks')).toEqual([
			expect.objectContaining({
				RelatedEntity: 5,
				RelatedEntityId: capture.body.CreatedOpportunityId,
				OwnerID: '6a0b1c2d-0000-4000-8000-00000000a11c',
			}),
			expect.objectContaining({ RelatedEntity: 0, RelatedEntityId: '' }),
		]);
		expect(
			(await get(`/v2/LeadManagement.svc/RetrieveTaskByLeadId?leadId=${leadId}`)).body.RecordCount,
		).toBe(0);
	});
});

describe('notes', () => {
	const LM = '/v2/LeadManagement.svc';

	it('creates notes and retrieves them newest first, paged, by the documented body or by leadId', async () => {
		const ids = [];
		for (let n = 1; n <= 5; n++) {
			ids.push(
				(await post(`${LM}/CreateNote`, { RelatedProspectId: leadId, Note: `note ${n}` })).body
					.Message.Id,
			);
			await new Promise((resolve) => setTimeout(resolve, 2));
		}
		const page = async (PageIndex: number) =>
			(
				await post(`${LM}/RetrieveNote`, {
					Parameter: { RelatedId: leadId },
					Paging: { PageIndex, PageSize: 2 },
					Sorting: { ColumnName: 'CreatedOn', Direction: 1 },
				})
			).body;

		const pages = [await page(1), await page(2), await page(3)];
		const byQuery = (await get(`${LM}/RetrieveNote?leadId=${leadId}&PageIndex=1&PageSize=10`)).body;
		const one = (await post(`${LM}/RetrieveNote`, { Parameter: { RelatedId: leadId, Id: ids[0] } }))
			.body;

		expect(pages.map((answer) => answer.RecordCount)).toEqual([5, 5, 5]);
		expect(
			pages.flatMap((answer) => answer.List.map((note: { Note: string }) => note.Note)),
		).toEqual(['note 5', 'note 4', 'note 3', 'note 2', 'note 1']);
		expect(byQuery.List).toHaveLength(5);
		expect(one.List).toEqual([
			{
				ProspectNoteId: ids[0],
				RelatedProspectId: leadId,
				Note: 'note 1',
				AttachmentName: null,
				AttachmentURL: null,
				CreatedBy: '6a0b1c2d-0000-4000-8000-00000000a11c',
				CreatedByName: 'Sandbox Admin',
				CreatedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
			},
		]);
	});

	it('refuses an empty note or an unknown lead', async () => {
		const empty = await post(`${LM}/CreateNote`, { RelatedProspectId: leadId, Note: '' });
		const unknown = await post(`${LM}/CreateNote`, { RelatedProspectId: UNKNOWN, Note: 'x' });

		expect(empty.body).toEqual(
			mxError('MXMandatoryAttributeMissingException', 'Note is mandatory'),
		);
		expect(unknown.body).toEqual(
			mxError('MXInvalidEntityException', 'Lead does not exist in the system'),
		);
	});
});

describe('opportunities', () => {
	const OM = '/v2/OpportunityManagement.svc';
	const capture = async (
		email: string,
		name: string,
		code = 12000,
		extra: Array<{ SchemaName: string; Value: string }> = [],
	) =>
		await post(`${OM}/Capture`, {
			LeadDetails: [
				{ Attribute: 'EmailAddress', Value: email },
				{ Attribute: 'mx_City', Value: 'Pune' },
				{ Attribute: 'SearchBy', Value: 'EmailAddress' },
			],
			Opportunity: {
				OpportunityEventCode: code,
				OpportunityNote: 'From the website',
				OpportunityDateTime: '2024-05-06 15:04:05',
				Fields: [{ SchemaName: 'mx_Custom_1', Value: name }, ...extra],
			},
		});

	it('creates the lead and the opportunity, then detects a duplicate by type and name', async () => {
		const first = await capture('new@b.co', 'MBA 2025');
		const again = await capture('new@b.co', 'mba 2025');
		const other = await capture('new@b.co', 'MBA 2026');

		expect(first.body).toEqual({
			Status: 'Success',
			RequestId: expect.stringMatching(GUID),
			PrimaryAction: 1,
			SecondaryAction: 1,
			RelatedProspectId: expect.stringMatching(GUID),
			IsUnique: true,
			CreatedOpportunityId: expect.stringMatching(GUID),
			ConflictedOpportunityId: null,
			AdditionalDetails: [{ ActivityId: expect.stringMatching(GUID), PostDeDupActionPerformed: 1 }],
		});
		expect(again.body).toMatchObject({
			PrimaryAction: 2,
			RelatedProspectId: first.body.RelatedProspectId,
			IsUnique: false,
			CreatedOpportunityId: null,
			ConflictedOpportunityId: first.body.CreatedOpportunityId,
			AdditionalDetails: [{ PostDeDupActionPerformed: 3 }],
		});
		expect(other.body.AdditionalDetails[0].PostDeDupActionPerformed).toBe(1);
		expect(sandbox.leads().find((lead) => lead.EmailAddress === 'new@b.co')).toMatchObject({
			mx_City: 'Pune',
		});
		expect(await admin(sandbox, 'GET', 'opportunities')).toHaveLength(2);
	});

	it("lists a lead's opportunities, by type, with dates as M/d/yyyy h:mm:ss tt", async () => {
		await capture('ana@b.co', 'MBA 2025', 12000, [{ SchemaName: 'mx_Custom_2', Value: '250000' }]);
		await capture('ana@b.co', 'Home loan', 12001);
		const of = async (type = '', body: unknown = undefined) =>
			(
				await call(
					sandbox,
					'POST',
					`${OM}/GetOpportunitiesOfLead?leadId=${leadId}&opportunityType=${type}`,
					{ body },
				)
			).body;

		const all = await of();
		const admissions = await of('12000', { Columns: { Include_CSV: 'mx_Custom_2,Status' } });

		expect(all.RecordCount).toBe(2);
		expect(admissions).toEqual({
			RecordCount: 1,
			List: [
				{
					ProspectId: leadId,
					FirstName: 'Ana',
					LastName: 'Rao',
					EmailAddress: 'ana@b.co',
					Phone: '9000000001',
					OpportunityId: expect.stringMatching(GUID),
					RelatedProspectId: leadId,
					OpportunityEvent: '12000',
					OpportunityNote: 'From the website',
					OpportunityDateTime: '5/6/2024 3:04:05 PM',
					mx_Custom_2: '250000',
					Status: 'Open',
					CreatedOn: expect.stringMatching(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/),
					ModifiedOn: expect.stringMatching(/^\d{1,2}\/\d{1,2}\/\d{4} /),
				},
			],
		});
	});

	it('refuses an unknown type or field before touching the lead', async () => {
		const unknownType = await capture('x@b.co', 'A', 99999);
		const unknownField = await capture('x@b.co', 'A', 12000, [
			{ SchemaName: 'mx_Custom_7', Value: '1' },
		]);
		const badStatus = await capture('x@b.co', 'A', 12000, [
			{ SchemaName: 'Status', Value: 'Maybe' },
		]);

		expect(unknownType.body).toEqual(
			mxError(
				'MXInvalidInputException',
				'Invalid OpportunityEventCode 99999: no opportunity type has this code',
			),
		);
		expect(unknownField.body.ExceptionType).toBe('MXInvalidActivityFieldsException');
		expect(badStatus.body.ExceptionMessage).toBe(
			"Field name : 'Status' of datatype : 'Dropdown' has an invalid value 'Maybe'.",
		);
		expect(sandbox.leads()).toHaveLength(1);
	});
});

describe('static lists', () => {
	const SEG = '/v2/LeadSegmentation.svc';
	const add = async (listId: string, leadIds: string[]) =>
		await post(`${SEG}/AddLeadsToStaticList`, { listId, leadIds });

	it('adds leads once each, removes one, and shows members', async () => {
		const [ben] = await seed(sandbox, [{ FirstName: 'Ben' }]);

		const first = await add(WEBINAR_LIST, [leadId, ben, UNKNOWN]);
		const again = await add(WEBINAR_LIST, [leadId]);
		const removed = await get(
			`${SEG}/RemoveLeadFromStaticList?ListId=${WEBINAR_LIST}&LeadID=${leadId}`,
		);

		expect(first.body).toEqual({
			Status: 'Success',
			Message: { Message: 'Successfully added 2 lead(s) to list' },
		});
		expect(again.body.Message.Message).toBe('Successfully added 0 lead(s) to list');
		expect(removed.body).toEqual({
			Status: 'Success',
			Message: { Message: 'Successfully removed lead from list' },
		});
		expect((await admin(sandbox, 'GET', 'lists'))[0]).toMatchObject({
			ListName: 'Webinar invitees',
			MemberCount: 1,
			Members: [ben],
		});
		expect((await get(`${SEG}/Lists.Get?ListType=0`)).body[0].MemberCount).toBe(1);
	});

	it('refuses an unknown list, a dynamic list and more than 1000 leads', async () => {
		const unknown = await add(UNKNOWN, [leadId]);
		const dynamic = await add(ALL_LEADS_LIST, [leadId]);
		const many = await add(
			WEBINAR_LIST,
			Array.from({ length: 1001 }, () => leadId),
		);
		const removeUnknown = await get(
			`${SEG}/RemoveLeadFromStaticList?ListId=${UNKNOWN}&LeadID=${leadId}`,
		);

		expect(unknown.body).toEqual(mxError('MXInvalidEntityException', 'List does not exist'));
		expect(dynamic.body).toEqual(mxError('MXInvalidInputException', /not a static list/));
		expect(many.body).toEqual(
			mxError('MXInvalidInputException', 'Maximum 1000 leads can be added to a list at a time'),
		);
		expect(removeUnknown.body.ExceptionMessage).toBe('List does not exist');
	});
});

it('reset clears what the team recorded but keeps the account set up', async () => {
	await post('/v2/LeadManagement.svc/CreateNote', { RelatedProspectId: leadId, Note: 'x' });
	await post(`/v2/LeadSegmentation.svc/AddLeadsToStaticList`, {
		listId: WEBINAR_LIST,
		leadIds: [leadId],
	});

	await admin(sandbox, 'POST', 'reset');

	expect(await admin(sandbox, 'GET', 'notes')).toEqual([]);
	expect(
		(await admin(sandbox, 'GET', 'lists')).map((list: { Members: string[] }) => list.Members),
	).toEqual([[], [], []]);
	expect((await get('/v2/UserManagement.svc/Users.Get')).body).toHaveLength(3);
});
