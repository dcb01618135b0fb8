import { parseLsqDate } from '../dates';
import { LsqError, type Lead } from '../leads';
import { LeadColumns, criterion, propertyList, selectColumns, sortLeads } from '../leadQuery';
import { guid, invalidInput, missing, pageByIndex, record, text } from '../shapes';
import { v2Routes, type Route, type SandboxContext } from './types';

const LEADS = '/v2/LeadManagement.svc';
const BY_IDS_LIMIT = 10_000;

const digits = (value: unknown) => (typeof value === 'string' ? value.replace(/\D/g, '') : '');

/** Digits with or without the country code: equal, or one ends with the other (7 digits or more). */
function samePhone(stored: string, wanted: string): boolean {
	if (stored === '' || wanted === '') return false;
	return (
		stored === wanted ||
		(Math.min(stored.length, wanted.length) >= 7 &&
			(stored.endsWith(wanted) || wanted.endsWith(stored)))
	);
}

/** The latest of the last activity and the last change: "most recent activity" for phone look-ups. */
const lastActive = (lead: Lead) =>
	[lead.ProspectActivityDate_Max, lead.ModifiedOn]
		.map((value) => (typeof value === 'string' ? value : ''))
		.sort()
		.pop() ?? '';

export function leadReadRoutes({ store, crm, extra }: SandboxContext): Record<string, Route> {
	const columns = new LeadColumns(store);

	return v2Routes({
		[`GET ${LEADS}/RetrieveLeadByPhoneNumber`]: ({ query }) => {
			const phone = query.get('phone') ?? '';
			if (phone === '') missing("'phone' is mandatory");
			if (!/^\d+$/.test(phone))
				invalidInput(
					'Invalid phone number. Pass digits only, with or without the country code, without spaces, hyphens or other characters',
				);
			const matches = store
				.live()
				.filter(
					(lead) => samePhone(digits(lead.Phone), phone) || samePhone(digits(lead.Mobile), phone),
				);
			// On a tie the later-created lead wins: it was the last one touched.
			const best = matches.reduce<Lead | undefined>(
				(chosen, lead) => (!chosen || lastActive(lead) >= lastActive(chosen) ? lead : chosen),
				undefined,
			);
			return best ? [structuredClone(best)] : [];
		},

		[`GET ${LEADS}/Leads.GetByQuickSearch`]: ({ query }) => {
			const key = (query.get('key') ?? '').trim().toLowerCase();
			if (key === '') missing("'key' is mandatory");
			const keyDigits = /^[\d\s+()-]+$/.test(key) ? digits(key) : '';
			return store
				.live()
				.filter((lead) => {
					const names = [
						lead.FirstName,
						lead.LastName,
						`${text(lead.FirstName)} ${text(lead.LastName)}`,
						lead.EmailAddress,
					];
					if (names.some((value) => text(value).toLowerCase().includes(key))) return true;
					return (
						keyDigits.length >= 3 &&
						[lead.Phone, lead.Mobile].some((value) => digits(value).includes(keyDigits))
					);
				})
				.map((lead) => structuredClone(lead));
		},

		[`POST ${LEADS}/Leads.Get`]: ({ body }) => {
			const input = record(body);
			const parameter = record(input.Parameter);
			if (!input.Parameter)
				missing('Parameter is mandatory: LookupName, LookupValue and SqlOperator');
			const matches = criterion(columns, parameter);
			const found = sortLeads(columns, store.live().filter(matches), record(input.Sorting));
			return pageByIndex(found, input.Paging, { size: 100, max: 1000 }).items.map((lead) =>
				selectColumns(columns, lead, record(input.Columns).Include_CSV),
			);
		},

		// Documented body: {SearchParameters:{LeadIds}}; LeadIds at the top level is accepted too.
		[`POST ${LEADS}/Leads/Retrieve/ByIds`]: ({ body }) => {
			const input = record(body);
			const ids = record(input.SearchParameters).LeadIds ?? input.LeadIds;
			if (!Array.isArray(ids) || ids.length === 0) missing('LeadIds is mandatory');
			if (ids.length > BY_IDS_LIMIT)
				invalidInput(
					`You can retrieve a maximum of ${BY_IDS_LIMIT} leads. ${ids.length} LeadIds were passed`,
				);
			const found = [...new Set(ids.map((id) => guid(id, 'LeadIds')))]
				.map((id) => store.get(id))
				.filter((lead): lead is Lead => Boolean(lead));
			const page = pageByIndex(found, input.Paging, { size: 1000, max: 1000 });
			return {
				RecordCount: page.total,
				Leads: page.items.map((lead) =>
					selectColumns(columns, lead, record(input.Columns).Include_CSV),
				),
			};
		},

		[`POST ${LEADS}/Leads.RecentlyModified`]: ({ body }) => {
			const input = record(body);
			const parameter = record(input.Parameter);
			const [from, to] = (['FromDate', 'ToDate'] as const).map((name) => {
				const ms = parseLsqDate(text(parameter[name]));
				if (Number.isNaN(ms))
					invalidInput(
						`Invalid ${name} '${text(parameter[name])}'. The supported DateTime format is UTC (YYYY-MM-DD HH:MM:SS)`,
					);
				return ms;
			});
			// ToDate names a whole second, and ModifiedOn carries milliseconds.
			const inRange = (lead: Lead) => {
				const modified = parseLsqDate(text(lead.ModifiedOn));
				return modified >= from && modified < to + 1000;
			};
			const attribute = input.Attribute ? columns.require(input.Attribute, 'Attribute') : undefined;
			const found = store
				.live()
				.filter(
					(lead) => inRange(lead) && (!attribute || text(lead[attribute]) === text(input.Value)),
				);
			const page = pageByIndex(
				sortLeads(columns, found, record(input.Sorting), 'ModifiedOn'),
				input.Paging,
				{ size: 100, max: 5000 },
			);
			return {
				RecordCount: page.total,
				Leads: page.items.map((lead) =>
					propertyList(selectColumns(columns, lead, record(input.Columns).Include_CSV)),
				),
			};
		},

		[`GET ${LEADS}/Lead/Delete/ById`]: ({ query }) => {
			if (!extra().deleteApiEnabled)
				throw new LsqError('MXUnauthorizedRequestException', 'Delete is not enabled for you');
			const id = guid(query.get('leadId'), 'leadId');
			if (!store.delete(id))
				throw new LsqError('MXInvalidEntityException', 'Lead does not exist in the system');
			crm.forgetLead(id);
			return { Status: 'Success' };
		},
	});
}
