import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { recordsOf } from '../../shared/responses';
import { leadSquaredRequest } from '../../shared/transport';
import { invalidInput } from '../../shared/validation';
import { readLeadId } from '../actions/common.descriptions';

/** The lead an item names: its ID, or an email address still to be looked up. */
export type LeadReference = { leadId: string } | { email: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads the "Lead" mode and its field (see leadByFields); checks the format only. */
export function readLeadReference(this: IExecuteFunctions, itemIndex: number): LeadReference {
	if (this.getNodeParameter('leadBy', itemIndex, 'id') !== 'email') return { leadId: readLeadId.call(this, itemIndex) };
	const raw = this.getNodeParameter('leadEmail', itemIndex, '') as unknown;
	const email = typeof raw === 'string' ? raw.trim() : '';
	if (!EMAIL.test(email)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Lead Email Address',
			email === '' ? 'is empty' : `"${email}" is not an email address`,
			'Enter the lead\'s email address, or choose "By ID" and give the lead\'s ID.',
		);
	}
	return { email };
}

/**
 * The lead's ID. LeadSquared's activity Create documents only RelatedProspectId, so a lead given
 * by email is first looked up with Leads.GetByEmailaddress (a read, safe to retry); the write
 * goes out only once the lead is known.
 */
export async function resolveLeadId(this: IExecuteFunctions, lead: LeadReference, itemIndex: number): Promise<string> {
	if ('leadId' in lead) return lead.leadId;
	const body = await leadSquaredRequest.call(
		this,
		{ api: 'v2', method: 'GET', path: 'LeadManagement.svc/Leads.GetByEmailaddress', qs: { emailaddress: lead.email }, idempotent: true },
		itemIndex,
	);
	const id = recordsOf(body, 'Leads')
		.map((record) => record.ProspectID ?? record.ProspectId)
		.find((value): value is string => typeof value === 'string' && value !== '');
	if (!id) {
		throw new NodeOperationError(this.getNode(), `Lead Email Address (item ${itemIndex}): no lead has the email address ${lead.email}`, {
			itemIndex,
			description: 'Create the lead first (for example with Lead > Capture), or give the lead by ID.',
		});
	}
	return id;
}
