// Removes the run's parent temp folder that test/globalSetup.js made.
const { rmSync } = require('fs');

module.exports = () => {
	if (process.env.LSQ_TEST_TEMP)
		rmSync(process.env.LSQ_TEST_TEMP, { recursive: true, force: true });
};
