// One parent folder per jest run for the n8n user folders the test files create
// (test/setup-env.ts); test/globalTeardown.js removes it, so runs leave nothing in the temp folder.
const { mkdtempSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');

module.exports = () => {
	process.env.LSQ_TEST_TEMP = mkdtempSync(join(tmpdir(), 'lsq-tests-'));
};
