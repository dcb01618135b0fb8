// One parent folder per jest run for the n8n user folders the test files create
// (test/setup-env.ts), removed when the run ends, so runs leave nothing behind in the temp folder.
const { mkdtempSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');

module.exports = {
	setup() {
		process.env.LSQ_TEST_TEMP = mkdtempSync(join(tmpdir(), 'lsq-tests-'));
	},
	teardown() {
		if (process.env.LSQ_TEST_TEMP)
			rmSync(process.env.LSQ_TEST_TEMP, { recursive: true, force: true });
	},
};
