import { lsqDateTime, parseLsqDate } from './dates';
import { LsqError, type LeadStore } from './leads';
import {
	ACCOUNT,
	API_USER_ID,
	type ActivityType,
	type CustomField,
	type ListSeed,
	type OpportunityType,
	type User,
} from './seed';
import { guid, invalidInput, missing, newId, record, text } from './shapes';

export interface Activity {
	Id: string;
	RelatedProspectId: string;
	EventCode: number;
	EventName: string;
	ActivityNote: string;
	ActivityDateTime: number;
	CreatedOn: number;
	CreatedBy: string;
	Fields: Record<string, string>;
}

export interface Task {
	TaskID: string;
	Name: string;
	Description: string;
	/** 0 none, 1 lead, 5 opportunity. */
	RelatedEntity: 0 | 1 | 5;
	RelatedEntityId: string;
	TaskType: string;
	DueDate: number;
	EndDate?: number;
	Reminder: string;
	NotifyBy: string;
	OwnerID: string;
	CreatedBy: string;
	CreatedOn: number;
	Status: 'Pending' | 'Completed';
}

export interface Note {
	ProspectNoteId: string;
	RelatedProspectId: string;
	Note: string;
	AttachmentName: string | null;
	CreatedBy: string;
	CreatedOn: number;
}

export interface Opportunity {
	OpportunityId: string;
	RelatedProspectId: string;
	OpportunityEvent: number;
	OpportunityNote: string;
	OpportunityDateTime: number;
	Fields: Record<string, string>;
	Owner: string;
	CreatedOn: number;
	ModifiedOn: number;
}

export interface StaticList extends ListSeed {
	members: Set<string>;
}

/** A record created through the API: what webhooks are told about. */
export type CrmEvent =
	| { kind: 'activity'; activity: Activity }
	| { kind: 'task'; task: Task }
	| { kind: 'opportunity'; opportunity: Opportunity };

/** Most lists in LeadSquared's docs have no stated cap; this one is the sandbox's guess. */
export const LIST_ADD_LIMIT = 1000;

const leadMissing = () =>
	new LsqError('MXInvalidEntityException', 'Lead does not exist in the system');

/**
 * Everything around a lead that a sales team records: activities, tasks, notes, opportunities
 * and list memberships, checked against the account's users and types the way LeadSquared
 * checks them. Kept in memory only; reset() restores the account's configuration.
 */
export class CrmStore {
	activities: Activity[] = [];
	tasks: Task[] = [];
	notes: Note[] = [];
	opportunities: Opportunity[] = [];
	lists = new Map<string, StaticList>();

	private readonly listeners: Array<(event: CrmEvent) => void> = [];

	constructor(private readonly leads: LeadStore) {
		this.reset();
	}

	subscribe(listener: (event: CrmEvent) => void): void {
		this.listeners.push(listener);
	}

	private notify(event: CrmEvent): void {
		for (const listener of this.listeners) listener(event);
	}

	reset(): void {
		this.activities = [];
		this.tasks = [];
		this.notes = [];
		this.opportunities = [];
		this.lists = new Map(
			ACCOUNT.lists.map((list) => [list.ListId, { ...list, members: new Set<string>() }]),
		);
	}

	/** A hard delete takes everything attached to the lead with it, as LeadSquared documents. */
	forgetLead(leadId: string): void {
		const opportunityIds = new Set(
			this.opportunities
				.filter((item) => item.RelatedProspectId === leadId)
				.map((item) => item.OpportunityId),
		);
		this.activities = this.activities.filter((item) => item.RelatedProspectId !== leadId);
		this.notes = this.notes.filter((item) => item.RelatedProspectId !== leadId);
		this.opportunities = this.opportunities.filter((item) => item.RelatedProspectId !== leadId);
		this.tasks = this.tasks.filter(
			(item) => item.RelatedEntityId !== leadId && !opportunityIds.has(item.RelatedEntityId),
		);
		for (const list of this.lists.values()) list.members.delete(leadId);
	}

	user(id: string): User | undefined {
		return ACCOUNT.users.find((user) => user.ID === id);
	}

	activityType(code: unknown): ActivityType {
		const type = ACCOUNT.activityTypes.find(
			(candidate) => candidate.ActivityEvent === Number(code),
		);
		if (!type)
			invalidInput(
				`Invalid ActivityEvent ${text(code) || '(empty)'}: no activity type has this code`,
			);
		return type;
	}

	/** An existing lead's id, or the error LeadSquared gives when posting to a missing lead. */
	private leadId(value: unknown, error: () => LsqError, name = 'leadId'): string {
		const id = guid(value, name);
		if (!this.leads.get(id)) throw error();
		return id;
	}

	createActivity(body: unknown): string {
		const input = record(body);
		const type = this.activityType(input.ActivityEvent);
		const fields = validateFields(type.Fields, input.Fields);
		const when = optionalDate(input.ActivityDateTime, 'ActivityDateTime') ?? Date.now();
		const leadId = input.RelatedProspectId
			? this.leadId(input.RelatedProspectId, leadNotFound, 'RelatedProspectId')
			: this.leadByEmail(input);
		return this.postActivity(
			leadId,
			type.ActivityEvent,
			type.ActivityEventName,
			text(input.ActivityNote),
			when,
			fields,
		);
	}

	/** "Post an Activity with a Lead's Email Address": finds the lead, or creates it from the details sent. */
	private leadByEmail(input: Record<string, unknown>): string {
		const email = text(input.EmailAddress).trim();
		if (!email) missing("'RelatedProspectId' or 'EmailAddress' is mandatory");
		const existing = this.leads.findBy('EmailAddress', email);
		if (existing) return String(existing.ProspectID);
		const details = ['FirstName', 'LastName', 'Phone']
			.filter((name) => text(input[name]) !== '')
			.map((name) => ({ Attribute: name, Value: text(input[name]) }));
		return this.leads.create(
			this.leads.parse([{ Attribute: 'EmailAddress', Value: email }, ...details]).values,
		);
	}

	private postActivity(
		leadId: string,
		code: number,
		name: string,
		note: string,
		when: number,
		fields: Record<string, string>,
	): string {
		const activity: Activity = {
			Id: newId(),
			RelatedProspectId: leadId,
			EventCode: code,
			EventName: name,
			ActivityNote: note,
			ActivityDateTime: when,
			CreatedOn: Date.now(),
			CreatedBy: API_USER_ID,
			Fields: fields,
		};
		this.activities.push(activity);
		this.leads.recordActivity(leadId, name, lsqDateTime(when));
		this.notify({ kind: 'activity', activity });
		return activity.Id;
	}

	/** Newest first; a missing lead simply has none. */
	activitiesOf(leadId: unknown, event: unknown): Activity[] {
		const id = guid(leadId, 'leadId');
		const code = event === undefined || event === null || event === '' ? undefined : Number(event);
		return this.activities
			.filter(
				(item) => item.RelatedProspectId === id && (code === undefined || item.EventCode === code),
			)
			.sort((a, b) => b.ActivityDateTime - a.ActivityDateTime || b.CreatedOn - a.CreatedOn);
	}

	createTask(body: unknown): string {
		const input = record(body);
		const name = text(input.Name).trim();
		if (!name) missing('Task Name is mandatory');
		const typeName = text(record(input.TaskType).Name).trim();
		if (!typeName) missing('TaskType Name is mandatory');
		const type = ACCOUNT.taskTypes.find(
			(candidate) => candidate.Name.toLowerCase() === typeName.toLowerCase(),
		);
		if (!type) invalidInput(`Task type '${typeName}' does not exist`);
		const owner = this.owner(input);
		const [entity, entityId] = this.relatedEntity(input);
		const due = optionalDate(input.DueDate, 'DueDate') ?? Date.now();
		const task: Task = {
			TaskID: newId(),
			Name: name,
			Description: text(input.Description),
			RelatedEntity: entity,
			RelatedEntityId: entityId,
			TaskType: type.Name,
			DueDate: due,
			EndDate: optionalDate(input.EndDate, 'EndDate'),
			Reminder: text(input.Reminder),
			NotifyBy: text(input.NotifyBy) || '1000',
			OwnerID: owner.ID,
			CreatedBy: API_USER_ID,
			CreatedOn: Date.now(),
			Status: 'Pending',
		};
		this.tasks.push(task);
		this.notify({ kind: 'task', task });
		return task.TaskID;
	}

	/** OwnerId or OwnerEmailAddress; neither means the API user, as for records created in the app. */
	private owner(input: Record<string, unknown>): User {
		const email = text(input.OwnerEmailAddress).trim().toLowerCase();
		const given = input.OwnerId ? guid(input.OwnerId, 'OwnerId') : email;
		if (!given) return this.user(API_USER_ID) as User;
		const owner = ACCOUNT.users.find(
			(user) => user.ID === given || user.EmailAddress.toLowerCase() === given,
		);
		if (!owner) invalidInput(`Task owner '${given}' does not exist`);
		if (owner.StatusCode !== 0)
			invalidInput(`Task owner '${owner.EmailAddress}' is not an active user`);
		return owner;
	}

	private relatedEntity(input: Record<string, unknown>): [Task['RelatedEntity'], string] {
		const entity = Number(input.RelatedEntity ?? 0);
		if (entity === 0) return [0, ''];
		if (entity === 1)
			return [1, this.leadId(input.RelatedEntityId, leadMissing, 'RelatedEntityId')];
		if (entity === 5) {
			const id = guid(input.RelatedEntityId, 'RelatedEntityId');
			if (!this.opportunities.some((item) => item.OpportunityId === id))
				throw new LsqError('MXInvalidEntityException', 'Opportunity does not exist in the system');
			return [5, id];
		}
		invalidInput(
			`Invalid RelatedEntity ${text(input.RelatedEntity)}: use 0 (none), 1 (lead) or 5 (opportunity)`,
		);
	}

	tasksOf(leadId: unknown): Task[] {
		const id = guid(leadId, 'leadId');
		return this.tasks
			.filter((task) => task.RelatedEntity === 1 && task.RelatedEntityId === id)
			.sort((a, b) => a.DueDate - b.DueDate);
	}

	createNote(body: unknown): string {
		const input = record(body);
		const leadId = this.leadId(input.RelatedProspectId, leadMissing, 'RelatedProspectId');
		const note = text(input.Note);
		if (note.trim() === '') missing('Note is mandatory');
		const created: Note = {
			ProspectNoteId: newId(),
			RelatedProspectId: leadId,
			Note: note,
			AttachmentName: text(input.AttachmentName) || null,
			CreatedBy: API_USER_ID,
			CreatedOn: Date.now(),
		};
		this.notes.push(created);
		return created.ProspectNoteId;
	}

	notesOf(leadId: unknown, noteId: unknown, newestFirst: boolean): Note[] {
		const id = guid(leadId, 'RelatedId');
		const only = noteId ? guid(noteId, 'Id') : undefined;
		const sign = newestFirst ? -1 : 1;
		return this.notes
			.filter((note) => note.RelatedProspectId === id && (!only || note.ProspectNoteId === only))
			.sort((a, b) => sign * (a.CreatedOn - b.CreatedOn));
	}

	/**
	 * Opportunity capture: the opportunity is checked before the lead is touched, then the lead is
	 * found or created (SearchBy, else email then phone), then the duplicate rule applies: an
	 * opportunity of the same type on the same lead with the same mx_Custom_1 (its name).
	 */
	captureOpportunity(body: unknown) {
		const input = record(body);
		const opportunity = record(input.Opportunity);
		const type = opportunityType(opportunity.OpportunityEventCode);
		const fields = validateFields(type.Fields, opportunity.Fields);
		const when = optionalDate(opportunity.OpportunityDateTime, 'OpportunityDateTime') ?? Date.now();
		if (!Array.isArray(input.LeadDetails)) missing('LeadDetails is mandatory');
		const { id: leadId, created: leadCreated } = this.leads.createOrUpdate(
			this.leads.parse(input.LeadDetails),
		);
		const name = (fields.mx_Custom_1 ?? '').toLowerCase();
		const conflict = name
			? this.opportunities.find(
					(item) =>
						item.RelatedProspectId === leadId &&
						item.OpportunityEvent === type.OpportunityEventCode &&
						(item.Fields.mx_Custom_1 ?? '').toLowerCase() === name,
				)
			: undefined;
		let createdId: string | null = null;
		if (!conflict) {
			createdId = newId();
			const now = Date.now();
			const created: Opportunity = {
				OpportunityId: createdId,
				RelatedProspectId: leadId,
				OpportunityEvent: type.OpportunityEventCode,
				OpportunityNote: text(opportunity.OpportunityNote),
				OpportunityDateTime: when,
				Fields: { Status: 'Open', ...fields },
				Owner: API_USER_ID,
				CreatedOn: now,
				ModifiedOn: now,
			};
			this.opportunities.push(created);
			this.notify({ kind: 'opportunity', opportunity: created });
		}
		const activityName = conflict ? `Duplicate ${type.Name} Detected` : `${type.Name} Captured`;
		const activityId = this.postActivity(
			leadId,
			type.OpportunityEventCode,
			activityName,
			text(opportunity.OpportunityNote),
			when,
			{},
		);
		return {
			Status: 'Success',
			RequestId: newId(),
			PrimaryAction: leadCreated ? 1 : 2,
			SecondaryAction: conflict ? 3 : 1,
			RelatedProspectId: leadId,
			IsUnique: !conflict,
			CreatedOpportunityId: createdId,
			ConflictedOpportunityId: conflict ? conflict.OpportunityId : null,
			AdditionalDetails: [{ ActivityId: activityId, PostDeDupActionPerformed: conflict ? 3 : 1 }],
		};
	}

	opportunitiesOf(leadId: unknown, opportunityTypeCode: unknown): Opportunity[] {
		const id = guid(leadId, 'leadId');
		const code = opportunityTypeCode
			? opportunityType(opportunityTypeCode).OpportunityEventCode
			: undefined;
		return this.opportunities.filter(
			(item) =>
				item.RelatedProspectId === id && (code === undefined || item.OpportunityEvent === code),
		);
	}

	list(listId: unknown): StaticList {
		const list = this.lists.get(guid(listId, 'ListId'));
		if (!list) throw new LsqError('MXInvalidEntityException', 'List does not exist');
		return list;
	}

	private staticList(listId: unknown): StaticList {
		const list = this.list(listId);
		if (list.ListType !== 'static')
			invalidInput(
				`${list.ListName} is not a static list; leads can only be added to or removed from static lists`,
			);
		return list;
	}

	/** Returns how many leads were added: ids already in the list or of no lead are skipped. */
	addToList(listId: unknown, leadIds: unknown): number {
		const list = this.staticList(listId);
		if (!Array.isArray(leadIds) || leadIds.length === 0) missing('leadIds is mandatory');
		if (leadIds.length > LIST_ADD_LIMIT)
			invalidInput(`Maximum ${LIST_ADD_LIMIT} leads can be added to a list at a time`);
		const ids = leadIds.map((id) => guid(id, 'leadIds'));
		let added = 0;
		for (const id of ids) {
			if (!this.leads.get(id) || list.members.has(id)) continue;
			list.members.add(id);
			added++;
		}
		return added;
	}

	removeFromList(listId: unknown, leadId: unknown): void {
		this.staticList(listId).members.delete(guid(leadId, 'LeadID'));
	}

	memberCount(list: StaticList): number {
		return list.ListType === 'dynamic' ? this.leads.live().length : list.members.size;
	}
}

function leadNotFound(): LsqError {
	return new LsqError('MXInvalidEntityReferenceException', 'Lead not found');
}

function opportunityType(code: unknown): OpportunityType {
	const type = ACCOUNT.opportunityTypes.find(
		(candidate) => candidate.OpportunityEventCode === Number(code),
	);
	if (!type)
		invalidInput(
			`Invalid OpportunityEventCode ${text(code) || '(empty)'}: no opportunity type has this code`,
		);
	return type;
}

function optionalDate(value: unknown, name: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const ms = parseLsqDate(text(value));
	if (Number.isNaN(ms))
		invalidInput(`Invalid ${name} '${text(value)}': use yyyy-MM-dd HH:mm:ss (UTC)`);
	return ms;
}

const fieldError = (message: string) => new LsqError('MXInvalidActivityFieldsException', message);

/**
 * Fields:[{SchemaName,Value}] of an activity or opportunity against its type: unknown names,
 * values of the wrong kind and missing mandatory fields are refused, in LeadSquared's wording
 * where it is documented ("Field name : 'x' of datatype : 'String' is mandatory.").
 */
export function validateFields(
	definitions: CustomField[],
	fields: unknown,
): Record<string, string> {
	if (fields !== undefined && fields !== null && !Array.isArray(fields))
		invalidInput('Fields must be an array of SchemaName and Value pairs');
	const values: Record<string, string> = {};
	for (const entry of (fields ?? []) as unknown[]) {
		const { SchemaName, Value } = record(entry);
		const definition = definitions.find(
			(candidate) => candidate.SchemaName.toLowerCase() === text(SchemaName).toLowerCase(),
		);
		if (!definition) throw fieldError(`Field name : '${text(SchemaName)}' does not exist`);
		const value = text(Value);
		if (value !== '' && !fits(definition, value))
			throw fieldError(
				`Field name : '${definition.SchemaName}' of datatype : '${definition.DataType}' has an invalid value '${value}'.`,
			);
		values[definition.SchemaName] = value;
	}
	for (const definition of definitions) {
		if (definition.IsMandatory && !values[definition.SchemaName]) {
			throw fieldError(
				`Field name : '${definition.SchemaName}' of datatype : '${definition.DataType}' is mandatory.`,
			);
		}
	}
	return values;
}

function fits(definition: CustomField, value: string): boolean {
	switch (definition.DataType) {
		case 'Number':
			return value.trim() !== '' && Number.isFinite(Number(value));
		case 'DateTime':
			return !Number.isNaN(parseLsqDate(value));
		case 'Dropdown':
			return (
				definition.Options?.some((option) => option.toLowerCase() === value.toLowerCase()) ?? false
			);
		default:
			return true;
	}
}
