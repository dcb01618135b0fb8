/**
 * Finding leads: every read operation through n8n's real engine, with nock standing in for
 * LeadSquared. Checks the requests LeadSquared documents, paging, Return All against Limit,
 * several leads per input item (each paired with its input), not found, and flat output items
 * with ISO dates.
 */
import nock from 'nock';

import { API_BASE, TEST_CREDENTIALS, runNode } from '../harness/engine';
import { useNock } from '../harness/http';
import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';

const requests = useNock();

const V2 = {
	reqheaders: {
		'x-lsq-accesskey': TEST_CREDENTIALS.accessKey,
		'x-lsq-secretkey': TEST_CREDENTIALS.secretKey,
	},
};
const M = '/v2/LeadManagement.svc';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const lead = (n: number, extra: Record<string, unknown> = {}) => ({
	ProspectID: id(n),
	FirstName: `Lead ${n}`,
	EmailAddress: `lead${n}@example.com`,
	...extra,
});
const read = (operation: string, parameters: Record<string, unknown>) => ({
	resource: 'lead',
	operation,
	...parameters,
});

const METADATA = [
	{ SchemaName: 'EmailAddress', DisplayName: 'Email', DataType: 'Email' },
	{ SchemaName: 'mx_City', DisplayName: 'City', DataType: 'Text' },
	{ SchemaName: 'mx_Budget', DisplayName: 'Budget', DataType: 'Number' },
	{ SchemaName: 'CreatedOn', DisplayName: 'Created On', DataType: 'DateTime' },
];

describe('Get', () => {
	it('by email: one item per lead found, nothing for an input with none, each paired with its input', async () => {
		nock(API_BASE, V2)
			.get(`${M}/Leads.GetByEmailaddress`)
			.query({ emailaddress: 'a@example.com' })
			.reply(200, [lead(1)]);
		nock(API_BASE, V2)
			.get(`${M}/Leads.GetByEmailaddress`)
			.query({ emailaddress: 'nobody@example.com' })
			.reply(200, []);
		nock(API_BASE, V2)
			.get(`${M}/Leads.GetByEmailaddress`)
			.query({ emailaddress: 'b@example.com' })
			.reply(200, [lead(2), lead(3)]);

		const { output, error } = await runNode({
			parameters: read('get', { findBy: 'email', email: '={{ $json.email }}' }),
			input: [
				{ email: 'a@example.com' },
				{ email: 'nobody@example.com' },
				{ email: 'b@example.com' },
			],
		});

		expect(error).toBeUndefined();
		expect(output[0].map((item) => [item.json.ProspectID, item.pairedItem])).toEqual([
			[id(1), { item: 0 }],
			[id(2), { item: 2 }],
			[id(3), { item: 2 }],
		]);
	});

	it('by phone: sends digits only, and outputs dates as ISO 8601 UTC', async () => {
		nock(API_BASE, V2)
			.get(`${M}/RetrieveLeadByPhoneNumber`)
			.query({ phone: '919845098450' })
			.reply(200, [
				lead(1, {
					CreatedOn: '2017-11-30 07:40:18.000',
					ModifiedOn: '/Date(1502992091000+0000)/',
					LastVisit: '4/6/2023 3:23:45 PM',
					Phone: '+91-9845098450',
				}),
			]);

		const { output } = await runNode({
			parameters: read('get', { findBy: 'phone', phone: '+91 98450-98450' }),
		});

		expect(output[0][0].json).toEqual({
			...lead(1),
			CreatedOn: '2017-11-30T07:40:18.000Z',
			ModifiedOn: '2017-08-17T17:48:11.000Z',
			LastVisit: '2023-04-06T15:23:45.000Z',
			Phone: '+91-9845098450',
		});
	});

	it("by lead ID, keeping LeadSquared's own date formats when asked", async () => {
		nock(API_BASE, V2)
			.get(`${M}/Leads.GetById`)
			.query({ id: id(7) })
			.reply(200, [lead(7, { CreatedOn: '2017-11-30 07:40:18.000' })]);

		const { output } = await runNode({
			parameters: read('get', { findBy: 'id', leadId: id(7), options: { rawValues: true } }),
		});

		expect(output[0][0].json.CreatedOn).toBe('2017-11-30 07:40:18.000');
	});

	it.each([
		['emptyItem', { output: [[{ json: {}, pairedItem: { item: 0 } }]], error: undefined }],
		['nothing', { output: [[]], error: undefined }],
	])('when nothing is found and If No Lead Is Found is %s', async (ifNotFound, expected) => {
		nock(API_BASE, V2).get(`${M}/Leads.GetByEmailaddress`).query(true).reply(200, []);

		const { output, error } = await runNode({
			parameters: read('get', { findBy: 'email', email: 'x@example.com', options: { ifNotFound } }),
		});

		expect({ output, error }).toEqual(expected);
	});

	it('fails an item whose lead is not found when asked to, and with Continue On Fail says which', async () => {
		nock(API_BASE, V2)
			.get(`${M}/Leads.GetByEmailaddress`)
			.query({ emailaddress: 'a@example.com' })
			.reply(200, [lead(1)]);
		nock(API_BASE, V2)
			.get(`${M}/Leads.GetByEmailaddress`)
			.query({ emailaddress: 'x@example.com' })
			.reply(200, []);

		const { output } = await runNode({
			parameters: read('get', {
				findBy: 'email',
				email: '={{ $json.email }}',
				options: { ifNotFound: 'error' },
			}),
			input: [{ email: 'a@example.com' }, { email: 'x@example.com' }],
			continueOnFail: true,
		});

		expect(output[0]).toHaveLength(2);
		expect(output[0][0]).toMatchObject({ json: { ProspectID: id(1) }, pairedItem: { item: 0 } });
		expect(output[0][1]).toMatchObject({
			json: { error: 'Find By (item 1): no lead with email address x@example.com' },
			pairedItem: { item: 1 },
		});
	});
});

describe('Search', () => {
	const pageOf = (from: number, count: number) =>
		Array.from({ length: count }, (_, n) => lead(from + n, { mx_City: 'Pune' }));

	it('Return All follows PageIndex over three pages of 1000 and stops at the short page', async () => {
		nock(API_BASE, V2)
			.get(`${M}/LeadsMetaData.Get`)
			.query({ excludeOptionSets: 1 })
			.once()
			.reply(200, METADATA);
		const bodies: Array<Record<string, unknown>> = [];
		nock(API_BASE, V2)
			.post(`${M}/Leads.Get`, (body) => {
				bodies.push(body);
				return true;
			})
			.times(3)
			.reply(200, (_uri, body) => {
				const index = (body as { Paging: { PageIndex: number } }).Paging.PageIndex;
				return index < 3 ? pageOf((index - 1) * 1000, 1000) : pageOf(2000, 7);
			});

		const { output, error } = await runNode({
			parameters: read('search', {
				attribute: 'mx_City',
				operator: 'contains',
				value: 'Pun',
				returnAll: true,
				options: { columns: ['FirstName', 'mx_City'] },
			}),
		});

		expect(error).toBeUndefined();
		expect(output[0]).toHaveLength(2007);
		expect(new Set(output[0].map((item) => item.json.ProspectID)).size).toBe(2007);
		expect(bodies[0]).toEqual({
			Parameter: { LookupName: 'mx_City', LookupValue: '%Pun%', SqlOperator: 'LIKE' },
			Columns: { Include_CSV: 'FirstName,mx_City' },
			Sorting: { ColumnName: 'CreatedOn', Direction: '0' },
			Paging: { PageIndex: 1, PageSize: 1000 },
		});
		expect(bodies.map((body) => body.Paging)).toEqual(
			[1, 2, 3].map((PageIndex) => ({ PageIndex, PageSize: 1000 })),
		);
	});

	it("Limit asks for pages of the limit's size and stops once it has enough", async () => {
		nock(API_BASE, V2).get(`${M}/LeadsMetaData.Get`).query(true).reply(200, METADATA);
		nock(API_BASE, V2)
			.post(`${M}/Leads.Get`, (body) => body.Paging.PageSize === 5 && body.Paging.PageIndex === 1)
			.reply(200, pageOf(0, 5));

		const { output } = await runNode({
			parameters: read('search', {
				attribute: 'mx_City',
				operator: 'equals',
				value: 'Pune',
				returnAll: false,
				limit: 5,
			}),
		});

		expect(output[0]).toHaveLength(5);
	});

	it('many inputs, each finding several leads: every lead is paired with its own input, and the field list is fetched once', async () => {
		nock(API_BASE, V2).get(`${M}/LeadsMetaData.Get`).query(true).once().reply(200, METADATA);
		nock(API_BASE, V2)
			.post(`${M}/Leads.Get`)
			.times(3)
			.reply(200, (_uri, body) => {
				const city = (body as { Parameter: { LookupValue: string } }).Parameter.LookupValue;
				const base = { Pune: 0, Delhi: 10, Goa: 20 }[city] ?? 99;
				return Array.from({ length: 3 }, (_, n) => lead(base + n, { mx_City: city }));
			});

		const { output } = await runNode({
			parameters: read('search', {
				attribute: 'mx_City',
				operator: 'equals',
				value: '={{ $json.city }}',
				returnAll: true,
			}),
			input: [{ city: 'Pune' }, { city: 'Delhi' }, { city: 'Goa' }],
		});

		expect(output[0].map((item) => [item.json.mx_City, item.pairedItem])).toEqual(
			['Pune', 'Delhi', 'Goa'].flatMap((city, item) =>
				Array.from({ length: 3 }, () => [city, { item }]),
			),
		);
	});

	it("sends a number field's comparison and a date field's value in LeadSquared's UTC format", async () => {
		nock(API_BASE, V2).get(`${M}/LeadsMetaData.Get`).query(true).reply(200, METADATA);
		nock(API_BASE, V2)
			.post(
				`${M}/Leads.Get`,
				(body) =>
					body.Parameter.LookupValue === '2026-01-31 04:00:00' &&
					body.Parameter.SqlOperator === '>=',
			)
			.reply(200, []);

		const { output, error } = await runNode({
			parameters: read('search', {
				attribute: 'CreatedOn',
				operator: 'greaterOrEqual',
				value: '2026-01-31T09:30:00+05:30',
				returnAll: true,
			}),
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([[]]);
	});

	it.each([
		[
			'contains on a number field',
			{ attribute: 'mx_Budget', operator: 'contains', value: '5' },
			'Operator (item 0): "contains" does not fit mx_Budget, a Number field',
		],
		[
			'greater than on a text field',
			{ attribute: 'mx_City', operator: 'greaterThan', value: 'P' },
			'Operator (item 0): "greaterThan" does not fit mx_City, a Text field',
		],
		[
			'a malformed date',
			{ attribute: 'CreatedOn', operator: 'lessThan', value: '31/01/2026' },
			'Value (item 0): "31/01/2026" is not a date',
		],
		[
			'text for a number field',
			{ attribute: 'mx_Budget', operator: 'greaterThan', value: 'ten' },
			'Value (item 0): "ten" is not a number',
		],
		[
			'a field the account does not have',
			{ attribute: 'mx_Nope', operator: 'equals', value: 'x' },
			'Field Name (item 0): "mx_Nope" is not a lead field of this account',
		],
	])(
		'refuses %s before searching (only the field list is read)',
		async (_name, parameters, message) => {
			nock(API_BASE, V2).get(`${M}/LeadsMetaData.Get`).query(true).reply(200, METADATA);

			const { error } = await runNode({
				parameters: read('search', { ...parameters, returnAll: true }),
			});

			expect(error?.message).toBe(message);
			expect(requests.unmatched).toEqual([]);
		},
	);
});

describe('Get Many by IDs', () => {
	it('posts the IDs and flattens the leads', async () => {
		nock(API_BASE, V2)
			.post(`${M}/Leads/Retrieve/ByIds`, {
				SearchParameters: { LeadIds: [id(1), id(2)] },
				Paging: { PageIndex: 1, PageSize: 1000 },
			})
			.reply(200, {
				RecordCount: 2,
				Leads: [
					lead(1),
					{
						LeadPropertyList: [
							{ Attribute: 'ProspectID', Value: id(2) },
							{ Attribute: 'FirstName', Value: 'Two' },
						],
					},
				],
			});

		const { output } = await runNode({
			parameters: read('getManyByIds', { leadIds: `${id(1)}, ${id(2)}` }),
		});

		expect(output[0].map((item) => item.json)).toEqual([
			lead(1),
			{ ProspectID: id(2), FirstName: 'Two' },
		]);
	});
});

describe('Get Recently Modified', () => {
	it('sends the range in UTC, pages by RecordCount and flattens LeadPropertyList', async () => {
		const asProperties = (n: number) => ({
			LeadPropertyList: [
				{ Attribute: 'ProspectID', Value: id(n) },
				{ Attribute: 'ModifiedOn', Value: '2026-01-02 03:04:05' },
			],
		});
		const pages: unknown[] = [];
		nock(API_BASE, V2)
			.post(`${M}/Leads.RecentlyModified`, (body) => {
				pages.push(body.Paging);
				return (
					body.Parameter.FromDate === '2026-01-01 00:00:00' &&
					body.Parameter.ToDate === '2026-01-31 18:30:00'
				);
			})
			.times(2)
			.reply(200, (_uri, body) => {
				const index = (body as { Paging: { PageIndex: number } }).Paging.PageIndex;
				return {
					RecordCount: 7500,
					Leads: Array.from({ length: index === 1 ? 5000 : 2500 }, (_, n) =>
						asProperties((index - 1) * 5000 + n),
					),
				};
			});

		const { output } = await runNode({
			parameters: read('getRecentlyModified', {
				fromDate: '2026-01-01T00:00:00Z',
				toDate: '2026-02-01T00:00:00+05:30',
				returnAll: true,
			}),
		});

		expect(pages).toEqual([
			{ PageIndex: 1, PageSize: 5000 },
			{ PageIndex: 2, PageSize: 5000 },
		]);
		expect(output[0]).toHaveLength(7500);
		expect(output[0][7499].json).toEqual({
			ProspectID: id(7499),
			ModifiedOn: '2026-01-02T03:04:05.000Z',
		});
	});
});

describe('Quick Search', () => {
	it("applies Limit to LeadSquared's single answer", async () => {
		nock(API_BASE, V2)
			.get(`${M}/Leads.GetByQuickSearch`)
			.query({ key: 'lead' })
			.reply(200, [lead(1), lead(2), lead(3)]);

		const { output } = await runNode({
			parameters: read('quickSearch', { key: 'lead', returnAll: false, limit: 2 }),
		});

		expect(output[0].map((item) => item.json.ProspectID)).toEqual([id(1), id(2)]);
	});
});

describe('Delete', () => {
	it('deletes by lead ID', async () => {
		nock(API_BASE, V2)
			.get(`${M}/Lead/Delete/ById`)
			.query({ leadId: id(4) })
			.reply(200, { Status: 'Success', Message: { AffectedRows: 1 } });

		const { output } = await runNode({ parameters: read('delete', { leadId: id(4) }) });

		expect(output[0][0].json).toMatchObject({ leadId: id(4), deleted: true });
	});

	it('explains that LeadSquared enables the Delete API on request', async () => {
		nock(API_BASE, V2).get(`${M}/Lead/Delete/ById`).query(true).once().reply(500, {
			Status: 'Error',
			ExceptionType: 'MXAPIAccessDeniedException',
			ExceptionMessage: 'Delete is not enabled for you',
		});

		const { error } = await runNode({ parameters: read('delete', { leadId: id(4) }) });

		expect(error?.message).toBe('Delete is not enabled for you');
		expect(error?.description).toMatch(/Ask LeadSquared support to enable it/);
	});
});

describe('the canvas subtitle', () => {
	it('names the resource and operation chosen, for every operation in the dropdown', () => {
		const { subtitle, properties } = new LeadSquared().description;
		const labels = JSON.parse(/\(\s*(\{.*\})\s*\)\[/.exec(String(subtitle))?.[1] ?? '{}') as Record<
			string,
			string
		>;
		const operations = properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) =>
				(property.options ?? []).map(
					(option) =>
						`${property.displayOptions?.show?.resource?.[0]}:${(option as { value: string }).value}`,
				),
			);

		expect(Object.keys(labels).sort()).toEqual(operations.sort());
		expect(labels['lead:getRecentlyModified']).toBe('Get Recently Modified: Lead');
	});
});
