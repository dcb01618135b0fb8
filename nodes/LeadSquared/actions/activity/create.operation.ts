import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idOf, messageOf } from '../../../shared/responses';
import { leadSquaredRequest } from '../../../shared/transport';
import { readActivityType, readDate, readOptionalText } from '../../helpers/accountChecks';
import { leadReferenceBody, readLeadReference } from '../leadReference';
import { readTypeFields } from '../../helpers/typeFields';
import { activityTypeFields } from '../../methods/accountMetadata';
import {
	accountPicker,
	dateTimeField,
	leadByFields,
	noteField,
	optionsCollection,
	typeFieldsMapper,
} from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	...leadByFields,
	accountPicker('Activity Type Name or ID', 'activityType', 'getActivityTypes', { required: true }),
	typeFieldsMapper('Activity Fields', 'activityFields', 'getActivityFieldMapping', 'activityType'),
	{
		...noteField,
		displayName: 'Activity Note',
		name: 'activityNote',
		description: "Free text shown with the activity on the lead's timeline",
	},
	optionsCollection([
		dateTimeField(
			'Activity Date-Time',
			'activityDateTime',
			'When the activity happened. Leave empty for now. Sent to LeadSquared in UTC.',
		),
	]),
];

interface PreparedActivity {
	body: IDataObject;
	activityType: string;
}

export const create = defineOperation({
	name: 'Create',
	description: 'Post an activity, such as "Webinar attended", on a lead',
	action: 'Create an activity',
	properties,
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedActivity> {
		const lead = readLeadReference.call(this, itemIndex);
		const type = await readActivityType.call(this, itemIndex);
		const fields = readTypeFields.call(
			this,
			itemIndex,
			'activityFields',
			'Activity Fields',
			await activityTypeFields.call(this, type.code),
		);
		const note = readOptionalText.call(this, itemIndex, 'activityNote', 'Activity Note');
		const dateTime = readDate.call(
			this,
			itemIndex,
			'options.activityDateTime',
			'Activity Date-Time',
		);
		return {
			activityType: type.name,
			body: {
				...leadReferenceBody(lead),
				ActivityEvent: type.code,
				...(note === undefined ? {} : { ActivityNote: note }),
				...(dateTime === undefined ? {} : { ActivityDateTime: dateTime }),
				...(fields.length > 0 ? { Fields: fields } : {}),
			},
		};
	},
	async execute(this: IExecuteFunctions, prepared: PreparedActivity, itemIndex: number) {
		const response = await leadSquaredRequest.call(
			this,
			{
				api: 'v2',
				method: 'POST',
				path: 'ProspectActivity.svc/Create',
				body: prepared.body,
				idempotent: false,
			},
			itemIndex,
		);
		const { RelatedProspectId: leadId, EmailAddress: leadEmail } = prepared.body;
		return {
			activityId: idOf(messageOf(response)),
			leadId,
			leadEmail,
			activityType: prepared.activityType,
			response,
		};
	},
});
