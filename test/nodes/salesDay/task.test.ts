/** Task > Create and Get Many: the owner and type checked against the account, dates in UTC. */
import nock from 'nock';

import { API_BASE, runNode } from '../../harness/engine';
import { useNock } from '../../harness/http';
import { LEAD_ID, PRIYA, replyTaskTypes, replyUsers, v2 } from '../../harness/account';

useNock();

const create = (parameters: Record<string, unknown> = {}) => ({
	resource: 'task',
	operation: 'create',
	name: 'Call back after the webinar',
	taskType: 'Follow Up',
	leadId: LEAD_ID,
	dueDate: '2026-03-02T10:00:00+05:30',
	owner: PRIYA.ID,
	...parameters,
});

describe('Task > Create', () => {
	it('posts name, type, related lead, owner, UTC due date and reminder to Task.svc/Create', async () => {
		replyTaskTypes();
		replyUsers();
		v2()
			.post('/v2/Task.svc/Create', {
				Name: 'Call back after the webinar',
				RelatedEntity: 1,
				RelatedEntityId: LEAD_ID,
				TaskType: { Name: 'Follow Up' },
				DueDate: '2026-03-02 04:30:00',
				Description: 'Ask about the team plan',
				Reminder: 15,
				OwnerId: PRIYA.ID,
			})
			.reply(200, { Status: 'Success', Message: { Id: 'b1b2c3d4-0000-4000-8000-000000000001' } });

		const { output, error } = await runNode({
			parameters: create({ options: { description: 'Ask about the team plan', reminder: 15 } }),
		});

		expect(error).toBeUndefined();
		expect(output[0][0]).toEqual({
			json: {
				taskId: 'b1b2c3d4-0000-4000-8000-000000000001',
				leadId: LEAD_ID,
				ownerId: PRIYA.ID,
				response: { Status: 'Success', Message: { Id: 'b1b2c3d4-0000-4000-8000-000000000001' } },
			},
			pairedItem: { item: 0 },
		});
	});

	it("takes the owner as an email address from the data (the lead owner's, for example)", async () => {
		replyTaskTypes();
		replyUsers();
		v2()
			.post(
				'/v2/Task.svc/Create',
				(body) => body.OwnerId === PRIYA.ID && body.TaskType.Name === 'Meeting',
			)
			.reply(200, { Status: 'Success', Message: { Id: 'b1b2c3d4-0000-4000-8000-000000000002' } });

		const { error } = await runNode({
			parameters: create({ owner: '={{ $json.ownerEmail }}', taskType: '={{ $json.type }}' }),
			input: [{ ownerEmail: 'PRIYA.SHARMA@sandbox.example', type: 'meeting' }],
		});

		expect(error).toBeUndefined();
	});

	it("leaves the owner out when none is chosen, so LeadSquared assigns the key's user; no user list is read", async () => {
		replyTaskTypes();
		v2()
			.post('/v2/Task.svc/Create', (body) => !('OwnerId' in body))
			.reply(200, { Status: 'Success', Message: { Id: 'b1b2c3d4-0000-4000-8000-000000000003' } });

		const { error } = await runNode({ parameters: create({ owner: '' }) });

		expect(error).toBeUndefined();
	});

	it("shows LeadSquared's message when it refuses the task, and does not send it twice", async () => {
		replyTaskTypes();
		replyUsers();
		v2().post('/v2/Task.svc/Create').once().reply(500, {
			Status: 'Error',
			ExceptionType: 'MXInvalidEntityException',
			ExceptionMessage: 'Lead does not exist in the system',
		});

		const { error } = await runNode({ parameters: create() });

		expect(error?.message).toBe('Lead does not exist in the system');
	});
});

describe('Task > Get Many', () => {
	it("reads a lead's tasks by GET and applies Limit, dates as ISO 8601", async () => {
		nock(API_BASE)
			.get('/v2/LeadManagement.svc/RetrieveTaskByLeadId')
			.query({ leadId: LEAD_ID, Offset: '0', RowCount: '2' })
			.reply(200, {
				RecordCount: 3,
				TaskList: [1, 2, 3].map((n) => ({
					TaskID: `t${n}`,
					Name: `Task ${n}`,
					DueDate: '2026-03-02 04:30:00',
					OwnerID: PRIYA.ID,
				})),
			});

		const { output, error } = await runNode({
			parameters: { resource: 'task', operation: 'getMany', leadId: LEAD_ID, limit: 2 },
		});

		expect(error).toBeUndefined();
		expect(output[0].map((item) => item.json)).toEqual([
			{ TaskID: 't1', Name: 'Task 1', DueDate: '2026-03-02T04:30:00.000Z', OwnerID: PRIYA.ID },
			{ TaskID: 't2', Name: 'Task 2', DueDate: '2026-03-02T04:30:00.000Z', OwnerID: PRIYA.ID },
		]);
	});

	it("keeps LeadSquared's date text when asked", async () => {
		nock(API_BASE)
			.get('/v2/LeadManagement.svc/RetrieveTaskByLeadId')
			.query(true)
			.reply(200, { RecordCount: 1, TaskList: [{ TaskID: 't1', DueDate: '2026-03-02 04:30:00' }] });

		const { output } = await runNode({
			parameters: {
				resource: 'task',
				operation: 'getMany',
				leadId: LEAD_ID,
				returnAll: true,
				options: { rawValues: true },
			},
		});

		expect(output[0][0].json.DueDate).toBe('2026-03-02 04:30:00');
	});
});
