import { startSandbox } from './server';
import type { PartialOptions } from './options';

/** `--port=9000` style flags win over LSQ_SANDBOX_* environment variables. */
function setting(name: string, envName: string): string | undefined {
	const flag = process.argv.find((arg) => arg.startsWith(`--${name}=`));
	return flag ? flag.slice(name.length + 3) : process.env[envName];
}

function numberSetting(name: string, envName: string): number | undefined {
	const value = setting(name, envName);
	return value === undefined || value === '' ? undefined : Number(value);
}

async function main(): Promise<void> {
	const changes: PartialOptions = {};
	const port = numberSetting('port', 'LSQ_SANDBOX_PORT');
	if (port !== undefined) changes.port = port;
	const accessKey = setting('access-key', 'LSQ_SANDBOX_ACCESS_KEY');
	if (accessKey) changes.accessKey = accessKey;
	const secretKey = setting('secret-key', 'LSQ_SANDBOX_SECRET_KEY');
	if (secretKey) changes.secretKey = secretKey;
	const apiKey = setting('api-key', 'LSQ_SANDBOX_API_KEY');
	if (apiKey) changes.apiKey = apiKey;
	const rateLimit = numberSetting('rate-limit', 'LSQ_SANDBOX_RATE_LIMIT');
	if (rateLimit !== undefined) changes.rateLimit = rateLimit;
	const rateWindowMs = numberSetting('rate-window-ms', 'LSQ_SANDBOX_RATE_WINDOW_MS');
	if (rateWindowMs !== undefined) changes.rateWindowMs = rateWindowMs;
	const asyncDelayMs = numberSetting('async-delay-ms', 'LSQ_SANDBOX_ASYNC_DELAY_MS');
	if (asyncDelayMs !== undefined) changes.asyncDelayMs = asyncDelayMs;
	const dataFile = setting('data-file', 'LSQ_SANDBOX_DATA_FILE');
	if (dataFile) changes.dataFile = dataFile;

	const sandbox = await startSandbox(changes);
	const {
		accessKey: key,
		secretKey: secret,
		apiKey: api,
		rateLimit: limit,
		rateWindowMs: window,
	} = sandbox.options;
	console.log(
		`LeadSquared sandbox on ${sandbox.url} (API host and async API host: ${sandbox.url}; access key ${key}, secret key ${secret}, x-api-key ${api}; ${limit} calls per ${window / 1000} s)`,
	);
	const stop = () => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
