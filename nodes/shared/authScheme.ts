/**
 * How a request wants the credential applied. The transport sets this header and the
 * credential's `authenticate` consumes (and removes) it, so the keys are placed in one spot.
 */
export const REQUEST_KIND_HEADER = 'x-n8n-leadsquared-auth';

/** `v2`: sync API; `async`: async submit calls; `asyncStatus`: async status calls. */
export type AuthScheme = 'v2' | 'async' | 'asyncStatus';
