import { crmShapes } from '../crmShapes';
import { ACCOUNT } from '../seed';
import { descending, invalidInput, pageByIndex, pageByOffset, record, success } from '../shapes';
import { v2Routes, type Route, type SandboxContext } from './types';

const ACTIVITY = '/v2/ProspectActivity.svc';
const LEADS = '/v2/LeadManagement.svc';
const OPPORTUNITIES = '/v2/OpportunityManagement.svc';
const SEGMENTS = '/v2/LeadSegmentation.svc';
const LISTS_PAGE_SIZE = 100;

/** LeadSquared's URL parameters are case-insensitive (ListId, LeadID, leadId). */
function param(query: URLSearchParams, name: string): string | undefined {
	for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
	return undefined;
}

export function crmRoutes({ store, crm }: SandboxContext): Record<string, Route> {
	const shape = crmShapes(crm, store);

	const listsGet = ({ query }: { query: URLSearchParams }) => {
		const typeCode = param(query, 'ListType');
		const type =
			typeCode === undefined || typeCode === ''
				? undefined
				: ({ '0': 'static', '1': 'dynamic', '2': 'refreshable' } as Record<string, string>)[
						typeCode
					];
		if (typeCode && !type)
			invalidInput(`Invalid ListType ${typeCode}: use 0 (static), 1 (dynamic) or 2 (refreshable)`);
		const search = (param(query, 'SearchText') ?? '').toLowerCase();
		const lists = [...crm.lists.values()].filter(
			(list) => (!type || list.ListType === type) && list.ListName.toLowerCase().includes(search),
		);
		return pageByIndex(
			lists,
			{ PageIndex: param(query, 'PageIndex'), PageSize: LISTS_PAGE_SIZE },
			{ size: LISTS_PAGE_SIZE, max: LISTS_PAGE_SIZE },
		).items.map(shape.list);
	};

	const retrieveNotes = ({ body, query }: { body: unknown; query: URLSearchParams }) => {
		const input = record(body);
		const parameter = record(input.Parameter);
		const paging = input.Paging ?? {
			PageIndex: param(query, 'PageIndex'),
			PageSize: param(query, 'PageSize'),
		};
		const notes = crm.notesOf(
			parameter.RelatedId ?? param(query, 'leadId'),
			parameter.Id,
			descending(input.Sorting, true),
		);
		const page = pageByIndex(notes, paging, { size: 100, max: 1000 });
		return { RecordCount: page.total, List: page.items.map(shape.note) };
	};

	return v2Routes({
		'GET /v2/UserManagement.svc/Users.Get': () =>
			ACCOUNT.users.map((user) => ({
				...user,
				MemberOfGroups: [],
				Tag: null,
				IsPhoneCallAgent: false,
			})),

		[`GET ${ACTIVITY}/ActivityTypes.Get`]: () =>
			ACCOUNT.activityTypes.map((type) => ({
				ActivityEvent: type.ActivityEvent,
				ActivityEventName: type.ActivityEventName,
				Score: type.Score,
				Direction: 'Inbound',
				IsCustom: true,
				CreatedOn: ACCOUNT.configuredOn,
			})),
		[`GET ${ACTIVITY}/CustomActivity/GetActivitySetting`]: ({ query }) =>
			shape.setting(crm.activityType(param(query, 'code'))),
		[`POST ${ACTIVITY}/Create`]: ({ body }) => success({ Id: crm.createActivity(body) }),
		[`POST ${ACTIVITY}/Retrieve`]: ({ body, query }) => {
			const input = record(body);
			const page = pageByOffset(
				crm.activitiesOf(param(query, 'leadId'), record(input.Parameter).ActivityEvent),
				input.Paging,
				{ size: 25, max: 1000 },
			);
			return { RecordCount: page.total, ProspectActivities: page.items.map(shape.activity) };
		},

		'GET /v2/Task.svc/RetrieveTaskType': ({ query }) => {
			const column = param(query, 'ColumnName');
			const value = (param(query, 'ColumnValue') ?? '').toLowerCase();
			const key = (
				{ TaskTypeId: 'Id', TaskTypeName: 'Name', TaskName: 'Name', Category: 'Category' } as const
			)[column as 'TaskTypeId'];
			return ACCOUNT.taskTypes
				.filter((type) => !key || String(type[key]).toLowerCase() === value)
				.map((type) => ({ ...type, CreatedBy: 'System', CreatedOn: ACCOUNT.configuredOn }));
		},
		'POST /v2/Task.svc/Create': ({ body }) => success({ Id: crm.createTask(body) }),
		[`GET ${LEADS}/RetrieveTaskByLeadId`]: ({ query }) => {
			const tasks = crm.tasksOf(param(query, 'leadId'));
			return { RecordCount: tasks.length, TaskList: tasks.map(shape.task) };
		},

		[`POST ${LEADS}/CreateNote`]: ({ body }) => success({ Id: crm.createNote(body) }),
		[`POST ${LEADS}/RetrieveNote`]: retrieveNotes,
		[`GET ${LEADS}/RetrieveNote`]: retrieveNotes,

		[`POST ${OPPORTUNITIES}/Capture`]: ({ body }) => crm.captureOpportunity(body),
		[`POST ${OPPORTUNITIES}/GetOpportunitiesOfLead`]: ({ body, query }) => {
			const input = record(body);
			const found = crm.opportunitiesOf(param(query, 'leadId'), param(query, 'opportunityType'));
			const sign = descending(input.Sorting, true) ? -1 : 1;
			const page = pageByIndex(
				found.sort((a, b) => sign * (a.CreatedOn - b.CreatedOn)),
				input.Paging,
				{ size: 100, max: 1000 },
			);
			return {
				RecordCount: page.total,
				List: page.items.map((item) => shape.opportunity(item, record(input.Columns).Include_CSV)),
			};
		},

		// Documented under LeadManagement.svc; LeadSegmentation.svc answers too, as clients use both.
		[`GET ${LEADS}/Lists.Get`]: listsGet,
		[`GET ${SEGMENTS}/Lists.Get`]: listsGet,
		[`POST ${SEGMENTS}/AddLeadsToStaticList`]: ({ body }) => {
			const input = record(body);
			const added = crm.addToList(input.listId ?? input.ListId, input.leadIds ?? input.LeadIds);
			return success({ Message: `Successfully added ${added} lead(s) to list` });
		},
		[`GET ${SEGMENTS}/RemoveLeadFromStaticList`]: ({ query }) => {
			crm.removeFromList(param(query, 'ListId'), param(query, 'LeadID'));
			return success({ Message: 'Successfully removed lead from list' });
		},
	});
}
