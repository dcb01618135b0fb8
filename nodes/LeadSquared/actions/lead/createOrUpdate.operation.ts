import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idOf, messageOf } from '../../../shared/responses';
import { leadSquaredRequest, type ApiRequest } from '../../../shared/transport';
import { invalidInput } from '../../../shared/validation';
import { leadDetailsWithSearchBy, type LeadAttribute } from '../../helpers/leadFields';
import {
	leadFieldsFields,
	optionsCollection,
	postUpdatedLeadOption,
	searchByFields,
} from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	...leadFieldsFields('upsert'),
	...searchByFields,
	optionsCollection([postUpdatedLeadOption]),
];

/** The fields LeadSquared matches on when no Search By is given. */
const DEFAULT_MATCH_FIELDS = ['EmailAddress', 'Phone'];

export const createOrUpdate = defineOperation({
	name: 'Create or Update',
	description: 'Update the lead that matches the email address or phone, or create it',
	action: 'Create or update a lead',
	properties,
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<ApiRequest> {
		const postUpdatedLead = this.getNodeParameter(
			'options.postUpdatedLead',
			itemIndex,
			false,
		) as boolean;
		const body = await leadDetailsWithSearchBy.call(this, itemIndex);
		requireMatchField.call(this, itemIndex, body);
		return {
			api: 'v2',
			method: 'POST',
			path: 'LeadManagement.svc/Lead.CreateOrUpdate',
			qs: { postUpdatedLead },
			body,
			idempotent: false,
		};
	},
	async execute(this: IExecuteFunctions, request: ApiRequest, itemIndex: number) {
		const response = await leadSquaredRequest.call(this, request, itemIndex);
		const message = messageOf(response);
		return { leadId: idOf(message), affectedRows: message.AffectedRows, response };
	},
});

/**
 * LeadSquared needs at least one unique field with a value to find or create the lead
 * ("You must pass at least one unique field (e.g. email address or phone)"). With Search By the
 * chosen field is already checked to have a value, so only the default matching is left.
 */
function requireMatchField(
	this: IExecuteFunctions,
	itemIndex: number,
	body: LeadAttribute[],
): void {
	if (body.some((attribute) => attribute.Attribute === 'SearchBy')) return;
	const hasMatch = body.some(
		(attribute) =>
			DEFAULT_MATCH_FIELDS.includes(attribute.Attribute) && attribute.Value.trim() !== '',
	);
	if (!hasMatch) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Lead Fields',
			'no Email Address or Phone value to identify the lead',
			'LeadSquared needs a unique field with a value to find or create the lead. Map EmailAddress or Phone, or choose another unique field in Search By.',
		);
	}
}
