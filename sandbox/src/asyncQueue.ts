import { randomUUID } from 'crypto';

import { LsqError } from './leads';

export type JobKind = 'capture' | 'update';
export type JobStatus = 'In-Queue' | 'Success' | 'FAILURE' | 'ERROR';

interface Job {
	id: string;
	kind: JobKind;
	status: JobStatus;
	reason: string | null;
	requestBody: string;
	message: string | null;
	currentStep: string | null;
	lastStep: string | null;
}

/**
 * LeadSquared's async API as a real queue: a job is In-Queue until `delayMs` passes, then runs
 * the same logic as the sync endpoint and ends Success, FAILURE (an MX application error) or
 * ERROR (anything else).
 */
export class AsyncQueue {
	private readonly jobs = new Map<string, Job>();

	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(public delayMs: number) {}

	submit(kind: JobKind, requestBody: string, run: () => unknown): string {
		const job: Job = {
			id: randomUUID(),
			kind,
			status: 'In-Queue',
			reason: null,
			requestBody,
			message: null,
			currentStep: 'In-Queue',
			lastStep: null,
		};
		this.jobs.set(job.id, job);
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			this.finish(job, run);
		}, this.delayMs);
		this.timers.add(timer);
		return job.id;
	}

	private finish(job: Job, run: () => unknown): void {
		job.currentStep = null;
		job.lastStep = 'In-Process-Queue';
		try {
			job.message = JSON.stringify(run());
			job.status = 'Success';
			job.reason = 'Request was successfully completed';
		} catch (error) {
			job.status = error instanceof LsqError ? 'FAILURE' : 'ERROR';
			job.reason = (error as Error).message;
		}
	}

	/** The status document, spelled as each status page documents it (RequestId vs RequestID). */
	status(kind: JobKind, id: string): object | undefined {
		const job = this.jobs.get(id.toLowerCase());
		if (!job || job.kind !== kind) return undefined;
		const taskStatus = {
			TaskType: kind === 'capture' ? 'Lead Capture' : 'Lead Update',
			Status: job.status,
			StatusReason: job.reason,
			TaskCurrentStep: job.currentStep,
			TaskLastStep: job.lastStep,
			RequestBody: job.requestBody,
			Message: job.message,
		};
		return kind === 'capture'
			? { RequestId: job.id, TaskStatus: taskStatus }
			: { RequestID: job.id, TaskStatus: taskStatus };
	}

	pending(): number {
		return [...this.jobs.values()].filter((job) => job.status === 'In-Queue').length;
	}

	clear(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.jobs.clear();
	}
}
