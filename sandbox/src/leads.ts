import { randomUUID } from 'crypto';

import { lsqDateTime } from './dates';
import type { FieldDefinition } from './fields';

/** A LeadSquared application error: HTTP 500 with an MX exception type, as LeadSquared answers. */
export class LsqError extends Error {
	constructor(
		readonly exceptionType: string,
		message: string,
		readonly status = 500,
	) {
		super(message);
	}
}

export type Lead = Record<string, string | Record<string, string>>;

/** A request body after validation: field values in order, and the SearchBy pseudo-field. */
export interface ParsedLead {
	values: Map<string, string | Record<string, string>>;
	searchBy?: string;
}

/** A lead written through the API: what webhooks are told about. */
export interface LeadChange {
	kind: 'create' | 'update';
	lead: Lead;
	/** The lead as it was, for updates. */
	before?: Lead;
}

export type CaptureBehavior =
	| 'DoNotUpdate'
	| 'UpdateOnlyEmptyFields'
	| 'DoNotUpdateUniqueFields'
	| undefined;

const UNIQUE_FIELDS = ['EmailAddress', 'Phone'] as const;

// Milliseconds kept, as LeadSquared's own "2017-11-30 07:40:18.000", so that writes within one
// second still order correctly in RecentlyModified and phone look-ups.
function now(): string {
	return lsqDateTime(Date.now());
}

function scalar(value: unknown, attribute: string): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
		return String(value);
	throw new LsqError('MXInvalidInputException', `Invalid value for attribute ${attribute}`);
}

/**
 * The sandbox account's leads and LeadSquared's rules for writing them: unknown fields reject
 * the whole payload, email and phone are unique, and each write endpoint matches existing leads
 * the way its documentation describes.
 */
export class LeadStore {
	private readonly leads = new Map<string, Lead>();

	private readonly fields: Map<string, FieldDefinition>;

	writesApplied = 0;

	private readonly listeners: Array<(change: LeadChange) => void> = [];

	constructor(
		fields: FieldDefinition[],
		private readonly onChange: () => void = () => undefined,
	) {
		this.fields = new Map(fields.map((field) => [field.SchemaName.toLowerCase(), field]));
	}

	all(): Lead[] {
		return [...this.leads.values()].map((lead) => ({ ...lead }));
	}

	get(id: string): Lead | undefined {
		return this.leads.get(id.toLowerCase());
	}

	subscribe(listener: (change: LeadChange) => void): void {
		this.listeners.push(listener);
	}

	private notify(change: LeadChange): void {
		for (const listener of this.listeners) listener(change);
	}

	/** The stored leads themselves, for read endpoints that copy what they answer with. */
	live(): Lead[] {
		return [...this.leads.values()];
	}

	field(name: string): FieldDefinition | undefined {
		return this.fields.get(name.toLowerCase());
	}

	delete(id: string): boolean {
		const deleted = this.leads.delete(id.toLowerCase());
		if (deleted) this.changed();
		return deleted;
	}

	/**
	 * Adds ready-made leads in one pass: per-lead uniqueness checks scan every lead, which
	 * would make seeding 10,000 leads quadratic. Clashes are still refused, before any change.
	 */
	insertMany(leads: Lead[]): string[] {
		const taken = new Set<string>();
		for (const lead of this.leads.values())
			for (const name of UNIQUE_FIELDS)
				if (lead[name]) taken.add(`${name}:${String(lead[name]).toLowerCase()}`);
		for (const lead of leads) {
			for (const name of UNIQUE_FIELDS) {
				if (!lead[name]) continue;
				const key = `${name}:${String(lead[name]).toLowerCase()}`;
				if (taken.has(key))
					throw new LsqError(
						'MXDuplicateEntryException',
						`A Lead with same ${name === 'EmailAddress' ? 'Email' : 'Phone'} already exists.`,
					);
				taken.add(key);
			}
		}
		const ids = leads.map((lead) => {
			const id = randomUUID();
			this.leads.set(id, { ...lead, ProspectID: id });
			return id;
		});
		this.writesApplied += leads.length;
		this.changed();
		return ids;
	}

	/** LeadSquared keeps the latest activity on the lead; phone look-ups prefer the most recent. */
	recordActivity(id: string, name: string, at: string): void {
		const lead = this.get(id);
		if (!lead) return;
		if (!lead.ProspectActivityDate_Max || String(lead.ProspectActivityDate_Max) <= at) {
			lead.ProspectActivityDate_Max = at;
			lead.ProspectActivityName_Max = name;
		}
		this.changed();
	}

	load(leads: Lead[]): void {
		for (const lead of leads) {
			const id = String(lead.ProspectID ?? randomUUID()).toLowerCase();
			this.leads.set(id, { ...lead, ProspectID: id });
		}
	}

	clear(): void {
		this.leads.clear();
		this.writesApplied = 0;
	}

	/** Validates an attribute-array body the way LeadSquared does, before any change. */
	parse(body: unknown): ParsedLead {
		if (!Array.isArray(body)) {
			throw new LsqError(
				'MXInvalidInputException',
				'Request body must be an array of Attribute and Value pairs',
			);
		}
		const values = new Map<string, string | Record<string, string>>();
		let searchBy: string | undefined;
		const unknown: string[] = [];
		for (const entry of body) {
			if (
				entry === null ||
				typeof entry !== 'object' ||
				typeof (entry as { Attribute?: unknown }).Attribute !== 'string'
			) {
				throw new LsqError(
					'MXInvalidInputException',
					'Each entry needs an Attribute of type string',
				);
			}
			const { Attribute, Value, Fields } = entry as {
				Attribute: string;
				Value?: unknown;
				Fields?: unknown;
			};
			if (Attribute === 'SearchBy') {
				searchBy = scalar(Value, Attribute);
				continue;
			}
			const field = this.fields.get(Attribute.toLowerCase());
			if (!field) {
				unknown.push(Attribute);
				continue;
			}
			if (Fields !== undefined) {
				values.set(field.SchemaName, this.fieldSet(field, Fields));
			} else {
				values.set(field.SchemaName, scalar(Value, Attribute));
			}
		}
		if (unknown.length > 0)
			throw new LsqError(
				'MXInvalidInputException',
				`Attribute(s) does not exist - ${unknown.join(',')}`,
			);
		return { values, searchBy };
	}

	private fieldSet(field: FieldDefinition, fields: unknown): Record<string, string> {
		if (field.DataType !== 'CustomObject' || !Array.isArray(fields)) {
			throw new LsqError(
				'MXInvalidInputException',
				`Fields can only be passed for a custom field set, not ${field.SchemaName}`,
			);
		}
		const result: Record<string, string> = {};
		for (const entry of fields as Array<{ Attribute?: unknown; Value?: unknown }>) {
			if (typeof entry?.Attribute !== 'string' || !field.Fields?.includes(entry.Attribute)) {
				throw new LsqError(
					'MXInvalidInputException',
					`Attribute(s) does not exist - ${String(entry?.Attribute)}`,
				);
			}
			result[entry.Attribute] = scalar(entry.Value, entry.Attribute);
		}
		return result;
	}

	create(values: ParsedLead['values']): string {
		this.assertUnique(values, undefined);
		const id = randomUUID();
		const stamp = now();
		const lead: Lead = { ProspectID: id, CreatedOn: stamp, ModifiedOn: stamp };
		this.apply(lead, values, () => true);
		lead.ModifiedOn = stamp;
		this.leads.set(id, lead);
		this.changed();
		this.notify({ kind: 'create', lead });
		return id;
	}

	/** Lead.Update: only the sent fields change. */
	update(leadId: string | undefined, values: ParsedLead['values']): number {
		if (!leadId)
			throw new LsqError(
				'MXMandatoryAttributeMissingException',
				"'leadId' is mandatory for updating lead",
			);
		const lead = this.get(leadId);
		if (!lead) throw new LsqError('MXInvalidEntityException', 'Lead does not exist in the system');
		this.assertUnique(values, String(lead.ProspectID));
		this.apply(lead, values, () => true);
		this.changed();
		return 1;
	}

	/** Lead.CreateOrUpdate: match on SearchBy, else email then phone; create when nothing matches. */
	createOrUpdate({ values, searchBy }: ParsedLead): { id: string; created: boolean } {
		let match: Lead | undefined;
		if (searchBy) {
			const value = values.get(this.schemaName(searchBy));
			if (typeof value !== 'string' || value === '') {
				throw new LsqError(
					'MXInvalidInputException',
					`SearchBy attribute ${searchBy} is not passed`,
				);
			}
			match = this.findBy(this.schemaName(searchBy), value);
		} else {
			if (!UNIQUE_FIELDS.some((name) => values.get(name))) {
				throw new LsqError(
					'MXMandatoryAttributeMissingException',
					'Pass at least one unique field: EmailAddress or Phone',
				);
			}
			match = this.findByEmailThenPhone(values);
		}
		if (!match) return { id: this.create(values), created: true };
		this.update(String(match.ProspectID), values);
		return { id: String(match.ProspectID), created: false };
	}

	/**
	 * Lead.Capture (documented rules): no identifying field creates a lead; otherwise ProspectID,
	 * then email, then phone, with SearchBy taking priority unless ProspectID, email, phone and
	 * SearchBy are all sent; a ProspectID whose email differs from the one sent creates a new lead.
	 */
	capture(
		{ values, searchBy }: ParsedLead,
		prospectId: string | undefined,
		behavior: CaptureBehavior,
	): { id: string; created: boolean } {
		const allSent = prospectId && values.get('EmailAddress') && values.get('Phone') && searchBy;
		let match: Lead | undefined;
		if (searchBy && !allSent) {
			const value = searchBy === 'ProspectID' ? prospectId : values.get(this.schemaName(searchBy));
			match =
				typeof value === 'string' && value !== ''
					? this.findBy(this.schemaName(searchBy), value)
					: undefined;
		} else if (prospectId) {
			const byId = this.get(prospectId);
			const email = values.get('EmailAddress');
			const emailDiffers =
				byId &&
				typeof email === 'string' &&
				email !== '' &&
				String(byId.EmailAddress ?? '').toLowerCase() !== email.toLowerCase();
			match = emailDiffers ? undefined : (byId ?? this.findByEmailThenPhone(values));
		} else {
			match = this.findByEmailThenPhone(values);
		}
		if (!match) return { id: this.create(values), created: true };
		if (behavior !== 'DoNotUpdate') {
			this.assertUnique(values, String(match.ProspectID));
			const target = match;
			this.apply(target, values, (name) =>
				behavior === 'UpdateOnlyEmptyFields'
					? !target[name]
					: behavior === 'DoNotUpdateUniqueFields'
						? !(UNIQUE_FIELDS as readonly string[]).includes(name)
						: true,
			);
			this.changed();
		}
		return { id: String(match.ProspectID), created: false };
	}

	/** Lead/Bulk/Update: one field, up to 50 leads; counts the leads that exist. */
	bulkUpdate(body: unknown): number {
		const { LeadIds, LeadFields, Attribute, Value } = (body ?? {}) as {
			LeadIds?: unknown;
			LeadFields?: { Attribute?: unknown; Value?: unknown };
			Attribute?: unknown;
			Value?: unknown;
		};
		if (
			!Array.isArray(LeadIds) ||
			LeadIds.length === 0 ||
			!LeadIds.every((id) => typeof id === 'string')
		) {
			throw new LsqError(
				'MXInvalidInputException',
				'LeadIds must be a non-empty array of lead ids',
			);
		}
		if (LeadIds.length > 50)
			throw new LsqError('MXInvalidInputException', 'Maximum 50 leads can be updated at a time');
		const updates: unknown[] = [{ Attribute: LeadFields?.Attribute, Value: LeadFields?.Value }];
		if (Attribute !== undefined) updates.push({ Attribute, Value });
		const { values } = this.parse(updates);
		let affected = 0;
		for (const id of LeadIds as string[]) {
			const lead = this.get(id);
			if (!lead) continue;
			this.apply(lead, values, () => true);
			affected++;
		}
		if (affected > 0) this.changed();
		return affected;
	}

	findBy(schemaName: string, value: string): Lead | undefined {
		if (schemaName === 'ProspectID') return this.get(value);
		const caseless = schemaName === 'EmailAddress';
		for (const lead of this.leads.values()) {
			const stored = lead[schemaName];
			if (typeof stored !== 'string' || stored === '') continue;
			if (caseless ? stored.toLowerCase() === value.toLowerCase() : stored === value) return lead;
		}
		return undefined;
	}

	private findByEmailThenPhone(values: ParsedLead['values']): Lead | undefined {
		const email = values.get('EmailAddress');
		const phone = values.get('Phone');
		return (
			(typeof email === 'string' && email ? this.findBy('EmailAddress', email) : undefined) ??
			(typeof phone === 'string' && phone ? this.findBy('Phone', phone) : undefined)
		);
	}

	private assertUnique(values: ParsedLead['values'], ownId: string | undefined): void {
		for (const name of UNIQUE_FIELDS) {
			const value = values.get(name);
			if (typeof value !== 'string' || value === '') continue;
			const holder = this.findBy(name, value);
			if (holder && holder.ProspectID !== ownId) {
				const label = name === 'EmailAddress' ? 'Email' : 'Phone';
				throw new LsqError(
					'MXDuplicateEntryException',
					`A Lead with same ${label} already exists.`,
				);
			}
		}
	}

	private apply(
		lead: Lead,
		values: ParsedLead['values'],
		allowed: (name: string) => boolean,
	): void {
		// A lead being created is not stored yet: create() reports it once it is.
		const before = this.leads.has(String(lead.ProspectID)) ? structuredClone(lead) : undefined;
		for (const [name, value] of values) {
			if (this.fields.get(name.toLowerCase())?.ReadOnly || !allowed(name)) continue;
			lead[name] = value;
		}
		lead.ModifiedOn = now();
		this.writesApplied++;
		if (before) this.notify({ kind: 'update', lead, before });
	}

	private schemaName(name: string): string {
		return this.fields.get(name.toLowerCase())?.SchemaName ?? name;
	}

	private changed(): void {
		this.onChange();
	}
}
