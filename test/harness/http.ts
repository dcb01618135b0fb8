import nock from 'nock';

import { clearProcessCaches } from './processCaches';

export interface SeenRequest {
	method: string;
	url: string;
}

/**
 * Every test starts with no network, no interceptors and fresh process-wide caches, and can
 * see requests that matched no interceptor (the proof that bad input sent nothing).
 */
export function useNock(): { unmatched: SeenRequest[] } {
	const state = { unmatched: [] as SeenRequest[] };
	const onNoMatch = (req: {
		method?: string;
		path?: string;
		href?: string;
		options?: { href?: string };
	}) => {
		state.unmatched.push({
			method: req.method ?? '?',
			url: req.href ?? req.options?.href ?? req.path ?? '?',
		});
	};
	beforeAll(() => {
		nock.disableNetConnect();
		nock.emitter.on('no match', onNoMatch);
	});
	afterAll(() => {
		nock.emitter.removeListener('no match', onNoMatch);
		nock.enableNetConnect();
	});
	beforeEach(() => {
		nock.cleanAll();
		state.unmatched.length = 0;
		clearProcessCaches();
	});
	afterEach(() => {
		const pending = nock.pendingMocks();
		nock.cleanAll();
		expect({ pendingMocks: pending, unmatchedRequests: state.unmatched }).toEqual({
			pendingMocks: [],
			unmatchedRequests: [],
		});
	});
	return state;
}
