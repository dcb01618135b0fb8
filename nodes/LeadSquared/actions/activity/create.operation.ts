import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idOf, messageOf } from '../../../shared/responses';
import { leadSquaredRequest } from '../../../shared/transport';
import { readActivityType, readDate, readOptionalText } from '../../helpers/accountChecks';
import { readLeadReference, resolveLeadId, type LeadReference } from '../../helpers/leadLookup';
import { readTypeFields } from '../../helpers/typeFields';
import { activityTypeFields } from '../../methods/accountMetadata';
import { accountPicker, dateTimeField, leadByFields, noteField, optionsCollection, typeFieldsMapper } from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	...leadByFields,
	accountPicker('Activity Type Name or ID', 'activityType', 'getActivityTypes', { required: true }),
	typeFieldsMapper('Activity Fields', 'activityFields', 'getActivityFieldMapping', 'activityType'),
	{ ...noteField, displayName: 'Activity Note', name: 'activityNote', description: 'Free text shown with the activity on the lead\'s timeline' },
	optionsCollection([
		dateTimeField('Activity Date-Time', 'activityDateTime', 'When the activity happened. Leave empty for now. Sent to LeadSquared in UTC.'),
	]),
];

interface PreparedActivity {
	lead: LeadReference;
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
		const fields = readTypeFields.call(this, itemIndex, 'activityFields', 'Activity Fields', await activityTypeFields.call(this, type.code));
		const note = readOptionalText.call(this, itemIndex, 'activityNote', 'Activity Note');
		const dateTime = readDate.call(this, itemIndex, 'options.activityDateTime', 'Activity Date-Time');
		return {
			lead,
			activityType: type.name,
			body: {
				ActivityEvent: type.code,
				...(note === undefined ? {} : { ActivityNote: note }),
				...(dateTime === undefined ? {} : { ActivityDateTime: dateTime }),
				...(fields.length > 0 ? { Fields: fields } : {}),
			},
		};
	},
	async execute(this: IExecuteFunctions, prepared: PreparedActivity, itemIndex: number) {
		const leadId = await resolveLeadId.call(this, prepared.lead, itemIndex);
		const response = await leadSquaredRequest.call(
			this,
			{ api: 'v2', method: 'POST', path: 'ProspectActivity.svc/Create', body: { RelatedProspectId: leadId, ...prepared.body }, idempotent: false },
			itemIndex,
		);
		return { activityId: idOf(messageOf(response)), leadId, activityType: prepared.activityType, response };
	},
});
