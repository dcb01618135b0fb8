import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../shared/validation';
import { readLeadId } from './common.descriptions';

/** The lead an item names: its ID, or its email address. */
export type LeadReference = { leadId: string } | { email: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads the "Lead" mode and its field (see leadByFields); checks the format only. */
export function readLeadReference(this: IExecuteFunctions, itemIndex: number): LeadReference {
	if (this.getNodeParameter('leadBy', itemIndex, 'id') !== 'email')
		return { leadId: readLeadId.call(this, itemIndex) };
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
 * How the lead goes into an activity's body. LeadSquared's Create takes EmailAddress in place of
 * RelatedProspectId (LeadSquared's own PHP library, sample-activity-management.php: "Post Activity
 * with Lead Email Address, If lead is not present then lead will be created"), so no look-up call
 * is needed first.
 */
export function leadReferenceBody(lead: LeadReference): IDataObject {
	return 'leadId' in lead ? { RelatedProspectId: lead.leadId } : { EmailAddress: lead.email };
}
