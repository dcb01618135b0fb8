import { generateLeads } from '../seed';
import { record } from '../shapes';
import type { AdminHandler, SandboxContext } from './types';

const stamp = (ms: number | undefined) =>
	ms === undefined ? undefined : new Date(ms).toISOString();

/** Read-outs for tests and the e2e run: the records as stored, dates as ISO strings. */
export function adminRoutes({
	store,
	crm,
	webhooks,
}: SandboxContext): Record<string, AdminHandler> {
	return {
		'POST /_sandbox/seed-generated': (body) => {
			const { count, prefix } = record(body);
			return { ids: store.insertMany(generateLeads(count, prefix)) };
		},
		'GET /_sandbox/activities': () =>
			crm.activities.map((item) => ({
				...item,
				ActivityDateTime: stamp(item.ActivityDateTime),
				CreatedOn: stamp(item.CreatedOn),
			})),
		'GET /_sandbox/tasks': () =>
			crm.tasks.map((item) => ({
				...item,
				DueDate: stamp(item.DueDate),
				EndDate: stamp(item.EndDate),
				CreatedOn: stamp(item.CreatedOn),
			})),
		'GET /_sandbox/notes': () =>
			crm.notes.map((item) => ({ ...item, CreatedOn: stamp(item.CreatedOn) })),
		'GET /_sandbox/opportunities': () =>
			crm.opportunities.map((item) => ({
				...item,
				OpportunityDateTime: stamp(item.OpportunityDateTime),
				CreatedOn: stamp(item.CreatedOn),
				ModifiedOn: stamp(item.ModifiedOn),
			})),
		'GET /_sandbox/webhooks': () =>
			webhooks.all().map(({ pending, ...webhook }) => ({
				...webhook,
				pendingBatch: pending.length,
				CreatedOn: stamp(webhook.CreatedOn),
				ModifiedOn: stamp(webhook.ModifiedOn),
			})),
		'GET /_sandbox/lists': () =>
			[...crm.lists.values()].map(({ members, ...list }) => ({
				...list,
				MemberCount: crm.memberCount({ ...list, members }),
				Members: [...members],
			})),
	};
}
