// Process-wide caches are created through one factory; the tests' copy remembers them so that
// test/harness/http.ts can empty them before every test (shipped code has no reset of its own).
jest.mock('../nodes/shared/processCache', () => jest.requireActual('./harness/processCaches'));
