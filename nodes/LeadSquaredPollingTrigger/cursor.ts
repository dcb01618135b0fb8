import type { ModifiedLead } from './recentlyModified';

/**
 * Each poll reads from this long before the previous poll's end: LeadSquared's clock and n8n's
 * may differ, and a change may become visible to the API a little after its ModifiedOn time.
 * Changes read twice because of the overlap are recognised and dropped.
 */
export const OVERLAP_MS = 5 * 60 * 1000;

/** What the trigger keeps in the workflow's static data between polls. */
export interface PollState {
	/** ISO time of the first poll after activation: nothing before it is news, overlap or not. */
	startedAt?: string;
	/** ISO time the previous poll read up to. */
	lastPolledAt?: string;
	/** Changes already emitted whose time is still inside the overlap: key → ISO time. */
	seen?: Record<string, string>;
}

export type ChangeType = 'created' | 'updated';

export interface LeadChange {
	change: ModifiedLead;
	type: ChangeType;
}

/** The window the next poll reads, or undefined on the first poll after activation. */
export function windowFor(state: PollState, now: Date): { from: Date; to: Date } | undefined {
	if (!state.lastPolledAt) return undefined;
	const from = Math.max(
		Date.parse(state.lastPolledAt) - OVERLAP_MS,
		state.startedAt ? Date.parse(state.startedAt) : -Infinity,
	);
	// LeadSquared reads FromDate to the second; the duplicate check must forget on the same boundary.
	return { from: new Date(Math.floor(from / 1000) * 1000), to: now };
}

/**
 * The changes not emitted before, each marked created (the lead is new since the window began
 * and was not reported as new already) or updated; and the state for the next poll. A lead's
 * change is the pair (lead ID, ModifiedOn), so a lead edited twice is reported twice.
 */
export function newChanges(
	leads: ModifiedLead[],
	state: PollState,
	window: { from: Date; to: Date },
): { changes: LeadChange[]; next: PollState } {
	const seen = keptInside(state.seen ?? {}, window.from);
	const changes: LeadChange[] = [];
	for (const lead of leads) {
		const changeKey = `${lead.id}|${lead.modifiedOn}`;
		if (seen[changeKey]) continue;
		seen[changeKey] = lead.modifiedOn;
		const createdKey = `${lead.id}|created`;
		const isNew =
			lead.createdOn !== undefined &&
			Date.parse(lead.createdOn) >= window.from.getTime() &&
			!seen[createdKey];
		if (isNew) seen[createdKey] = lead.createdOn as string;
		changes.push({ change: lead, type: isNew ? 'created' : 'updated' });
	}
	return { changes, next: { ...state, lastPolledAt: window.to.toISOString(), seen } };
}

/** Only entries the next poll can read again need remembering. */
function keptInside(seen: Record<string, string>, from: Date): Record<string, string> {
	const kept: Record<string, string> = {};
	for (const [key, time] of Object.entries(seen)) {
		if (Date.parse(time) >= from.getTime()) kept[key] = time;
	}
	return kept;
}
