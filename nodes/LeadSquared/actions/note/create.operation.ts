import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idOf, messageOf } from '../../../shared/responses';
import { leadSquaredRequest } from '../../../shared/transport';
import { readRequiredText } from '../../helpers/accountChecks';
import { leadIdField, noteField, readLeadId } from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	leadIdField,
	{
		...noteField,
		required: true,
		placeholder: 'e.g. Called, asked for a demo next week',
		description: "The note's text",
	},
];

interface PreparedNote {
	leadId: string;
	note: string;
}

export const create = defineOperation({
	name: 'Create',
	description: 'Add a note to a lead',
	action: 'Create a note',
	properties,
	prepare(this: IExecuteFunctions, itemIndex: number): PreparedNote {
		const leadId = readLeadId.call(this, itemIndex);
		return {
			leadId,
			note: readRequiredText.call(
				this,
				itemIndex,
				'note',
				'Note',
				"Write the note's text, or map it from a previous node.",
			),
		};
	},
	async execute(this: IExecuteFunctions, { leadId, note }: PreparedNote, itemIndex: number) {
		const response = await leadSquaredRequest.call(
			this,
			{
				api: 'v2',
				method: 'POST',
				path: 'LeadManagement.svc/CreateNote',
				body: { RelatedProspectId: leadId, Note: note },
				idempotent: false,
			},
			itemIndex,
		);
		return { noteId: idOf(messageOf(response)), leadId, response };
	},
});
