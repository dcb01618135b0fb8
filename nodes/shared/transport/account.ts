import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { AUTO_DETECT_HOST, CUSTOM_HOST, asyncBaseUrlFor, normaliseBaseUrl } from '../hosts';
import { processCache } from '../processCache';
import { secretsOf } from './redact';

export const CREDENTIAL_TYPE = 'leadSquaredApi';

const DEFAULT_MAX_RETRY_SECONDS = 120;
const DEFAULT_TIMEOUT_SECONDS = 60;

/** The credential as the transport needs it: where to send, how fast, and what to hide. */
export interface Account {
	credentials: ICredentialDataDecryptedObject;
	/** Undefined while the host is to be auto-detected. */
	configuredApiBaseUrl: string | undefined;
	/** Undefined when it follows the API host's region. */
	configuredAsyncBaseUrl: string | undefined;
	callsPer5Seconds: number;
	maxRetryMs: number;
	timeoutMs: number;
	secrets: string[];
	/** Identifies the account in process-wide caches without keeping the key itself. */
	fingerprint: string;
}

export function accountFromCredentials(credentials: ICredentialDataDecryptedObject): Account {
	const apiHost = String(credentials.apiHost ?? AUTO_DETECT_HOST);
	const asyncHost = String(credentials.asyncApiHost ?? AUTO_DETECT_HOST);
	const limit = Number(credentials.callsPer5Seconds);
	const maxRetrySeconds = Number(credentials.maxRetrySeconds ?? DEFAULT_MAX_RETRY_SECONDS);
	const timeoutSeconds = Number(credentials.requestTimeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
	return {
		credentials,
		configuredApiBaseUrl: chosenBaseUrl(apiHost, credentials.customApiHost),
		configuredAsyncBaseUrl: chosenBaseUrl(asyncHost, credentials.customAsyncApiHost),
		callsPer5Seconds: Number.isFinite(limit) && limit >= 1 ? Math.floor(limit) : 25,
		maxRetryMs:
			(Number.isFinite(maxRetrySeconds) && maxRetrySeconds >= 0
				? maxRetrySeconds
				: DEFAULT_MAX_RETRY_SECONDS) * 1000,
		timeoutMs:
			(Number.isFinite(timeoutSeconds) && timeoutSeconds > 0
				? timeoutSeconds
				: DEFAULT_TIMEOUT_SECONDS) * 1000,
		secrets: secretsOf(credentials),
		fingerprint: createHash('sha256')
			.update(String(credentials.accessKey ?? ''))
			.digest('hex')
			.slice(0, 16),
	};
}

function chosenBaseUrl(choice: string, custom: unknown): string | undefined {
	if (choice === AUTO_DETECT_HOST) return undefined;
	if (choice === CUSTOM_HOST) return normaliseBaseUrl(String(custom ?? ''));
	return normaliseBaseUrl(choice);
}

/** Hosts found by auto-detection, per account, for the life of the process. */
const detectedHosts = processCache<string, Promise<string>>();

export async function detectedApiBaseUrl(
	account: Account,
	detect: () => Promise<string>,
): Promise<string> {
	let detection = detectedHosts.get(account.fingerprint);
	if (!detection) {
		detection = detect();
		detectedHosts.set(account.fingerprint, detection);
		// A failed detection (bad key, network) must be retried on the next call, not cached.
		detection.catch(() => detectedHosts.delete(account.fingerprint));
	}
	return await detection;
}

export { asyncBaseUrlFor };
