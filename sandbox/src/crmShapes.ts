import type { Activity, CrmStore, Note, Opportunity, StaticList, Task } from './crm';
import { lsqSeconds, usDateTime } from './dates';
import type { LeadStore } from './leads';
import { ACCOUNT, type ActivityType } from './seed';
import { text } from './shapes';

/** The documented answer shape of each record, shared by the read endpoints and webhook payloads. */
export function crmShapes(crm: CrmStore, store: LeadStore) {
	const userName = (id: string) => {
		const user = crm.user(id);
		return user ? `${user.FirstName} ${user.LastName}` : '';
	};

	const activityShape = (activity: Activity) => ({
		Id: activity.Id,
		EventCode: activity.EventCode,
		EventName: activity.EventName,
		ActivityScore:
			ACCOUNT.activityTypes.find((type) => type.ActivityEvent === activity.EventCode)?.Score ?? 0,
		CreatedOn: lsqSeconds(activity.CreatedOn),
		ActivityDateTime: lsqSeconds(activity.ActivityDateTime),
		ActivityType: 2,
		IsEmailType: false,
		Type: 'Inbound',
		SessionId: activity.Id,
		RelatedProspectId: activity.RelatedProspectId,
		Data: [
			{ Key: 'ActivityEvent_Note', Value: activity.ActivityNote },
			{ Key: 'CreatedBy', Value: activity.CreatedBy },
			{ Key: 'CreatedByName', Value: userName(activity.CreatedBy) },
			...Object.entries(activity.Fields).map(([Key, Value]) => ({ Key, Value })),
		],
	});

	const taskShape = (task: Task) => ({
		TaskID: task.TaskID,
		Name: task.Name,
		Description: task.Description,
		DueDate: lsqSeconds(task.DueDate),
		CreatedOn: lsqSeconds(task.CreatedOn),
		OwnerID: task.OwnerID,
		OwnerName: userName(task.OwnerID),
		CreatedBy: task.CreatedBy,
		CreatedByName: userName(task.CreatedBy),
		Status: task.Status,
		Reminder: task.Reminder,
	});

	const noteShape = (note: Note) => ({
		ProspectNoteId: note.ProspectNoteId,
		RelatedProspectId: note.RelatedProspectId,
		Note: note.Note,
		AttachmentName: note.AttachmentName,
		AttachmentURL: null,
		CreatedBy: note.CreatedBy,
		CreatedByName: userName(note.CreatedBy),
		CreatedOn: lsqSeconds(note.CreatedOn),
	});

	const opportunityShape = (opportunity: Opportunity, includeCsv: unknown) => {
		const lead = store.get(opportunity.RelatedProspectId) ?? {};
		const wanted = text(includeCsv)
			.split(',')
			.map((name) => name.trim())
			.filter(Boolean);
		const fields = { ...opportunity.Fields, Owner: opportunity.Owner };
		const chosen = wanted.length
			? Object.fromEntries(
					wanted.map((name) => [name, fields[name as keyof typeof fields] ?? null]),
				)
			: fields;
		return {
			ProspectId: opportunity.RelatedProspectId,
			FirstName: lead.FirstName ?? null,
			LastName: lead.LastName ?? null,
			EmailAddress: lead.EmailAddress ?? null,
			Phone: lead.Phone ?? null,
			OpportunityId: opportunity.OpportunityId,
			RelatedProspectId: opportunity.RelatedProspectId,
			OpportunityEvent: String(opportunity.OpportunityEvent),
			OpportunityNote: opportunity.OpportunityNote,
			OpportunityDateTime: usDateTime(opportunity.OpportunityDateTime),
			...chosen,
			CreatedOn: usDateTime(opportunity.CreatedOn),
			ModifiedOn: usDateTime(opportunity.ModifiedOn),
		};
	};

	const listShape = (list: StaticList) => ({
		ListId: list.ListId,
		ListName: list.ListName,
		ListDescription: list.ListDescription,
		ListType: list.ListType,
		MemberCount: crm.memberCount(list),
	});

	const settingShape = (type: ActivityType) => ({
		ID: type.Id,
		Name: type.ActivityEventName,
		DisplayName: type.ActivityEventName,
		Fields: type.Fields.map((field, index) => ({
			SchemaName: field.SchemaName,
			DisplayName: field.DisplayName,
			Value: null,
			DataType: field.DataType,
			IsMandatory: field.IsMandatory,
			ShowInForm: true,
			Sequence: index + 1,
			OptionSet: field.Options
				? JSON.stringify(field.Options.map((Value, Order) => ({ Text: Value, Value, Order })))
				: '',
		})),
	});

	return {
		activity: activityShape,
		task: taskShape,
		note: noteShape,
		opportunity: opportunityShape,
		list: listShape,
		setting: settingShape,
	};
}
