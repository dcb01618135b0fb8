import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isObject } from '../../../shared/responses';
import { leadSquaredRequest, type ResponseBody } from '../../../shared/transport';
import { readDate, readOpportunityType, readOptionalText } from '../../helpers/accountChecks';
import { leadDetailsWithSearchBy } from '../../helpers/leadFields';
import { readTypeFields } from '../../helpers/typeFields';
import { opportunityTypeFields } from '../../methods/accountMetadata';
import {
	accountPicker,
	dateTimeField,
	leadFieldsFields,
	noteField,
	optionsCollection,
	searchByFields,
	typeFieldsMapper,
} from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	...leadFieldsFields('upsert'),
	...searchByFields,
	accountPicker('Opportunity Type Name or ID', 'opportunityType', 'getOpportunityTypes', {
		required: true,
	}),
	typeFieldsMapper(
		'Opportunity Fields',
		'opportunityFields',
		'getOpportunityFieldMapping',
		'opportunityType',
	),
	{ ...noteField, displayName: 'Opportunity Note', name: 'opportunityNote' },
	optionsCollection([
		dateTimeField(
			'Opportunity Date-Time',
			'opportunityDateTime',
			'When the opportunity arose. Leave empty for now. Sent to LeadSquared in UTC.',
		),
	]),
];

/**
 * LeadSquared's duplicate detection (PostDeDupActionPerformed) as words: whether Capture made a
 * new opportunity or found one like it. Codes not listed are passed through as "code N".
 */
const DUPLICATE_ACTIONS: Record<string, string> = {
	'0': 'none',
	'1': 'created',
	'3': 'duplicate found, existing opportunity kept',
};

function duplicateActionOf(code: unknown): string | undefined {
	if (code === undefined || code === null || code === '') return undefined;
	return DUPLICATE_ACTIONS[String(code)] ?? `code ${String(code)}`;
}

export const capture = defineOperation({
	name: 'Capture',
	description:
		"Create an opportunity on a lead, creating or updating the lead first, with LeadSquared's duplicate detection",
	action: 'Capture an opportunity',
	properties,
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const leadDetails = await leadDetailsWithSearchBy.call(this, itemIndex);
		const type = await readOpportunityType.call(this, itemIndex);
		const fields = readTypeFields.call(
			this,
			itemIndex,
			'opportunityFields',
			'Opportunity Fields',
			await opportunityTypeFields.call(this, type.code),
		);
		const note = readOptionalText.call(this, itemIndex, 'opportunityNote', 'Opportunity Note');
		const dateTime = readDate.call(
			this,
			itemIndex,
			'options.opportunityDateTime',
			'Opportunity Date-Time',
		);
		return {
			LeadDetails: leadDetails,
			Opportunity: {
				OpportunityEventCode: type.code,
				...(note === undefined ? {} : { OpportunityNote: note }),
				...(dateTime === undefined ? {} : { OpportunityDateTime: dateTime }),
				Fields: fields,
			},
		};
	},
	async execute(this: IExecuteFunctions, body: IDataObject, itemIndex: number) {
		const response = await leadSquaredRequest.call(
			this,
			{
				api: 'v2',
				method: 'POST',
				path: 'OpportunityManagement.svc/Capture',
				body,
				idempotent: false,
			},
			itemIndex,
		);
		const answer = answerOf(response);
		const details =
			Array.isArray(answer.AdditionalDetails) && isObject(answer.AdditionalDetails[0])
				? answer.AdditionalDetails[0]
				: {};
		return {
			opportunityId:
				firstText(answer, 'CreatedOpportunityId', 'OpportunityId') ??
				firstText(answer, 'ConflictedOpportunityId'),
			leadId: firstText(answer, 'RelatedProspectId', 'ProspectId', 'LeadId'),
			duplicateCheck: duplicateActionOf(
				details.PostDeDupActionPerformed ?? answer.PostDeDupActionPerformed,
			),
			isNew: typeof answer.IsUnique === 'boolean' ? answer.IsUnique : undefined,
			activityId: firstText(details, 'ActivityId') ?? firstText(answer, 'ActivityId'),
			response,
		};
	},
});

// Capture answers with its IDs at the top level (documented: CreatedOpportunityId,
// ConflictedOpportunityId, AdditionalDetails[{ActivityId, PostDeDupActionPerformed}]); some
// accounts wrap them in Message.
function answerOf(response: ResponseBody): IDataObject {
	if (Array.isArray(response)) return {};
	return isObject(response.Message) ? { ...response, ...response.Message } : response;
}

function firstText(answer: IDataObject, ...keys: string[]): string | undefined {
	for (const key of keys)
		if (typeof answer[key] === 'string' && answer[key] !== '') return answer[key];
	return undefined;
}
