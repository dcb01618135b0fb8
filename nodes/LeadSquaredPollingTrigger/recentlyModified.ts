import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { leadPages } from '../LeadSquared/actions/lead/leadReads';
import { leadSquaredDateToIso, toLeadSquaredDate } from '../shared/dates';
import { flattenRecord } from '../shared/records';
import { leadSquaredRequest } from '../shared/transport';

/** Leads.RecentlyModified answers at most this many leads per call. */
export const PAGE_SIZE = 5000;

/** A lead as read for polling: flat, with LeadSquared's own values, plus its ID and times in ISO. */
export interface ModifiedLead {
	lead: IDataObject;
	id: string;
	modifiedOn: string;
	createdOn: string | undefined;
}

/**
 * Every lead modified from `from` to `to`, oldest change first. Past 5,000 leads it asks again
 * from the last change it got rather than for page 2: leads modified while it reads leave the
 * date range, and with page numbers every later lead would shift one place and be skipped.
 * A repeated lead from the restart is dropped by the caller's duplicate check.
 */
export async function leadsModifiedBetween(
	context: IPollFunctions,
	from: Date,
	to: Date,
): Promise<ModifiedLead[]> {
	const leads: ModifiedLead[] = [];
	let start = from;
	let pageIndex = 1;
	for (;;) {
		const page = await readPage(context, {
			from: start,
			to,
			pageIndex,
			pageSize: PAGE_SIZE,
			newestFirst: false,
		});
		leads.push(...page);
		if (page.length < PAGE_SIZE) return leads;
		const lastChange = new Date(page[page.length - 1].modifiedOn);
		// More than a page of leads changed within the same second: only a page number gets past them.
		if (lastChange.getTime() > start.getTime()) {
			start = lastChange;
			pageIndex = 1;
		} else {
			pageIndex++;
		}
	}
}

/** The most recently modified lead, for the editor's "Fetch Test Event". */
export async function latestLead(
	context: IPollFunctions,
	now: Date,
): Promise<ModifiedLead | undefined> {
	const [lead] = await readPage(context, {
		from: new Date(Date.UTC(2000, 0, 1)),
		to: now,
		pageIndex: 1,
		pageSize: 1,
		newestFirst: true,
	});
	return lead;
}

async function readPage(
	context: IPollFunctions,
	page: { from: Date; to: Date; pageIndex: number; pageSize: number; newestFirst: boolean },
): Promise<ModifiedLead[]> {
	// Same request as the LeadSquared node's Get Recently Modified, but sorted by ModifiedOn, which
	// the restart from the last change read needs.
	const list = leadPages(
		'Leads.RecentlyModified',
		PAGE_SIZE,
		{
			Parameter: { FromDate: toLeadSquaredDate(page.from), ToDate: toLeadSquaredDate(page.to) },
			Sorting: { ColumnName: 'ModifiedOn', Direction: page.newestFirst ? '1' : '0' },
		},
		{ columns: '', rawValues: true },
	);
	const body = await leadSquaredRequest.call(
		context,
		list.request({ PageIndex: page.pageIndex, PageSize: page.pageSize }),
	);
	return list.records(body).flatMap((record) => {
		const lead = flattenRecord(record, { rawValues: true });
		const id = lead.ProspectID ?? lead.ProspectId;
		const modifiedOn = isoOf(lead.ModifiedOn);
		return typeof id === 'string' && modifiedOn
			? [{ lead, id, modifiedOn, createdOn: isoOf(lead.CreatedOn) }]
			: [];
	});
}

function isoOf(value: unknown): string | undefined {
	return typeof value === 'string' ? leadSquaredDateToIso(value) : undefined;
}
