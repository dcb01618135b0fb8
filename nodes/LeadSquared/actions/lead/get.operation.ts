import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordsOf } from '../../../shared/responses';
import { leadSquaredRequest, type ApiRequest } from '../../../shared/transport';
import { invalidInput } from '../../../shared/validation';
import {
	leadIdField,
	optionsCollection,
	rawValuesOption,
	readLeadId,
} from '../common.descriptions';
import { defineOperation } from '../define';
import { leadItems, type LeadRead } from './leadReads';

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options: [
			{ name: 'Email Address', value: 'email' },
			{ name: 'Lead ID', value: 'id' },
			{
				name: 'Phone or Mobile Number',
				value: 'phone',
				description:
					'Searches Phone and Mobile; when several leads match, LeadSquared returns the most recently active one',
			},
		],
		default: 'email',
	},
	{ ...leadIdField, displayOptions: { show: { findBy: ['id'] } } },
	{
		displayName: 'Email Address',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { findBy: ['email'] } },
	},
	{
		displayName: 'Phone Number',
		name: 'phone',
		type: 'string',
		placeholder: 'e.g. 919845098450',
		required: true,
		default: '',
		description:
			'Digits, with or without the country code. Spaces, dashes, brackets and a leading + are removed before sending.',
		displayOptions: { show: { findBy: ['phone'] } },
	},
	optionsCollection([
		{
			displayName: 'If No Lead Is Found',
			name: 'ifNotFound',
			type: 'options',
			options: [
				{
					name: 'Fail',
					value: 'error',
					description: 'Stop with an error (or an error item with Continue On Fail)',
				},
				{
					name: 'Output an Empty Item',
					value: 'emptyItem',
					description: 'Keep one item per input, with no lead fields',
				},
				{
					name: 'Output Nothing',
					value: 'nothing',
					description: 'The input item gives no output item',
				},
			],
			default: 'nothing',
		},
		rawValuesOption,
	]),
];

interface LeadLookup extends LeadRead {
	request: ApiRequest;
	/** How the lead was asked for, for the not-found message. */
	asked: string;
	ifNotFound: 'nothing' | 'emptyItem' | 'error';
}

function prepare(this: IExecuteFunctions, itemIndex: number): LeadLookup {
	const findBy = this.getNodeParameter('findBy', itemIndex) as string;
	const ifNotFound = this.getNodeParameter(
		'options.ifNotFound',
		itemIndex,
		'nothing',
	) as LeadLookup['ifNotFound'];
	const read = {
		columns: '',
		rawValues: this.getNodeParameter('options.rawValues', itemIndex, false) as boolean,
		ifNotFound,
	};
	if (findBy === 'id') {
		const id = readLeadId.call(this, itemIndex);
		return {
			...read,
			asked: `lead ID ${id}`,
			request: get('LeadManagement.svc/Leads.GetById', { id }),
		};
	}
	if (findBy === 'phone') {
		const phone = digitsOnly.call(this, itemIndex);
		return {
			...read,
			asked: `phone number ${phone}`,
			request: get('LeadManagement.svc/RetrieveLeadByPhoneNumber', { phone }),
		};
	}
	const email = String(this.getNodeParameter('email', itemIndex, '') ?? '').trim();
	if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Email Address',
			email === '' ? 'is empty' : `"${email}" is not an email address`,
		);
	}
	return {
		...read,
		asked: `email address ${email}`,
		request: get('LeadManagement.svc/Leads.GetByEmailaddress', { emailaddress: email }),
	};
}

async function execute(
	this: IExecuteFunctions,
	lookup: LeadLookup,
	itemIndex: number,
): Promise<IDataObject[]> {
	const leads = leadItems(
		recordsOf(await leadSquaredRequest.call(this, lookup.request, itemIndex)),
		lookup,
	);
	if (leads.length > 0 || lookup.ifNotFound === 'nothing') return leads;
	if (lookup.ifNotFound === 'emptyItem') return [{}];
	throw invalidInput(
		this.getNode(),
		itemIndex,
		'Find By',
		`no lead with ${lookup.asked}`,
		'Choose "Output Nothing" under If No Lead Is Found to let the workflow go on.',
	);
}

function get(path: string, qs: IDataObject): ApiRequest {
	return { api: 'v2', method: 'GET', path, qs, idempotent: true };
}

/** LeadSquared matches phone numbers on digits only; formatting is dropped, letters are a mistake. */
function digitsOnly(this: IExecuteFunctions, itemIndex: number): string {
	const raw = this.getNodeParameter('phone', itemIndex, '') as unknown;
	const text = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim();
	const digits = text.replace(/[\s\-().+]/g, '');
	if (digits === '') throw invalidInput(this.getNode(), itemIndex, 'Phone Number', 'is empty');
	if (!/^\d+$/.test(digits)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Phone Number',
			`"${text}" contains characters other than digits`,
			'LeadSquared searches phone numbers by their digits, e.g. 919845098450.',
		);
	}
	return digits;
}

export const getLead = defineOperation({
	name: 'Get',
	description: 'Find one lead by its ID, email address or phone number',
	action: 'Get a lead',
	properties,
	prepare,
	execute,
});
