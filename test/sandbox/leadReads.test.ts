/**
 * Reading leads the ways LeadSquared documents: by id, phone, criteria (each operator, typed
 * comparisons, columns, sorting, paging), ids in bulk, modified date range and quick search;
 * the hard delete that support must enable; and seeding many leads fast.
 */
import { startSandbox, type Sandbox } from '../../sandbox/src/server';
import { MX_DATE, admin, call, fields, seed } from './client';

let sandbox: Sandbox;

beforeEach(async () => {
	sandbox = await startSandbox({ port: 0, rateLimit: 0 });
});
afterEach(async () => {
	await sandbox.close();
});

const LM = '/v2/LeadManagement.svc';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const search = async (body: Record<string, unknown>) =>
	await call(sandbox, 'POST', `${LM}/Leads.Get`, { body });
const where = (
	LookupName: string,
	SqlOperator: string,
	LookupValue: string,
	extra: Record<string, unknown> = {},
) =>
	search({
		Parameter: { LookupName, SqlOperator, LookupValue },
		Paging: { PageIndex: 1, PageSize: 1000 },
		...extra,
	});
const names = (answer: { body: Array<{ FirstName: string }> }) =>
	answer.body.map((lead) => lead.FirstName).sort();

describe('Leads.GetById', () => {
	it('answers an array with the flat lead, dates as yyyy-MM-dd HH:mm:ss.fff, or []', async () => {
		const [id] = await seed(sandbox, [{ FirstName: 'Ana', EmailAddress: 'ana@b.co' }]);

		const found = await call(sandbox, 'GET', `${LM}/Leads.GetById?id=${id}`);
		const none = await call(sandbox, 'GET', `${LM}/Leads.GetById?id=${UNKNOWN}`);

		expect(found.body).toEqual([
			expect.objectContaining({
				ProspectID: id,
				FirstName: 'Ana',
				CreatedOn: expect.stringMatching(MX_DATE),
				ModifiedOn: expect.stringMatching(MX_DATE),
			}),
		]);
		expect(none.body).toEqual([]);
	});
});

describe('RetrieveLeadByPhoneNumber', () => {
	const byPhone = async (phone: string) =>
		await call(
			sandbox,
			'GET',
			`${LM}/RetrieveLeadByPhoneNumber?phone=${encodeURIComponent(phone)}`,
		);

	it('matches Phone or Mobile on digits, with or without the country code', async () => {
		const [ana, ben] = await seed(sandbox, [
			{ FirstName: 'Ana', Phone: '+91-9045454045' },
			{ FirstName: 'Ben', Mobile: '(080) 2345-6789' },
		]);

		expect((await byPhone('9045454045')).body).toEqual([
			expect.objectContaining({ ProspectID: ana }),
		]);
		expect((await byPhone('919045454045')).body).toEqual([
			expect.objectContaining({ ProspectID: ana }),
		]);
		expect((await byPhone('08023456789')).body).toEqual([
			expect.objectContaining({ ProspectID: ben }),
		]);
		expect((await byPhone('1111111111')).body).toEqual([]);
	});

	it('answers the most recently active of several matches', async () => {
		const [older, newer] = await seed(sandbox, [
			{ FirstName: 'Older', Phone: '9000000001' },
			{ FirstName: 'Newer', Mobile: '+91 9000000001' },
		]);
		expect((await byPhone('9000000001')).body[0].ProspectID).toBe(newer);

		await call(sandbox, 'POST', '/v2/ProspectActivity.svc/Create', {
			body: {
				RelatedProspectId: older,
				ActivityEvent: 201,
				ActivityDateTime: '2099-01-01 10:00:00',
				Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Launch' }],
			},
		});

		expect((await byPhone('9000000001')).body).toEqual([
			expect.objectContaining({ ProspectID: older, ProspectActivityName_Max: 'Webinar attended' }),
		]);
	});

	it('refuses anything but digits', async () => {
		const answer = await byPhone('+91-9045454045');

		expect(answer.status).toBe(500);
		expect(answer.body).toMatchObject({
			Status: 'Error',
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage: expect.stringMatching(/digits only/),
		});
	});
});

describe('Leads.Get', () => {
	beforeEach(async () => {
		await seed(sandbox, [
			{
				FirstName: 'Ana',
				LastName: 'Rao',
				EmailAddress: 'ana@acme.com',
				mx_Budget: '900',
				mx_Date_Of_Birth: '1990-05-01',
				mx_City: 'Pune',
			},
			{
				FirstName: 'Ben',
				LastName: 'Shah',
				EmailAddress: 'ben@acme.com',
				mx_Budget: '10000',
				mx_Date_Of_Birth: '1985-12-24',
				mx_City: 'pune',
			},
			{
				FirstName: 'Cy',
				LastName: 'Rao',
				EmailAddress: 'cy@other.org',
				mx_Budget: '5000',
				mx_City: 'Delhi',
			},
			{ FirstName: 'Di', EmailAddress: 'di@acme.com' },
		]);
	});

	it('compares text without case, with = and <>', async () => {
		expect(names(await where('mx_City', '=', 'PUNE'))).toEqual(['Ana', 'Ben']);
		expect(names(await where('mx_City', '<>', 'pune'))).toEqual(['Cy']);
	});

	it('matches LIKE patterns: contains and starts with', async () => {
		expect(names(await where('EmailAddress', 'LIKE', '%ACME%'))).toEqual(['Ana', 'Ben', 'Di']);
		expect(names(await where('FirstName', 'LIKE', 'b%'))).toEqual(['Ben']);
		expect(names(await where('EmailAddress', 'LIKE', '%.org'))).toEqual(['Cy']);
	});

	it('compares numbers as numbers and dates as dates', async () => {
		expect(names(await where('mx_Budget', '>', '1000'))).toEqual(['Ben', 'Cy']);
		expect(names(await where('mx_Budget', '<', '5000'))).toEqual(['Ana']);
		expect(names(await where('mx_Budget', '>=', '5000'))).toEqual(['Ben', 'Cy']);
		expect(names(await where('mx_Budget', '<=', '900'))).toEqual(['Ana']);
		expect(names(await where('mx_Date_Of_Birth', '<', '1990-01-01'))).toEqual(['Ben']);
		expect(names(await where('CreatedOn', '>', '2000-01-01 00:00:00'))).toEqual([
			'Ana',
			'Ben',
			'Cy',
			'Di',
		]);
	});

	it('limits columns to Include_CSV (ProspectID always) and sorts by Sorting', async () => {
		const answer = await where('LastName', '=', 'Rao', {
			Columns: { Include_CSV: 'firstname, mx_Budget' },
			Sorting: { ColumnName: 'mx_Budget', Direction: '1' },
		});

		expect(answer.body).toEqual([
			{ ProspectID: expect.any(String), FirstName: 'Cy', mx_Budget: '5000' },
			{ ProspectID: expect.any(String), FirstName: 'Ana', mx_Budget: '900' },
		]);
	});

	it('pages with PageIndex from 1', async () => {
		const page = async (PageIndex: number) =>
			names(
				await search({
					Parameter: { LookupName: 'EmailAddress', SqlOperator: 'LIKE', LookupValue: '%' },
					Sorting: { ColumnName: 'FirstName', Direction: '0' },
					Paging: { PageIndex, PageSize: 1 },
				}),
			);

		expect([await page(1), await page(2), await page(3), await page(4), await page(5)]).toEqual([
			['Ana'],
			['Ben'],
			['Cy'],
			['Di'],
			[],
		]);
	});

	it('refuses unknown fields, != and pages over 1000 with MX errors', async () => {
		const unknown = await where('mx_Nope', '=', 'x');
		const bang = await where('FirstName', '!=', 'x');
		const big = await search({
			Parameter: { LookupName: 'FirstName', SqlOperator: '=', LookupValue: 'x' },
			Paging: { PageIndex: 1, PageSize: 1001 },
		});

		expect(unknown.status).toBe(500);
		expect(unknown.body).toEqual({
			Status: 'Error',
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage: 'LookupName mx_Nope does not exist',
		});
		expect(bang.body.ExceptionType).toBe('MXInvalidEntityException');
		expect(big.body.ExceptionMessage).toBe(
			'Invalid Input! Parameter Name: PageSize can not be more than 1000',
		);
	});
});

describe('Leads/Retrieve/ByIds', () => {
	const byIds = async (body: unknown) =>
		await call(sandbox, 'POST', `${LM}/Leads/Retrieve/ByIds`, { body });

	it('answers {RecordCount, Leads} with flat leads, paged, skipping unknown ids', async () => {
		const ids = await seed(
			sandbox,
			['a', 'b', 'c', 'd', 'e'].map((name) => ({ FirstName: name })),
		);
		const page = async (PageIndex: number) =>
			await byIds({
				SearchParameters: { LeadIds: [...ids, UNKNOWN] },
				Columns: { Include_CSV: 'FirstName' },
				Paging: { PageIndex, PageSize: 2 },
			});

		const pages = [await page(1), await page(2), await page(3)];

		expect(pages.map((answer) => answer.body.RecordCount)).toEqual([5, 5, 5]);
		expect(pages.flatMap((answer) => answer.body.Leads)).toEqual(
			ids.map((ProspectID, n) => ({ ProspectID, FirstName: 'abcde'[n] })),
		);
		expect((await byIds({ LeadIds: [ids[0]] })).body.Leads).toEqual([
			expect.objectContaining({ ProspectID: ids[0], FirstName: 'a' }),
		]);
	});

	it('refuses more than 10,000 ids', async () => {
		const answer = await byIds({
			SearchParameters: { LeadIds: Array.from({ length: 10_001 }, () => UNKNOWN) },
		});

		expect(answer.status).toBe(500);
		expect(answer.body.ExceptionMessage).toMatch(/maximum of 10000 leads/);
	});
});

describe('Leads.RecentlyModified', () => {
	const modified = async (
		Parameter: Record<string, string>,
		Paging = { PageIndex: 1, PageSize: 5000 },
	) =>
		await call(sandbox, 'POST', `${LM}/Leads.RecentlyModified`, {
			body: { Parameter, Columns: { Include_CSV: 'EmailAddress,ModifiedOn' }, Paging },
		});
	const emails = (answer: {
		body: { Leads: Array<{ LeadPropertyList: Array<{ Attribute: string; Value: string }> }> };
	}) =>
		answer.body.Leads.map(
			(lead) => lead.LeadPropertyList.find((entry) => entry.Attribute === 'EmailAddress')?.Value,
		);

	it('answers LeadPropertyList per lead for ModifiedOn in the range, both ends included, oldest first', async () => {
		await admin(sandbox, 'POST', 'seed-generated', { count: 10, prefix: 'range' });
		const leads = sandbox.leads();
		const second = (n: number) => String(leads[n].ModifiedOn).slice(0, 19);

		const answer = await modified({ FromDate: second(2), ToDate: second(5) });

		expect(answer.body.RecordCount).toBe(4);
		expect(answer.body.Leads[0].LeadPropertyList).toEqual([
			{ Attribute: 'ProspectID', Value: leads[2].ProspectID, Fields: null },
			{ Attribute: 'EmailAddress', Value: 'range-3@example.com', Fields: null },
			{ Attribute: 'ModifiedOn', Value: leads[2].ModifiedOn, Fields: null },
		]);
		expect(emails(answer)).toEqual([
			'range-3@example.com',
			'range-4@example.com',
			'range-5@example.com',
			'range-6@example.com',
		]);
	});

	it('pages through a range in three calls', async () => {
		await admin(sandbox, 'POST', 'seed-generated', { count: 7 });
		const range = { FromDate: '2000-01-01 00:00:00', ToDate: '2100-01-01 00:00:00' };

		const pages = [1, 2, 3].map(async (PageIndex) =>
			emails(await modified(range, { PageIndex, PageSize: 3 })),
		);

		expect(await Promise.all(pages)).toEqual([
			['lead-1@example.com', 'lead-2@example.com', 'lead-3@example.com'],
			['lead-4@example.com', 'lead-5@example.com', 'lead-6@example.com'],
			['lead-7@example.com'],
		]);
	});

	it('sees every write: update, bulk update and capture move ModifiedOn', async () => {
		const [id] = await seed(sandbox, [{ EmailAddress: 'w@b.co' }]);
		const before = String(sandbox.leads()[0].ModifiedOn);
		const later = async () => await new Promise((resolve) => setTimeout(resolve, 5));
		const stamps = [];
		for (const write of [
			() =>
				call(sandbox, 'POST', `${LM}/Lead.Update?leadId=${id}`, {
					body: fields({ mx_City: 'Pune' }),
				}),
			() =>
				call(sandbox, 'POST', `${LM}/Lead/Bulk/Update`, {
					body: { LeadIds: [id], LeadFields: { Attribute: 'mx_City', Value: 'Goa' } },
				}),
			() =>
				call(sandbox, 'POST', `${LM}/Lead.Capture`, {
					body: fields({ EmailAddress: 'w@b.co', FirstName: 'W' }),
				}),
		]) {
			await later();
			await write();
			stamps.push(String(sandbox.leads()[0].ModifiedOn));
		}

		expect([before, ...stamps]).toEqual([...new Set([before, ...stamps])].sort());
	});

	it('refuses bad dates and pages over 5000', async () => {
		const badDate = await modified({ FromDate: '01/02/2024', ToDate: '2024-02-01 00:00:00' });
		const big = await modified(
			{ FromDate: '2024-01-01 00:00:00', ToDate: '2024-02-01 00:00:00' },
			{ PageIndex: 1, PageSize: 5001 },
		);

		expect(badDate.body).toMatchObject({
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage: expect.stringMatching(/^Invalid FromDate/),
		});
		expect(big.body.ExceptionMessage).toBe(
			'Invalid Input! Parameter Name: PageSize can not be more than 5000',
		);
	});
});

describe('Leads.GetByQuickSearch', () => {
	it('finds leads whose name, email or phone contains the key', async () => {
		await seed(sandbox, [
			{ FirstName: 'Asha', LastName: 'Iyer', EmailAddress: 'asha@b.co' },
			{ FirstName: 'Ben', EmailAddress: 'ben@iyer-family.com' },
			{ FirstName: 'Cy', Phone: '+91-9812345678' },
		]);
		const quick = async (key: string) =>
			names(
				await call(sandbox, 'GET', `${LM}/Leads.GetByQuickSearch?key=${encodeURIComponent(key)}`),
			);

		expect(await quick('iyer')).toEqual(['Asha', 'Ben']);
		expect(await quick('Asha Iyer')).toEqual(['Asha']);
		expect(await quick('98123')).toEqual(['Cy']);
		expect(await quick('nobody')).toEqual([]);
	});
});

describe('Lead/Delete/ById', () => {
	const remove = async (id: string) =>
		await call(sandbox, 'GET', `${LM}/Lead/Delete/ById?leadId=${id}`);

	it('hard-deletes the lead with its activities, notes and list memberships', async () => {
		const [id, other] = await seed(sandbox, [
			{ EmailAddress: 'gone@b.co' },
			{ EmailAddress: 'stays@b.co' },
		]);
		await call(sandbox, 'POST', `${LM}/CreateNote`, { body: { RelatedProspectId: id, Note: 'x' } });
		await call(sandbox, 'POST', '/v2/LeadSegmentation.svc/AddLeadsToStaticList', {
			body: { listId: '9e3f2c40-0000-4000-8000-000000000001', leadIds: [id, other] },
		});

		const answer = await remove(id);

		expect(answer.body).toEqual({ Status: 'Success' });
		expect(sandbox.leads().map((lead) => lead.ProspectID)).toEqual([other]);
		expect(await admin(sandbox, 'GET', 'notes')).toEqual([]);
		expect((await admin(sandbox, 'GET', 'lists'))[0].Members).toEqual([other]);
		expect((await remove(id)).body).toEqual({
			Status: 'Error',
			ExceptionType: 'MXInvalidEntityException',
			ExceptionMessage: 'Lead does not exist in the system',
		});
	});

	it('refuses when support has not enabled it, and changes nothing', async () => {
		const [id] = await seed(sandbox, [{ EmailAddress: 'kept@b.co' }]);
		await admin(sandbox, 'POST', 'config', { deleteApiEnabled: false });

		const answer = await remove(id);

		expect(answer.status).toBe(500);
		expect(answer.body).toEqual({
			Status: 'Error',
			ExceptionType: 'MXUnauthorizedRequestException',
			ExceptionMessage: 'Delete is not enabled for you',
		});
		expect(sandbox.leads()).toHaveLength(1);
	});

	it('refuses an id that is not a GUID', async () => {
		const answer = await remove('42');

		expect(answer.body).toMatchObject({
			ExceptionType: 'MXInvalidInputException',
			ExceptionMessage: "Invalid leadId: '42' is not a valid Guid",
		});
	});
});

describe('seed-generated', () => {
	it('creates 10,000 varied leads in well under a second, searchable at once', async () => {
		const started = performance.now();
		const { ids } = await admin(sandbox, 'POST', 'seed-generated', {
			count: 10_000,
			prefix: 'bulk',
		});
		const elapsed = performance.now() - started;

		const pune = await where('mx_City', '=', 'Pune');
		const lead = sandbox.leads()[41];

		expect(ids).toHaveLength(10_000);
		expect(elapsed).toBeLessThan(1000);
		expect(pune.body).toHaveLength(1000);
		expect(lead).toMatchObject({
			EmailAddress: 'bulk-42@example.com',
			FirstName: expect.any(String),
			Phone: expect.stringMatching(/^\+91-\d{10}$/),
			ModifiedOn: expect.stringMatching(MX_DATE),
		});
		expect(new Set(sandbox.leads().map((item) => item.ProspectStage))).toEqual(
			new Set(['Prospect', 'Opportunity', 'Customer']),
		);
	});

	it('refuses a batch whose emails already exist, adding none of it', async () => {
		await admin(sandbox, 'POST', 'seed-generated', { count: 3, prefix: 'twice' });
		const again = await fetch(`${sandbox.url}/_sandbox/seed-generated`, {
			method: 'POST',
			body: JSON.stringify({ count: 5, prefix: 'twice' }),
		});

		expect(again.status).toBe(500);
		expect(sandbox.leads()).toHaveLength(3);
	});
});
