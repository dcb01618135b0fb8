// n8n-core writes an encryption key into ~/.n8n on first import unless it is pointed elsewhere;
// tests must never touch the developer's real n8n folder.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

if (!process.env.N8N_USER_FOLDER?.includes('lsq-test-')) {
	// Inside the run's own temp folder (test/globalSetup.js), which is removed when the run ends.
	process.env.N8N_USER_FOLDER = mkdtempSync(
		join(process.env.LSQ_TEST_TEMP ?? tmpdir(), 'lsq-test-'),
	);
}
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
// n8n-core's own logger writes to the console by default; send it to a file in the test folder,
// where the secret-leak test reads it along with the lines captured through LoggerProxy.
process.env.N8N_LOG_OUTPUT = 'file';
process.env.N8N_LOG_FILE_LOCATION = join(process.env.N8N_USER_FOLDER, 'n8n-core.log');
