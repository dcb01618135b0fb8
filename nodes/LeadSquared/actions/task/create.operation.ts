import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idOf, messageOf } from '../../../shared/responses';
import { leadSquaredRequest } from '../../../shared/transport';
import { invalidInput } from '../../../shared/validation';
import {
	readDate,
	readOptionalText,
	readOwner,
	readRequiredText,
	readTaskType,
} from '../../helpers/accountChecks';
import {
	accountPicker,
	dateTimeField,
	leadIdField,
	optionsCollection,
	readLeadId,
} from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Call back after the webinar',
		description: "The task's subject, as the owner sees it",
	},
	accountPicker('Task Type Name or ID', 'taskType', 'getTaskTypes', { required: true }),
	{ ...leadIdField, description: 'The lead the task is about (its ProspectID)' },
	{
		...dateTimeField('Due Date', 'dueDate', 'When the task is due. Sent to LeadSquared in UTC.'),
		required: true,
	},
	accountPicker('Owner Name or ID', 'owner', 'getUsers', {
		description:
			'The user who gets the task. Leave empty for the user whose keys the credential uses. Choose from the list, or specify a user ID or email address using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
	optionsCollection([
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
		},
		dateTimeField(
			'End Date',
			'endDate',
			'When an appointment-type task ends. Sent to LeadSquared in UTC.',
		),
		{
			displayName: 'Reminder (Minutes Before Due)',
			name: 'reminder',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 30,
			description: 'How many minutes before the due date LeadSquared reminds the owner',
		},
	]),
];

interface PreparedTask {
	body: IDataObject;
	leadId: string;
}

export const create = defineOperation({
	name: 'Create',
	description: 'Create a task, such as a follow-up call, for a lead and assign it to a user',
	action: 'Create a task',
	properties,
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedTask> {
		const name = readRequiredText.call(
			this,
			itemIndex,
			'name',
			'Name',
			'Give the task a name, e.g. "Call back after the webinar".',
		);
		const leadId = readLeadId.call(this, itemIndex);
		const dueDate = readDate.call(this, itemIndex, 'dueDate', 'Due Date');
		if (dueDate === undefined)
			throw invalidInput(
				this.getNode(),
				itemIndex,
				'Due Date',
				'is empty',
				'Pick the date the task is due, or map one.',
			);
		const endDate = readDate.call(this, itemIndex, 'options.endDate', 'End Date');
		const description = readOptionalText.call(
			this,
			itemIndex,
			'options.description',
			'Description',
		);
		const reminder = (this.getNodeParameter('options', itemIndex, {}) as IDataObject).reminder;
		if (
			reminder !== undefined &&
			(typeof reminder !== 'number' || !Number.isInteger(reminder) || reminder < 0)
		) {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				'Reminder (Minutes Before Due)',
				`${JSON.stringify(reminder)} is not a whole number of 0 or more`,
			);
		}
		const taskType = await readTaskType.call(this, itemIndex);
		const owner = await readOwner.call(this, itemIndex, 'owner', 'Owner');
		return {
			leadId,
			body: {
				Name: name,
				// RelatedEntity 1 relates the task to a lead (5 would be an opportunity).
				RelatedEntity: 1,
				RelatedEntityId: leadId,
				TaskType: { Name: taskType },
				DueDate: dueDate,
				...(endDate === undefined ? {} : { EndDate: endDate }),
				...(description === undefined ? {} : { Description: description }),
				...(reminder === undefined ? {} : { Reminder: reminder }),
				...(owner === undefined ? {} : { OwnerId: owner.id }),
			},
		};
	},
	async execute(this: IExecuteFunctions, task: PreparedTask, itemIndex: number) {
		const response = await leadSquaredRequest.call(
			this,
			{ api: 'v2', method: 'POST', path: 'Task.svc/Create', body: task.body, idempotent: false },
			itemIndex,
		);
		return {
			taskId: idOf(messageOf(response)),
			leadId: task.leadId,
			ownerId: task.body.OwnerId,
			response,
		};
	},
});
